// A routine built from its exercises' already encoded MP3 frames where it says what they say (splice-plan.ts
// finds where), and from its own encode everywhere else: the routine's own parts are laid end to end in one PCM
// stream, each starting a whole number of frames from where it sits in the routine, encoded once for every
// profile, and their frames are joined with the exercises' inside pauses. The PCM of the whole routine is still
// made and measured (the manifest's loudness is measured, not assumed); only the encode is saved.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layoutPcm } from "./assemble.js";
import { bedLufs, createBed } from "./bed.js";
import { encodeMp3s } from "./ffmpeg.js";
import type { LevelledClip } from "./level.js";
import { dbToGain, LoudnessMeter } from "./loudness.js";
import { masterLayout, masterPlan } from "./master.js";
import { ffmetadata } from "./metadata.js";
import { parseMp3, spliceMp3, type Mp3Frame, type ParsedMp3 } from "./mp3-splice.js";
import { writePcmFile } from "./pcm-file.js";
import { samplesPerFrame, spliceGrid, type SplicePlan } from "./splice-plan.js";
import { round2, withAtomicFiles, withBedPeak, type TrackInput, type TrackLoudness, type TrackOutput } from "./track.js";
import { mp3TruePeakDb } from "./verify.js";

/** LAME's encoder delay, and the decoder's own: frame k of a file holds output samples from k·F − both. */
const ENCODER_DELAY = 576;
const DECODER_DELAY = 529;
/** Frames of real signal encoded before and after the frames kept from the routine's own encode (MDCT overlap, resampler). */
const LEAD_FRAMES = 8;
/** A join may move this many frames from where the plan put it, to where the bit reservoirs of both sides agree. */
const JOIN_SEARCH_FRAMES = 3;
/** Samples past the last kept frame, for the resampler's filter. */
const RESAMPLER_TAIL = 64;
/** Where the gain moves between a reused exercise's and the routine's own, in the pause beside a join (ms). */
const GAIN_GUARD_MS = 120;
const GAIN_RAMP_MS = 250;
/** The stream's peak reading may sit this far under ffmpeg's (see track.ts). */
const MP3_PEAK_METER_TOLERANCE_DB = 0.4;

/** An exercise's MP3 a routine reuses, and what its manifest entry recorded of it. */
export interface SpliceSource {
  file: string;
  /** The MP3's sha256 as its manifest entry recorded it: a file changed since (or truncated) is not reused. */
  sha256: string;
  gainDb: number;
  truePeakDbtp: number;
  mp3TruePeakDbtp: number;
}

