// A routine built from its exercises' already encoded MP3 frames where it says what they say (splice-plan.ts
// finds where), and from its own encode everywhere else: the routine's own parts are laid end to end in one PCM
// stream, each starting a whole number of frames from where it sits in the routine, encoded once for every
// profile, and their frames are joined with the exercises' inside pauses. The PCM of the whole routine is still
// made and measured (the manifest's loudness is measured, not assumed); only the encode is saved.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { layoutPcm } from "./assemble.js";
import { bedLufs, createBed } from "./bed.js";
import { encodeMp3s } from "./ffmpeg.js";
import type { LevelledClip } from "./level.js";
import { LoudnessMeter } from "./loudness.js";
import { masterLayout, masterPlan } from "./master.js";
import { parseMp3, spliceMp3, type Mp3Frame, type ParsedMp3 } from "./mp3-splice.js";
import { writePcmFile } from "./pcm-file.js";
import { spliceGrid, type SplicePlan } from "./splice-plan.js";
import { bestJoin, ENCODER_DELAY, frameGeometry, gainCurve, partChunks, reservoir, SpliceUnavailable, streamParts } from "./splice-stream.js";
import { MP3_PEAK_METER_TOLERANCE_DB, round2, stageClock, withAtomicFiles, withBedPeak, withWorkDir, type TrackInput, type TrackLoudness, type TrackOutput } from "./track.js";
import { mp3TruePeakDb } from "./verify.js";

/** An exercise's MP3 a routine reuses, and what its manifest entry recorded of it. */
export interface SpliceSource {
  file: string;
  /** The MP3's sha256 as its manifest entry recorded it: a file changed since (or truncated) is not reused. */
  sha256: string;
  gainDb: number;
  truePeakDbtp: number;
  mp3TruePeakDbtp: number;
}

export { SpliceUnavailable };

export interface SplicedTrackInput extends TrackInput {
  plan: SplicePlan;
  /** Per output (the order of `outputs`): the sources by id. */
  sources: ReadonlyMap<string, SpliceSource>[];
}

export interface SplicedTrackOutput extends TrackOutput {
  /** Audio taken from the sources' MP3s instead of encoded, ms of the track (the same in every profile). */
  reusedMs: number;
}

