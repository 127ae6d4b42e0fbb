// The one module that talks to ffmpeg/ffprobe (through fluent-ffmpeg, archived upstream): everything else
// calls these functions, so replacing fluent-ffmpeg with plain child_process touches this file only.
import { abortReason } from "../io/abort.js";
import { addChapterToc } from "./id3-toc.js";
import { accessSync, chmodSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import ffmpeg from "fluent-ffmpeg";

const require = createRequire(import.meta.url);

export interface FfmpegPaths {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * Finds ffmpeg and ffprobe (FFMPEG_PATH / FFPROBE_PATH, else the npm installer packages) and makes them
 * executable: npm 11 may skip install scripts, leaving the bundled binaries without the x bit.
 */
export function ffmpegPaths(): FfmpegPaths {
  const ffmpegPath = process.env.FFMPEG_PATH || installerPath("@ffmpeg-installer/ffmpeg", "FFMPEG_PATH");
  const ffprobePath = process.env.FFPROBE_PATH || installerPath("@ffprobe-installer/ffprobe", "FFPROBE_PATH");
  ensureExecutable(ffmpegPath);
  ensureExecutable(ffprobePath);
  return { ffmpeg: ffmpegPath, ffprobe: ffprobePath };
}

function installerPath(pkg: string, envName: string): string {
  try {
    return (require(pkg) as { path: string }).path;
  } catch (error) {
    throw new Error(`${pkg}: no binary for ${process.platform}-${process.arch} (${String(error)}) (fix: run \`npm ci\`, or set ${envName} to a binary)`);
  }
}

function ensureExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
    return;
  } catch {
    // fall through: try to add the execute bits
  }
  try {
    chmodSync(path, statSync(path).mode | 0o111);
    accessSync(path, constants.X_OK);
  } catch (error) {
    throw new Error(`${path} is not executable and chmod failed: ${(error as Error).message} (fix: chmod +x it, or set FFMPEG_PATH/FFPROBE_PATH)`);
  }
}

function command(): ffmpeg.FfmpegCommand {
  const paths = ffmpegPaths();
  return ffmpeg().setFfmpegPath(paths.ffmpeg).setFfprobePath(paths.ffprobe);
}

/** Runs a command to completion; kills ffmpeg when `signal` aborts. Resolves with ffmpeg's stderr lines. */
function run(cmd: ffmpeg.FfmpegCommand, what: string, signal?: AbortSignal): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const onAbort = () => cmd.kill("SIGKILL");
    if (signal?.aborted) return reject(abortReason(signal, `${what}: aborted`));
    signal?.addEventListener("abort", onAbort, { once: true });
    cmd
      .on("stderr", (line: string) => stderr.push(line))
      .on("error", (error: Error) => {
        signal?.removeEventListener("abort", onAbort);
        const tail = stderr.slice(-8).join("\n");
        reject(signal?.aborted ? abortReason(signal, `${what}: aborted`) : new Error(`${what}: ${error.message}${tail ? `\n${tail}` : ""}`));
      })
      .on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        resolve(stderr);
      })
      .run();
  });
}

/** What the MP3 encoder is told; one object so the render can hash it into a track's key. */
export interface Mp3EncodeOptions extends Mp3Output {
  /** Sample rate of the float PCM fed in. */
  inputRate: number;
  /** Path of an `;FFMETADATA1` file with tags and chapters (see metadata.ts). */
  metadataFile: string;
  signal?: AbortSignal;
}

/** One MP3 written from the shared PCM input. */
export interface Mp3Output {
  /** Sample rate of the MP3 (ffmpeg resamples once, with soxr). */
  outputRate: number;
  bitrateKbps: number;
  /** Optional cover image (JPEG or PNG) embedded as ID3 APIC. */
  artworkFile?: string;
  /** Encoder low-pass in Hz (LAME's own choice when absent). */
  lowpassHz?: number;
  /** Gain in dB applied by ffmpeg before the encode (the profile's level); 0 = none. */
  gainDb?: number;
}

/**
 * Encodes mono float32 PCM (a stream of chunks) into one MP3 with ID3v2.3 tags and CHAP frames:
 * the single encode of a track. Writes exactly `outFile` (callers pass a temporary name).
 */