/** Thrown when the routine cannot be joined from its sources (the caller encodes it whole, from the same layout). */
export class SpliceUnavailable extends Error {}

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
  const timings = { assembleMs: 0, encodeMs: 0, measureMs: 0 };
  let clock = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
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

  const workDir = await mkdtemp(join(tmpdir(), "upper-back-track-"));
  try {
    // One pass: the whole routine at its gains (measured), and the routine's own parts written for the encoder.
    const pcmFile = join(workDir, "parts.f32");
    const meters = masters.map(() => new LoudnessMeter(rate));
    const gains = masters.map((_, i) => gainCurve(plan, routineGain[i]!, plan.spans.map((s) => sourceOf(i, s.source).gainDb), rate));
    const streams = masters.map((m, i) => layoutPcm(m.layout, 1, after[i]));
    await writePcmFile(pcmFile, partChunks(streams, gains, meters, parts), input.signal);
    lap("assembleMs");
    await writeFile(join(workDir, "metadata.txt"), ffmetadata(input.tags, layout.chapters));
    const streamFiles = profiles.map((p) => join(workDir, `parts-${p.id}.mp3`));
    await encodeMp3s(
      { file: pcmFile },
      profiles.map((p, i) => ({ outFile: streamFiles[i]!, outputRate: p.sampleRate, bitrateKbps: p.bitrateKbps, lowpassHz: p.lowpassHz, artworkFile: input.artworkFile })),
      { inputRate: rate, metadataFile: join(workDir, "metadata.txt"), signal: input.signal },
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
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Where each span's joins fall on one profile's frame grid: source frames [sourceStart, sourceEnd) = routine frames [routineStart, routineEnd). */
interface FrameGeometry {
  frame: number;
  /** Routine output sample of frame k's first sample: k·frame − delay. */
  delay: number;
  ratio: number;
  spans: { sourceStart: number; sourceEnd: number; routineStart: number; routineEnd: number }[];
}

function frameGeometry(plan: SplicePlan, rate: number, outputRate: number): FrameGeometry {
  const frame = samplesPerFrame(outputRate);
  const ratio = outputRate / rate;
  const delay = ENCODER_DELAY + DECODER_DELAY;
  const framesPerStep = Math.round((plan.step * ratio) / frame);
  const at = (sample: number) => Math.round((sample * ratio + delay) / frame);
  return {
    frame,
    delay,
    ratio,
    spans: plan.spans.map((s) => {
      const shift = s.frames * framesPerStep;
      return { sourceStart: at(s.sourceStart), sourceEnd: at(s.sourceEnd), routineStart: at(s.sourceStart) + shift, routineEnd: at(s.sourceEnd) + shift };
    }),
  };
}

/** One of the routine's own parts: routine samples [start, end), written to the stream from `streamAt`. */
interface Part {
  start: number;
  end: number;
  streamAt: number;
}

// The routine's own parts (before, between and after the spans), each with LEAD_FRAMES of real signal either side,
// laid end to end; each starts a multiple of the grid from its place in the routine, so its frames line up.
function streamParts(plan: SplicePlan, geometry: FrameGeometry[], rate: number, total: number, grid: number): Part[] {
  const toInput = (g: FrameGeometry, frame: number) => (frame * g.frame - g.delay) / g.ratio;
  const parts: Part[] = [];
  let streamAt = 0;
  for (let k = 0; k <= plan.spans.length; k++) {
    const wanted = k === 0 ? 0 : Math.floor(Math.min(...geometry.map((g) => toInput(g, g.spans[k - 1]!.routineEnd - LEAD_FRAMES))));
    const end = k === plan.spans.length ? total : Math.min(total, Math.ceil(Math.max(...geometry.map((g) => toInput(g, g.spans[k]!.routineStart + LEAD_FRAMES)))) + RESAMPLER_TAIL);
    const start = k === 0 ? 0 : wanted - ((((wanted - streamAt) % grid) + grid) % grid);
    const previous = parts.at(-1);
    if (start < 0 || (previous && start < previous.end) || end <= start) throw new SpliceUnavailable(`part ${k} of the routine overlaps its neighbour`);
    parts.push({ start, end, streamAt });
    streamAt += end - start;
  }
  return parts;
}

// The routine's PCM at its gains, chunk by chunk: every sample metered, the samples of the parts passed on.
function* partChunks(streams: Generator<Float32Array>[], gains: ((at: number, chunk: Float32Array) => void)[], meters: LoudnessMeter[], parts: Part[]): Generator<Float32Array> {
  const n = streams.length;
  let at = 0;
  for (;;) {
    const chunks = streams.map((s) => s.next());
    if (chunks.some((c) => c.done)) return;
    const values = chunks.map((c, k) => {
      const chunk = c.value as Float32Array;
      gains[k]!(at, chunk);
      meters[k]!.push(chunk);
      return chunk;
    });
    const length = values[0]!.length;
    for (const part of parts) {
      const from = Math.max(part.start, at);
      const to = Math.min(part.end, at + length);
      if (to <= from) continue;
      const out = new Float32Array((to - from) * n);
      values.forEach((chunk, k) => {
        for (let i = from; i < to; i++) out[(i - from) * n + k] = chunk[i - at]!;
      });
      yield out;
    }
    at += length;
  }
}

/**
 * The gain of each sample: the exercise's own over each reused stretch (so the joins match its frames), the
 * routine's elsewhere, moving between them over GAIN_RAMP_MS in the pause beside each join (nothing but bed there).
 */
function gainCurve(plan: SplicePlan, routineDb: number, spanDb: number[], rate: number): (at: number, chunk: Float32Array) => void {
  const ms = (v: number) => (v * rate) / 1000;
  const points: [number, number][] = [[0, dbToGain(routineDb)]];
  plan.spans.forEach((span, k) => {
    const start = span.sourceStart + span.offset;
    const end = span.sourceEnd + span.offset;
    points.push(
      [start - ms(GAIN_GUARD_MS + GAIN_RAMP_MS), dbToGain(routineDb)],
      [start - ms(GAIN_GUARD_MS), dbToGain(spanDb[k]!)],
      [end + ms(GAIN_GUARD_MS), dbToGain(spanDb[k]!)],
      [end + ms(GAIN_GUARD_MS + GAIN_RAMP_MS), dbToGain(routineDb)],
    );
  });
  points.push([Infinity, dbToGain(routineDb)]);
  let k = 0;
  return (at, chunk) => {
    if (k > 0 && at < points[k]![0]) k = 0;
    let i = 0;
    while (i < chunk.length) {
      while (points[k + 1]![0] <= at + i) k++;
      const [t0, g0] = points[k]!;
      const [t1, g1] = points[k + 1]!;
      // Up to the next point: one gain, or a straight line between the two.
      const end = Math.min(chunk.length, Math.ceil(t1 - at));
      if (g0 === g1) for (; i < end; i++) chunk[i]! *= g0;
      else for (; i < end; i++) chunk[i]! *= g0 + ((g1 - g0) * (at + i - t0)) / (t1 - t0);
    }
  };
}

// The frame offset (within JOIN_SEARCH_FRAMES) with the best score: the nearest one scoring ≥ 0, else the highest.
function bestJoin(score: (d: number) => number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let r = 0; r <= JOIN_SEARCH_FRAMES; r++) {
    for (const d of r === 0 ? [0] : [-r, r]) {
      const value = score(d);
      if (value >= 0) return d;
      if (value > bestScore) [best, bestScore] = [d, value];
    }
  }
  return best;
}

// A frame's main_data_begin: how many bytes of reservoir (earlier frames' payload) its main data starts in.
function reservoir(frame: Mp3Frame | undefined): number {
  if (!frame) return NaN;
  const b = frame.bytes;
  const at = (b[1]! & 1) === 0 ? 6 : 4;
  return (b[1]! & 0x18) === 0x18 ? (b[at]! << 1) | (b[at + 1]! >> 7) : b[at]!;
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
