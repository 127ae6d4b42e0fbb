// The sound bed: soft low-passed pink noise with a slow swell (like distant surf), generated here, never
// downloaded. It sits under the whole session, ducked under speech and chimes, so every hold and rest carries
// a quiet sound and podcast players' skip-silence features (Smart Speed, Trim Silence) keep the pauses.
import type { Layout } from "./assemble.js";
import { dbToGain, integratedLufs } from "./loudness.js";

/** How far the bed sits under the speech loudness in pauses (the issue allows 15–30 dB), LU. */
export const BED_UNDER_SPEECH_LU = 20;
/** How much further the bed drops while someone speaks or a chime rings, dB. */
export const BED_DUCK_DB = 18;
/** The bed starts going down this long before speech, so the first syllable is never over a full bed. */
const DUCK_LEAD_MS = 250;
/** And comes back up over this long after it, so it never pumps between phrases. */
const DUCK_RELEASE_MS = 700;
const FADE_IN_MS = 500;
const FADE_OUT_MS = 1500;
const SWELL_SECONDS = 9;
/** Swells per loop of the bed (a 27 s loop of soft noise is not heard as a loop). */
const LOOP_SWELLS = 3;

/**
 * Where the bed's loop is read: from sample `at` on, sample t reads the loop at t − `offset`, faded in over `fade`
 * samples from the previous phase's reading (equal power: the two readings are unrelated noise); `offset` may be
 * fractional. A routine built
 * from exercises' encoded audio reads the bed where each exercise read it, so the joins fall inside one bed.
 */
export interface BedPhase {
  at: number;
  offset: number;
  fade: number;
}

/** Draws the bed for consecutive chunks of one track; sample-exact and the same on every run (seeded). */
export interface BedStream {
  /** Adds the bed for samples [at, at + out.length) to `out`; calls must come in order, without gaps. */
  addTo(out: Float32Array, at: number): void;
  /** Largest bed sample at full level and under speech (ducked), linear: bounds what it adds to a peak. */
  peak: { full: number; ducked: number };
}

/** Loudness of the un-ducked bed for a given speech loudness. */
export function bedLufs(speechLufs: number): number {
  return speechLufs - BED_UNDER_SPEECH_LU;
}

/** A bed for `layout` whose pauses measure `loudnessLufs`, ducked under every speech and chime piece. */
export function createBed(layout: Layout, loudnessLufs: number, phases: readonly BedPhase[] = []): BedStream {
  const { rate } = layout;
  const loop = noiseLoop(rate);
  // The loop is the bed: its measured loudness sets the scale, its largest sample bounds the peaks.
  const scale = dbToGain(loudnessLufs - integratedLufs(loop, rate));
  const full = scale * loop.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  const envelope = duckEnvelope(layout);
  const n = loop.length;
  // Adds loop[x], x = t − offset (fractional offsets interpolate: the bed has next to nothing above 2 kHz, so a
  // straight line between samples is far under the bed itself), times `weight`, for t in [from, to) of `out`.
  const addPhase = (out: Float32Array, at: number, from: number, to: number, offset: number, weight: (t: number) => number) => {
    const whole = Math.floor(offset);
    const f = offset - whole;
    let index = (((at + from - whole) % n) + n) % n;
    for (let i = from; i < to; i++) {
      const t = at + i;
      // x = t − whole − f lies between loop[index − 1] and loop[index].
      const v = f === 0 ? loop[index]! : loop[index]! * (1 - f) + loop[index === 0 ? n - 1 : index - 1]! * f;
      out[i]! += scale * v * envelope(t) * weight(t);
      if (++index === n) index = 0;
    }
  };
  let k = 0;
  return {
    peak: { full, ducked: full * dbToGain(-BED_DUCK_DB) },
    addTo(out, at) {
      if (phases.length === 0) {
        for (let i = 0; i < out.length; i++) out[i]! += scale * loop[(at + i) % n]! * envelope(at + i);
        return;
      }
      // Runs of one phase: the last one started at or before t (a new pass from the start resets the search).
      if (k > 0 && at < phases[k]!.at) k = 0;
      let i = 0;
      while (i < out.length) {
        while (k + 1 < phases.length && phases[k + 1]!.at <= at + i) k++;
        const phase = phases[k]!;
        const next = k + 1 < phases.length ? phases[k + 1]!.at - at : Infinity;
        const into = at + i - phase.at;
        if (k > 0 && into < phase.fade) {
          // Equal-power fade from the previous phase's reading into this one's.
          const end = Math.min(out.length, i + (phase.fade - into), next);
          const x = (t: number) => (Math.PI / 2) * ((t - phase.at) / phase.fade);
          addPhase(out, at, i, end, phase.offset, (t) => Math.sin(x(t)));
          addPhase(out, at, i, end, phases[k - 1]!.offset, (t) => Math.cos(x(t)));
          i = end;
        } else {
          const end = Math.min(out.length, next);
          addPhase(out, at, i, end, phase.offset, () => 1);
          i = end;
        }
      }
    },
  };
}

