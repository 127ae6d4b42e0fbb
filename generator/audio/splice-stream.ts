// The arithmetic of a joined routine: where each join falls on a profile's frame grid, how the routine's own parts
// are laid end to end in one stream that an encoder turns into frames lining up with the routine's, the gain of
// each sample (the exercise's over reused stretches, the routine's elsewhere), and where exactly to join.
import { dbToGain, type LoudnessMeter } from "./loudness.js";
import type { Mp3Frame } from "./mp3-splice.js";
import { samplesPerFrame, type SplicePlan } from "./splice-plan.js";

/** LAME's encoder delay, and the decoder's own: frame k of a file holds output samples from k·F − both. */
export const ENCODER_DELAY = 576;
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

/** Thrown when the routine cannot be joined from its sources (the caller encodes it whole, from the same layout). */
export class SpliceUnavailable extends Error {}

/** Where each span's joins fall on one profile's frame grid: source frames [sourceStart, sourceEnd) = routine frames [routineStart, routineEnd). */
export interface FrameGeometry {
  frame: number;
  /** Routine output sample of frame k's first sample: k·frame − delay. */
  delay: number;
  ratio: number;
  spans: { sourceStart: number; sourceEnd: number; routineStart: number; routineEnd: number }[];
}

export function frameGeometry(plan: SplicePlan, rate: number, outputRate: number): FrameGeometry {
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
export interface Part {
  start: number;
  end: number;
  streamAt: number;
}

/**
 * The routine's own parts (before, between and after the spans), each with LEAD_FRAMES of real signal either side,
 * laid end to end; each starts a multiple of the grid from its place in the routine, so its frames line up.
 */
export function streamParts(plan: SplicePlan, geometry: FrameGeometry[], rate: number, total: number, grid: number): Part[] {
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

/** The routine's PCM at its gains, chunk by chunk: every sample metered, the samples of the parts passed on. */
export function* partChunks(streams: Generator<Float32Array>[], gains: ((at: number, chunk: Float32Array) => void)[], meters: LoudnessMeter[], parts: Part[]): Generator<Float32Array> {
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
export function gainCurve(plan: SplicePlan, routineDb: number, spanDb: number[], rate: number): (at: number, chunk: Float32Array) => void {
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

/** The frame offset (within JOIN_SEARCH_FRAMES) with the best score: the nearest one scoring ≥ 0, else the highest. */
export function bestJoin(score: (d: number) => number): number {
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

/** A frame's main_data_begin: how many bytes of reservoir (earlier frames' payload) its main data starts in. */
export function reservoir(frame: Mp3Frame | undefined): number {
  if (!frame) return NaN;
  const b = frame.bytes;
  const at = (b[1]! & 1) === 0 ? 6 : 4;
  return (b[1]! & 0x18) === 0x18 ? (b[at]! << 1) | (b[at + 1]! >> 7) : b[at]!;
}