/** Renders a routine partly from its sources' frames; throws SpliceUnavailable when that cannot be done exactly. */
export async function renderSplicedTrack(input: SplicedTrackInput): Promise<SplicedTrackOutput> {
  const { plan, rate } = input;
  if (plan.spans.length === 0) throw new SpliceUnavailable("nothing to reuse");
  const { timings, lap } = stageClock();
  const profiles = input.outputs.map((o) => o.profile);
  const plans = profiles.map((p) => masterPlan(p));
  const levelCache = input.levelCache ?? new Map<string, LevelledClip>();
  const masters = plans.map((p) => masterLayout({ ...input, stretch: plan.stretch }, p, levelCache));
  const { layout } = masters[0]!;
  const sourceOf = (i: number, id: string) => {
    const source = input.sources[i]!.get(id);
    if (!source) throw new SpliceUnavailable(`no encoded ${id} for ${profiles[i]!.id}`);
    return source;
  };
  // The routine's own parts take the gain of the exercises around them (their clips are levelled alike, each exercise
  // got its small residual gain from its own loudness), weighted by how much of each is reused, within the peak room
  // of the routine's clips: no extra pass over the routine to measure it first. What comes out is measured below.
  const after = plans.map((p, i) => (input.bed === false ? undefined : createBed(masters[i]!.layout, bedLufs(p.speechLufs), plan.bedPhases)));
  const peakDb = masters.map((m, i) => withBedPeak(m.truePeakDb, after[i]?.peak));
  const routineGain = masters.map((_, i) => {
    const weights = plan.spans.map((s) => s.sourceEnd - s.sourceStart);
    const mean = plan.spans.reduce((n, s, k) => n + sourceOf(i, s.source).gainDb * weights[k]!, 0) / weights.reduce((a, b) => a + b, 0);
    return Math.min(mean, plans[i]!.maxGain(peakDb[i]!));
  });
  const geometry = profiles.map((profile) => frameGeometry(plan, rate, profile.sampleRate));
  const parts = streamParts(plan, geometry, rate, layout.totalSamples, spliceGrid(rate, profiles.map((p) => p.sampleRate)));
  lap("assembleMs");

  return withWorkDir(input, layout, async (workDir, metadataFile) => {
    // One pass: the whole routine at its gains (measured), and the routine's own parts written for the encoder.
    const pcmFile = join(workDir, "parts.f32");
    const meters = masters.map(() => new LoudnessMeter(rate));
    const gains = masters.map((_, i) => gainCurve(plan, routineGain[i]!, plan.spans.map((s) => sourceOf(i, s.source).gainDb), rate));
    const streams = masters.map((m, i) => layoutPcm(m.layout, 1, after[i]));
    await writePcmFile(pcmFile, partChunks(streams, gains, meters, parts), input.signal);
    lap("assembleMs");
    const streamFiles = profiles.map((p) => join(workDir, `parts-${p.id}.mp3`));
    await encodeMp3s(
      { file: pcmFile },
      profiles.map((p, i) => ({ outFile: streamFiles[i]!, outputRate: p.sampleRate, bitrateKbps: p.bitrateKbps, lowpassHz: p.lowpassHz, artworkFile: input.artworkFile })),
      { inputRate: rate, metadataFile, signal: input.signal },
    );
    lap("encodeMs");
    const streamPeaks: number[] = [];
    for (const [i, p] of profiles.entries()) {
      streamPeaks.push(await mp3TruePeakDb(streamFiles[i]!, p.sampleRate, p.truePeakLimitDb, input.signal));
      if (streamPeaks[i]! > p.truePeakLimitDb - MP3_PEAK_METER_TOLERANCE_DB) throw new SpliceUnavailable(`the routine's own audio peaks at ${streamPeaks[i]!.toFixed(2)} dBTP`);
    }
    lap("measureMs");
    const joined: Uint8Array[] = [];
    for (const [i, p] of profiles.entries()) {
      const stream = parseMp3(await readFile(streamFiles[i]!), streamFiles[i]!);
      const sources = new Map<string, ParsedMp3>();
      for (const { source } of plan.spans) {
        if (!sources.has(source)) sources.set(source, checkCompatible(await readSource(sourceOf(i, source)), stream));
      }
      const frames: Mp3Frame[] = [];
      const shifts = parts.map((part) => ((part.start - part.streamAt) * p.sampleRate) / rate / geometry[i]!.frame);
      const joins = geometry[i]!.spans.map((span, k) => {
        const source = sources.get(plan.spans[k]!.source)!.frames;
        // In: the stream's frame before the join leaves at least the reservoir the source's frame expects; out: the reverse.
        const into = bestJoin((d) => reservoir(stream.frames[span.routineStart + d - shifts[k]!]) - reservoir(source[span.sourceStart + d]));
        const out = bestJoin((d) => reservoir(source[span.sourceEnd + d]) - reservoir(stream.frames[span.routineEnd + d - shifts[k + 1]!]));
        return { routineStart: span.routineStart + into, sourceStart: span.sourceStart + into, routineEnd: span.routineEnd + out, sourceEnd: span.sourceEnd + out };
      });
      parts.forEach((_, k) => {
        const from = (k === 0 ? 0 : joins[k - 1]!.routineEnd) - shifts[k]!;
        const to = k === parts.length - 1 ? stream.frames.length : joins[k]!.routineStart - shifts[k]!;
        frames.push(...stream.frames.slice(from, to));
        const join = joins[k];
        if (join) frames.push(...sources.get(plan.spans[k]!.source)!.frames.slice(join.sourceStart, join.sourceEnd));
      });
      const expected = Math.round(layout.totalSamples * (p.sampleRate / rate));
      const length = frames.length * geometry[i]!.frame - (stream.encoderDelay ?? 0) - (stream.padding ?? 0);
      if (Math.abs(length - expected) > 2) throw new SpliceUnavailable(`joined ${length} samples where the routine has ${expected}`);
      try {
        joined.push(spliceMp3({ id3: stream.id3, infoTemplate: stream.info!, frames, encoderDelay: stream.encoderDelay!, padding: stream.padding! }));
      } catch (error) {
        throw new SpliceUnavailable(`joining frames: ${(error as Error).message}`);
      }
    }
    lap("assembleMs");
    return await withAtomicFiles(input.outputs.map((o) => o.outFile), async (temps) => {
      const files = [];
      for (const [i, { profile }] of input.outputs.entries()) {
        await writeFile(temps[i]!, joined[i]!);
        await input.beforeRename?.(profile, temps[i]!);
        const used = plan.spans.map((s) => sourceOf(i, s.source));
        const loudness: TrackLoudness = {
          integratedLufs: round2(meters[i]!.integratedLufs()),
          truePeakDbtp: round2(Math.max(peakDb[i]! + routineGain[i]!, ...used.map((s) => s.truePeakDbtp))),
          gainReductionDb: round2(masters[i]!.gainReductionDb),
          gainDb: round2(routineGain[i]!),
          measuredOn: "pcm",
          mp3TruePeakDbtp: round2(Math.max(streamPeaks[i]!, ...used.map((s) => s.mp3TruePeakDbtp))),
          encodes: 1,
        };
        files.push({ profile, loudness, bytes: joined[i]!.length, sha256: createHash("sha256").update(joined[i]!).digest("hex") });
      }
      const reused = plan.spans.reduce((n, s) => n + s.sourceEnd - s.sourceStart, 0);
      return { layout, files, timings, reusedMs: Math.round((reused * 1000) / rate) };
    });
  });
}

// A source MP3 exactly as its manifest entry recorded it, parsed; anything else is not reused.
async function readSource(source: SpliceSource): Promise<ParsedMp3 & { file: string }> {
  const bytes = await readFile(source.file).catch((error: Error) => {
    throw new SpliceUnavailable(`cannot read ${source.file}: ${error.message}`);
  });
  if (createHash("sha256").update(bytes).digest("hex") !== source.sha256) throw new SpliceUnavailable(`${source.file} is not the file its manifest entry describes`);
  try {
    return { ...parseMp3(bytes, source.file), file: source.file };
  } catch (error) {
    throw new SpliceUnavailable((error as Error).message);
  }
}

// A source must be the same kind of stream as the routine's own encode (rate, frame size, delay), or it cannot join.
function checkCompatible(source: ParsedMp3 & { file: string }, stream: ParsedMp3): ParsedMp3 {
  const file = source.file;
  const same = stream.info !== undefined && source.sampleRate === stream.sampleRate && source.samplesPerFrame === stream.samplesPerFrame && source.encoderDelay === ENCODER_DELAY && stream.encoderDelay === ENCODER_DELAY;
  const header = (f: Mp3Frame | undefined) => (f ? (f.bytes[2]! & 0xf0) >> 4 : -1);
  if (!same || header(source.frames[0]) !== header(stream.frames[0])) throw new SpliceUnavailable(`${file} is not encoded like the routine (rate, bitrate or delay)`);
  return source;
}