/** The stretches of a track where the bed plays at exactly full level (no ducking ramp, no fade): [start, end) samples. */
export function steadyBedRanges(layout: Layout): [number, number][] {
  const { lead, release, fadeIn, fadeOut, voiced } = duckTiming(layout);
  const ranges: [number, number][] = [];
  let from = fadeIn;
  for (const [start, end] of voiced) {
    if (start - lead > from) ranges.push([from, start - lead]);
    from = Math.max(from, end + release);
  }
  if (layout.totalSamples - fadeOut > from) ranges.push([from, layout.totalSamples - fadeOut]);
  return ranges;
}

// The voiced stretches the bed ducks under (gaps too short to ramp down and up merged) and its timing, in samples.
function duckTiming(layout: Layout) {
  const ms = (v: number) => Math.round((v * layout.rate) / 1000);
  const lead = ms(DUCK_LEAD_MS);
  const release = ms(DUCK_RELEASE_MS);
  const voiced: [number, number][] = [];
  for (const p of layout.pieces) {
    if (p.type === "pause") continue;
    const end = p.start + p.samples.length;
    const last = voiced.at(-1);
    // Gaps shorter than a ramp down and up stay ducked: no pumping between phrases.
    if (last && p.start - last[1] < lead + release) last[1] = end;
    else voiced.push([p.start, end]);
  }
  return { lead, release, fadeIn: ms(FADE_IN_MS), fadeOut: ms(FADE_OUT_MS), voiced };
}

// Bed level at each sample: 1 in pauses, −BED_DUCK_DB under voiced pieces with smooth ramps, faded at both ends.
function duckEnvelope(layout: Layout): (i: number) => number {
  const { totalSamples } = layout;
  const { lead, release, fadeIn, fadeOut, voiced } = duckTiming(layout);
  const duck = dbToGain(-BED_DUCK_DB);
  let k = 0;
  return (i) => {
    // Streams run forward; a new pass over the track starts again from the first piece.
    if (k > 0 && i < voiced[k - 1]![1]) k = 0;
    while (k < voiced.length && voiced[k]![1] <= i) k++;
    // Distance to the next voiced piece (ahead) and from the previous one (behind).
    const next = voiced[k];
    const before = next ? (i >= next[0] ? 0 : (next[0] - i) / lead) : Infinity;
    const after = k > 0 ? (i - voiced[k - 1]![1]) / release : Infinity;
    const t = Math.min(1, before, after);
    const smooth = t * t * (3 - 2 * t);
    const edges = Math.min(1, i / fadeIn, (totalSamples - i) / fadeOut);
    return (duck + (1 - duck) * smooth) * Math.max(0, edges);
  };
}

// Pink noise (Paul Kellet's economy filter) through two one-pole low-passes at ~600 Hz and two one-pole high-passes
// at ~120 Hz (no rumble: loudness meters ignore it, but speakers and the MP3 encoder would not), with a slow swell
// baked in. Made once per track as a seamless loop of whole swells, so the bed costs one table read per sample.
function noiseLoop(rate: number): Float32Array {
  let seed = 0x9e3779b9;
  const random = () => {
    // mulberry32: a tiny seeded PRNG, so the bed is identical on every render.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2147483648 - 1;
  };
  const lp = 1 - Math.exp((-2 * Math.PI * 600) / rate);
  const hp = 1 - Math.exp((-2 * Math.PI * 120) / rate);
  const length = Math.round(LOOP_SWELLS * SWELL_SECONDS * rate);
  const crossfade = Math.round(rate / 2);
  const raw = new Float32Array(length + crossfade);
  let b0 = 0, b1 = 0, b2 = 0, l1 = 0, l2 = 0, h1 = 0, h2 = 0;
  for (let n = 0; n < raw.length; n++) {
    const white = random();
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    l1 += (b0 + b1 + b2 + white * 0.1848 - l1) * lp;
    l2 += (l1 - l2) * lp;
    // High-pass = input minus its own low-pass, twice.
    h1 += (l2 - h1) * hp;
    const once = l2 - h1;
    h2 += (once - h2) * hp;
    raw[n] = once - h2;
  }
  // The tail past the loop fades into its start (equal power, the two are unrelated noise): no seam.
  const loop = raw.slice(0, length);
  for (let i = 0; i < crossfade; i++) {
    const t = i / crossfade;
    loop[i] = loop[i]! * Math.sin((Math.PI / 2) * t) + raw[length + i]! * Math.cos((Math.PI / 2) * t);
  }
  const swell = (2 * Math.PI) / (SWELL_SECONDS * rate);
  for (let n = 0; n < length; n++) loop[n]! *= 1 + 0.3 * Math.sin(swell * n);
  return loop;
}