export async function encodeMp3(pcm: AsyncIterable<Float32Array> | Iterable<Float32Array>, outFile: string, opts: Mp3EncodeOptions): Promise<void> {
  await encodeMp3s(pcm, [{ ...opts, outFile }], opts);
}

/** Float PCM for the encoder: chunks piped from Node, or a raw f32le file ffmpeg reads at its own pace. */
export type PcmSource = AsyncIterable<Float32Array> | Iterable<Float32Array> | { file: string };

/**
 * Encodes one interleaved PCM stream into several MP3s in one ffmpeg process: channel k becomes output k (its
 * gain, rate, bitrate), so a track is read once whatever the number of profiles. All outputs share the tags and
 * chapters of `metadataFile`; each output writes exactly its `outFile`. From a file, ffmpeg never waits on Node's
 * event loop (busy levelling or checking another track), so the encode runs at the encoder's speed.
 */
export async function encodeMp3s(
  pcm: PcmSource,
  outputs: readonly (Mp3Output & { outFile: string })[],
  input: { inputRate: number; metadataFile: string; signal?: AbortSignal },
): Promise<void> {
  const source = isPcmFile(pcm) ? undefined : Readable.from(toBuffers(pcm), { objectMode: false });
  const cmd = command()
    .input(isPcmFile(pcm) ? pcm.file : source!)
    .inputFormat("f32le")
    .inputOptions(["-ar", String(input.inputRate), "-ac", String(outputs.length)])
    .input(input.metadataFile)
    .inputFormat("ffmetadata");
  const branches = outputs.map((out, i) => {
    const filters = [`aresample=${out.outputRate}:resampler=soxr`];
    if (out.gainDb) filters.unshift(`volume=${out.gainDb.toFixed(3)}dB`);
    if (outputs.length > 1) filters.unshift(`pan=mono|c0=c${i}`);
    return `${outputs.length > 1 ? `[s${i}]` : "[0:a]"}${filters.join(",")}[o${i}]`;
  });
  const split = outputs.length > 1 ? [`[0:a]asplit=${outputs.length}${outputs.map((_, i) => `[s${i}]`).join("")}`] : [];
  cmd.complexFilter([...split, ...branches].join(";"));
  let nextInput = 2;
  outputs.forEach((out, i) => {
    const outputOptions = ["-map", `[o${i}]`, "-map_metadata", "1", "-map_chapters", "1"];
    if (out.artworkFile) {
      cmd.input(out.artworkFile);
      outputOptions.push("-map", `${nextInput++}:v`, "-c:v", "copy", "-disposition:v", "attached_pic", "-metadata:s:v", "title=Cover", "-metadata:s:v", "comment=Cover (front)");
    }
    outputOptions.push(
      "-c:a", "libmp3lame", "-b:a", `${out.bitrateKbps}k`, "-ar", String(out.outputRate), "-ac", "1",
      "-id3v2_version", "3", "-write_xing", "1",
    );
    if (out.lowpassHz) outputOptions.push("-cutoff", String(out.lowpassHz));
    // Spread, not an array: fluent-ffmpeg splits array items at a single space ("comment=Cover (front)").
    cmd.output(out.outFile).outputOptions(...outputOptions).format("mp3");
  });
  source?.on("error", (error) => cmd.kill("SIGKILL") && void error);
  await run(cmd, `ffmpeg encode ${outputs.map((o) => o.outFile).join(", ")}`, input.signal);
  // The bundled ffmpeg writes CHAP frames without the CTOC players need to list them.
  for (const out of outputs) await addChapterToc(out.outFile);
}

function isPcmFile(pcm: PcmSource): pcm is { file: string } {
  return typeof (pcm as { file?: unknown }).file === "string";
}

