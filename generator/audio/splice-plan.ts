// Where a routine can be made of its exercises' already encoded MP3 frames. A routine says most of what each
// exercise track says (same steps, holds, counts, chimes), so long runs of identical pieces are found, and each
// run is cut out of the exercise's MP3 between two points inside pauses where both tracks carry nothing but the
// bed at full level: the joins fall where there is no speech to break and no bed ramp to mismatch. A reused run
// must sit a whole number of MP3 frames away from where it sits in the exercise (26.12 ms: 1152 samples at
// 44.1 kHz and 576 at 22.05 kHz last as long), so the pause where it starts waits up to one frame longer in the
// routine, and the routine's bed is read at the exercise's (fractional) position there, so the bed runs on
// unbroken across each join.
import type { Layout, Piece } from "./assemble.js";
import { steadyBedRanges, type BedPhase } from "./bed.js";

/** A join stays this far inside the steady bed on both tracks (MP3 frame overlap, resampler, frame rounding). */
const JOIN_MARGIN_MS = 150;
/** Reused runs shorter than this are encoded anew: each join costs a little lead-in encoding. */
const MIN_SPAN_MS = 4000;
/** The routine's own audio between two reused runs is at least this long (the bed changes phase inside it). */
const MIN_GAP_MS = 1200;
/** The bed's phase change between two reused runs, in the middle of the routine's own audio. */
const BED_FADE_MS = 500;

/** One run of a routine taken from an exercise's MP3: routine samples [start, end) = source samples + offset. */
export interface SpliceSpan {
  source: string;
  /** Where the run starts and ends in the source track, samples at the layout rate. */
  sourceStart: number;
  sourceEnd: number;
  /** Routine position − source position in samples: `frames` MP3 frames (fractional samples at the layout rate). */
  offset: number;
  frames: number;
}

