// ITU-R BS.1770-4 loudness in Node (K-weighting, 400 ms blocks, absolute and relative gates) and a 4×
// oversampled true-peak estimate, so clips and whole tracks are levelled before the one ffmpeg encode
// instead of after it (no second full pass). ffmpeg's ebur128 stays the judge of the finished MP3.

const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;

/** Biquad coefficients (a0 normalised to 1). */
interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

// K-weighting at any sample rate, from the analogue prototypes (as libebur128 derives them).
function kWeighting(rate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const G = 3.999843853973347;
  let Q = 0.7071752369554196;
  let K = Math.tan((Math.PI * f0) / rate);
  const Vh = 10 ** (G / 20);
  const Vb = Vh ** 0.4996667741545416;
  let a0 = 1 + K / Q + K * K;
  const shelf: Biquad = {
    b0: (Vh + (Vb * K) / Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / Q + K * K) / a0,
  };
  f0 = 38.13547087602444;
  Q = 0.5003270373238773;
  K = Math.tan((Math.PI * f0) / rate);
  a0 = 1 + K / Q + K * K;
  const highpass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (K * K - 1)) / a0, a2: (1 - K / Q + K * K) / a0 };
  return [shelf, highpass];
}

/**
 * Streaming integrated-loudness meter for mono float PCM: push chunks in order, then read `integratedLufs()`.
 * Mono counts as one channel (weight 1), like ffmpeg's ebur128 without dualmono.
 */
export class LoudnessMeter {
  private readonly filters: [Biquad, Biquad];
  private readonly step: number;
  private readonly stepEnergies: number[] = [];
  private acc = 0;
  private inStep = 0;
  // Direct form I state of both biquads.
  private x1 = 0; private x2 = 0; private y1 = 0; private y2 = 0;
  private u1 = 0; private u2 = 0; private z1 = 0; private z2 = 0;

  constructor(readonly sampleRate: number) {
    this.filters = kWeighting(sampleRate);
    this.step = Math.round(sampleRate / 10);
  }

  /** Adds samples; chunks may have any length. Returns `this` for chaining. */
  push(samples: Float32Array): this {
    const [s, h] = this.filters;
    let { x1, x2, y1, y2, u1, u2, z1, z2, acc, inStep } = this;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i]!;
      const y = s.b0 * x + s.b1 * x1 + s.b2 * x2 - s.a1 * y1 - s.a2 * y2;
      x2 = x1; x1 = x; y2 = y1; y1 = y;
      const z = h.b0 * y + h.b1 * u1 + h.b2 * u2 - h.a1 * z1 - h.a2 * z2;
      u2 = u1; u1 = y; z2 = z1; z1 = z;
      acc += z * z;
      if (++inStep === this.step) {
        this.stepEnergies.push(acc);
        acc = 0;
        inStep = 0;
      }
    }
    Object.assign(this, { x1, x2, y1, y2, u1, u2, z1, z2, acc, inStep });
    return this;
  }

  /** Adds `count` zero samples without allocating (exact silence between clips). */
  pushSilence(count: number): this {
    const zeros = new Float32Array(Math.min(count, 65536));
    for (let left = count; left > 0; left -= zeros.length) this.push(left >= zeros.length ? zeros : zeros.subarray(0, left));
    return this;
  }

  /** Gated integrated loudness in LUFS; -Infinity when no 400 ms block passes the gates (silence, or too short). */
  integratedLufs(): number {
    const blockEnergies: number[] = [];
    const e = this.stepEnergies;
    for (let j = 0; j + 3 < e.length; j++) blockEnergies.push((e[j]! + e[j + 1]! + e[j + 2]! + e[j + 3]!) / (4 * this.step));
    return gatedLoudness(blockEnergies);
  }

  /** Loudness of everything pushed as one block (for clips shorter than a 400 ms gating block). */
  overallLufs(): number {
    const total = this.stepEnergies.reduce((a, b) => a + b, 0) + this.acc;
    const n = this.stepEnergies.length * this.step + this.inStep;
    return n === 0 ? -Infinity : energyToLufs(total / n);
  }
}

function energyToLufs(meanSquare: number): number {
  return meanSquare > 0 ? -0.691 + 10 * Math.log10(meanSquare) : -Infinity;
}

function gatedLoudness(blocks: number[]): number {
  const aboveAbsolute = blocks.filter((z) => energyToLufs(z) > ABSOLUTE_GATE_LUFS);
  if (aboveAbsolute.length === 0) return -Infinity;
  const relativeGate = energyToLufs(mean(aboveAbsolute)) + RELATIVE_GATE_LU;
  const gated = aboveAbsolute.filter((z) => energyToLufs(z) > relativeGate);
  return energyToLufs(mean(gated));
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Integrated loudness of one buffer (falls back to its overall loudness when shorter than a gating block). */
export function integratedLufs(samples: Float32Array, rate: number): number {
  const meter = new LoudnessMeter(rate).push(samples);
  const gated = meter.integratedLufs();
  return Number.isFinite(gated) ? gated : meter.overallLufs();
}

const OVERSAMPLE = 4;
const TAPS_PER_PHASE = 12;
// Windowed-sinc interpolator split into 4 phases: phase p gives the value at (n - TAPS/2 + p/4).
function interpolatorPhases(): Float64Array[] {
  const length = OVERSAMPLE * TAPS_PER_PHASE;
  const phases = Array.from({ length: OVERSAMPLE }, () => new Float64Array(TAPS_PER_PHASE));
  for (let i = 0; i < length; i++) {
    const t = (i - length / 2) / OVERSAMPLE;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / length);
    phases[i % OVERSAMPLE]![Math.floor(i / OVERSAMPLE)] = sinc * window;
  }
  return phases;
}
const PHASES = interpolatorPhases();

/**
 * Per-sample true-peak envelope: for each input sample, the largest magnitude among it and the 4×
 * interpolated values around it. Used by the limiter and by `truePeakDb`.
 */
export function truePeakEnvelope(samples: Float32Array): Float32Array {
  const [, p1, p2, p3] = PHASES as [Float64Array, Float64Array, Float64Array, Float64Array];
  const n = samples.length;
  const out = new Float32Array(n);
  const half = TAPS_PER_PHASE / 2;
  // Zero-padded copy so the inner loop needs no bounds checks.
  const padded = new Float32Array(n + TAPS_PER_PHASE);
  padded.set(samples, half);
  for (let i = 0; i < n; i++) {
    // padded[i + TAPS_PER_PHASE - k] = samples[i + half - k]
    const base = i + TAPS_PER_PHASE;
    let v1 = 0;
    let v2 = 0;
    let v3 = 0;
    for (let k = 0; k < TAPS_PER_PHASE; k++) {
      const x = padded[base - k]!;
      v1 += p1[k]! * x;
      v2 += p2[k]! * x;
      v3 += p3[k]! * x;
    }
    out[i] = Math.max(Math.abs(samples[i]!), Math.abs(v1), Math.abs(v2), Math.abs(v3));
  }
  return out;
}

/** True peak of a buffer in dBTP (4× oversampled estimate). */
export function truePeakDb(samples: Float32Array): number {
  const env = truePeakEnvelope(samples);
  let max = 0;
  for (let i = 0; i < env.length; i++) if (env[i]! > max) max = env[i]!;
  return max > 0 ? 20 * Math.log10(max) : -Infinity;
}

/** dB → linear amplitude factor. */
export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}