async function* toBuffers(pcm: AsyncIterable<Float32Array> | Iterable<Float32Array>): AsyncGenerator<Buffer> {
  for await (const chunk of pcm) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Integrated loudness and true peak of a file as ffmpeg's EBU R128 meter sees them. */
export interface MeasuredLoudness {
  integratedLufs: number;
  truePeakDbtp: number;
}

/** Measures a file with ffmpeg's ebur128 (peak=true): the number the manifest records and tests check. */
export async function measureLoudness(file: string, signal?: AbortSignal): Promise<MeasuredLoudness> {
  const cmd = command().input(file).audioFilters("ebur128=peak=true").format("null").output("-");
  const lines = await run(cmd, `ffmpeg ebur128 ${file}`, signal);
  let from = lines.length - 1;
  while (from > 0 && !lines[from]!.includes("Summary:")) from--;
  const summary = lines.slice(from);
  const value = (re: RegExp) => {
    const line = summary.find((l) => re.test(l));
    const number = line ? Number(line.match(/(-?inf|-?[0-9.]+)\s+(LUFS|dBFS)/i)?.[1]?.replace(/inf/i, "Infinity")) : NaN;
    if (Number.isNaN(number)) throw new Error(`ffmpeg ebur128 ${file}: no ${re.source} in the summary (fix: check that the file has audio)`);
    return number;
  };
  return { integratedLufs: value(/^\s*I:/), truePeakDbtp: value(/^\s*Peak:/) };
}

/** Decodes any audio file to mono float32 PCM at `rate`; fails on a decode error (tests, the bench). */
export async function decodeToPcm(file: string, rate: number, signal?: AbortSignal): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  await decodeChunks(file, rate, (chunk) => chunks.push(Float32Array.from(chunk)), signal);
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Decodes a file to mono float32 PCM at `rate`, handing each chunk over as it arrives (nothing track-long is held). */
export async function decodeChunks(file: string, rate: number, onChunk: (samples: Float32Array) => void, signal?: AbortSignal): Promise<void> {
  const cmd = command().input(file).inputOptions(["-xerror"]).outputOptions(["-ac", "1", "-ar", String(rate)]).format("f32le");
  let carry = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    const sink = cmd.pipe();
    sink.on("data", (data: Buffer) => {
      const bytes = carry.length > 0 ? Buffer.concat([carry, data]) : data;
      const whole = bytes.length - (bytes.length % 4);
      carry = Buffer.from(bytes.subarray(whole));
      // Copy into an aligned buffer: a Float32Array view needs a 4-byte-aligned offset.
      const aligned = new Float32Array(whole / 4);
      Buffer.from(aligned.buffer).set(bytes.subarray(0, whole));
      onChunk(aligned);
    });
    sink.on("end", resolve);
    sink.on("error", reject);
    cmd.on("error", (error: Error) => reject(new Error(`ffmpeg decode ${file}: ${error.message}`)));
    signal?.addEventListener("abort", () => cmd.kill("SIGKILL"), { once: true });
  });
}

/** Chapters and tags as ffprobe reads them back from a file (the check that ID3 CHAP frames exist). */
export interface ProbedFile {
  durationMs: number;
  sampleRate: number;
  bitRate: number;
  codec: string;
  tags: Record<string, string>;
  hasArtwork: boolean;
  chapters: { title: string; startMs: number; endMs: number }[];
}

/** Reads a file's format, tags and chapters with ffprobe. */
export function probe(file: string): Promise<ProbedFile> {
  const paths = ffmpegPaths();
  ffmpeg.setFfprobePath(paths.ffprobe);
  return new Promise((resolve, reject) => {
    ffmpeg.ffprobe(file, ["-show_chapters"], (error: unknown, data: ffmpeg.FfprobeData & { chapters?: Record<string, unknown>[] }) => {
      if (error) return reject(new Error(`ffprobe ${file}: ${error instanceof Error ? error.message : JSON.stringify(error)}`));
      const audio = data.streams.find((s) => s.codec_type === "audio");
      const tags: Record<string, string> = {};
      for (const [k, v] of Object.entries(data.format.tags ?? {})) tags[k.toLowerCase()] = String(v);
      resolve({
        durationMs: Math.round(Number(data.format.duration) * 1000),
        sampleRate: Number(audio?.sample_rate ?? 0),
        bitRate: Number(data.format.bit_rate ?? 0),
        codec: String(audio?.codec_name ?? ""),
        tags,
        hasArtwork: data.streams.some((s) => s.codec_type === "video"),
        chapters: ((data.chapters ?? []) as Record<string, unknown>[]).map((c) => ({
          title: typeof c["TAG:title"] === "string" ? c["TAG:title"] : "",
          startMs: Math.round(Number(c["start_time"]) * 1000),
          endMs: Math.round(Number(c["end_time"]) * 1000),
        })),
      });
    });
  });
}