/** How a routine is laid out and where its bed is read so that the spans can be copied from the sources. */
export interface SplicePlan {
  /** Extra samples per pause piece of the routine (piece index in the un-stretched layout). */
  stretch: Map<number, number>;
  spans: SpliceSpan[];
  /** The frame step the plan was made with (frameStep), samples at the layout rate. */
  step: number;
  bedPhases: BedPhase[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The least whole number of samples at `inputRate` that is also a whole number of MP3 frames at every output rate
 * (1152 samples a frame at 32 kHz and up, 576 below): 20480 (1.28 s) for 16 kHz into 44.1 and 22.05 kHz. A piece
 * of PCM encoded on its own lines up with the whole track's frames when it starts a multiple of this in.
 */
export function spliceGrid(inputRate: number, outputRates: readonly number[]): number {
  return outputRates.reduce((grid, rate) => {
    const frame = samplesPerFrame(rate) * inputRate;
    const step = frame / gcd(frame, rate);
    return (grid * step) / gcd(grid, step);
  }, 1);
}

/** The least duration that is a whole number of frames at every output rate, in samples at `inputRate` (may be fractional). */
export function frameStep(inputRate: number, outputRates: readonly number[]): number {
  // Frame durations F/rate as reduced fractions; their least common multiple is lcm(numerators) / gcd(denominators).
  const fractions = outputRates.map((rate) => [samplesPerFrame(rate) / gcd(samplesPerFrame(rate), rate), rate / gcd(samplesPerFrame(rate), rate)] as const);
  const num = fractions.reduce((a, [n]) => (a * n) / gcd(a, n), 1);
  const den = fractions.reduce((a, [, d]) => gcd(a, d), 0);
  return (num / den) * inputRate;
}

/** Samples per Layer III frame at a sample rate (MPEG-1 at 32 kHz and up, MPEG-2 below). */
export function samplesPerFrame(rate: number): number {
  return rate >= 32000 ? 1152 : 576;
}

/** Plans a routine's reuse of its sources' audio (both laid out un-stretched at the same rate); `step` from frameStep. */
export function planSplice(routine: Layout, sources: ReadonlyMap<string, Layout>, step: number): SplicePlan {
  const ms = (v: number) => Math.round((v * routine.rate) / 1000);
  const plan: SplicePlan = { stretch: new Map(), spans: [], bedPhases: [], step };
  const steadyRoutine = steadyBedRanges(routine);
  const steadySources = new Map([...sources].map(([id, layout]) => [id, steadyBedRanges(layout)]));
  let shift = 0;
  let lastEnd = 0;
  for (const run of matchingRuns(routine, sources)) {
    const source = sources.get(run.source)!;
    // Where a join may go inside pause k of the run: what is steady on both tracks, margins kept (piece-local samples).
    const window = (k: number): [number, number] | undefined => {
      const r = routine.pieces[run.start + k]!;
      const s = source.pieces[run.sourceStart + k]!;
      if (r.type !== "pause" || s.type !== "pause") return undefined;
      const a = localSteady(steadyRoutine, r);
      const b = localSteady(steadySources.get(run.source)!, s);
      const lo = Math.max(a[0], b[0]) + ms(JOIN_MARGIN_MS);
      const hi = Math.min(a[1], b[1]) - ms(JOIN_MARGIN_MS);
      return lo <= hi ? [lo, hi] : undefined;
    };
    // The run is reused from as early in its first such pause as it can be to as late in its last (maybe the same one).
    let first = -1;
    for (let k = 0; k < run.length && first < 0; k++) if (window(k)) first = k;
    let last = -1;
    for (let k = run.length - 1; k >= first && first >= 0 && last < 0; k--) if (window(k)) last = k;
    if (first < 0 || last < 0) continue;
    const inPiece = routine.pieces[run.start + first]!;
    const u = window(first)![0];
    const sourceStart = source.pieces[run.sourceStart + first]!.start + u;
    const sourceEnd = source.pieces[run.sourceStart + last]!.start + window(last)![1];
    // The routine waits `extra` samples (under one frame) longer in the pause before the join, which puts the run a
    // whole number of frames from where it is in the source; the layout keeps whole samples, the bed the exact offset.
    const base = inPiece.start + shift + u - sourceStart;
    const frames = Math.ceil(base / step - 1e-9);
    const offset = frames * step;
    const extra = Math.round(offset - base);
    if (sourceEnd - sourceStart < ms(MIN_SPAN_MS) || sourceStart + offset - lastEnd < ms(MIN_GAP_MS)) continue;
    plan.stretch.set(run.start + first, extra);
    shift += extra;
    // The bed turns to this span's phase in the middle of the routine's own audio before it.
    const gapStart = lastEnd;
    const gapEnd = sourceStart + offset;
    const fade = plan.spans.length === 0 ? 0 : Math.min(ms(BED_FADE_MS), gapEnd - gapStart - 2 * ms(JOIN_MARGIN_MS));
    plan.bedPhases.push({ at: plan.spans.length === 0 ? 0 : Math.round((gapStart + gapEnd - fade) / 2), offset, fade: Math.max(0, fade) });
    plan.spans.push({ source: run.source, sourceStart, sourceEnd, offset, frames });
    lastEnd = sourceEnd + offset;
  }
  return plan;
}

/** A steady-bed range that covers part of `piece`, in samples from the piece's start ([1, 0] when none). */
function localSteady(ranges: [number, number][], piece: Piece & { type: "pause" }): [number, number] {
  const end = piece.start + piece.length;
  let best: [number, number] = [1, 0];
  for (const [a, b] of ranges) {
    const lo = Math.max(a, piece.start);
    const hi = Math.min(b, end);
    if (hi - lo > best[1] - best[0]) best = [lo - piece.start, hi - piece.start];
  }
  return best;
}

/** A run of identical pieces: routine pieces [start, start + length) = the source's from `sourceStart`. */
interface Run {
  source: string;
  start: number;
  sourceStart: number;
  length: number;
}

/** Longest runs first at each routine position (greedy, left to right), each as long as identical pieces allow. */
function matchingRuns(routine: Layout, sources: ReadonlyMap<string, Layout>): Run[] {
  const ids = new Map<Float32Array, number>();
  const keyOf = (p: Piece) => {
    if (p.type === "speech") return `s|${p.text}|${p.samples.length}`;
    if (p.type === "pause") return `p|${p.purpose}|${p.length}`;
    if (!ids.has(p.samples)) ids.set(p.samples, ids.size);
    return `c|${ids.get(p.samples)}`;
  };
  const routineKeys = routine.pieces.map(keyOf);
  const where = new Map<string, { source: string; index: number }[]>();
  const sourceKeys = new Map<string, string[]>();
  for (const [id, layout] of sources) {
    const keys = layout.pieces.map(keyOf);
    sourceKeys.set(id, keys);
    keys.forEach((key, index) => where.set(key, [...(where.get(key) ?? []), { source: id, index }]));
  }
  const runs: Run[] = [];
  let i = 0;
  while (i < routineKeys.length) {
    let best: Run | undefined;
    for (const { source, index } of where.get(routineKeys[i]!) ?? []) {
      const keys = sourceKeys.get(source)!;
      let n = 0;
      while (i + n < routineKeys.length && index + n < keys.length && routineKeys[i + n] === keys[index + n]) n++;
      if (!best || n > best.length) best = { source, start: i, sourceStart: index, length: n };
    }
    if (best && best.length > 1) {
      runs.push(best);
      i += best.length;
    } else {
      i++;
    }
  }
  return runs;
}
