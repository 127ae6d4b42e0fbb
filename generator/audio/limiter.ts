// A look-ahead peak limiter on true-peak estimates, run on each clip before assembly: speech has a high
// peak-to-loudness ratio, and −14 LUFS with −2 dBTP (Alexa) leaves only 12 dB, so some peaks must be held down.
import { dbToGain, truePeakEnvelope } from "./loudness.js";

export interface LimiterOptions {
  /** Ceiling in dBTP. */
  ceilingDb: number;
  /** Look-ahead and attack, ms (the gain reaches its floor by the time the peak arrives). */
  attackMs?: number;
  /** Time for the gain to recover most of the way after a peak, ms. */
  releaseMs?: number;
}

/**
 * Returns a limited copy of `samples` whose (4× oversampled) peaks stay at or under the ceiling, and the
 * deepest gain reduction applied in dB (0 when nothing was over).
 */
export function limitPeaks(
  samples: Float32Array,
  rate: number,
  opts: LimiterOptions,
  /** The true-peak envelope of `samples` divided by `scale` (it is linear in gain: computed once per clip, reused). */
  known?: { envelope: Float32Array; scale: number },
): { samples: Float32Array; reductionDb: number } {
  const ceiling = dbToGain(opts.ceilingDb) / (known?.scale ?? 1);
  const env = known?.envelope ?? truePeakEnvelope(samples);
  const n = samples.length;
  // Gain each sample needs on its own.
  const need = new Float32Array(n);
  let over = false;
  for (let i = 0; i < n; i++) {
    need[i] = env[i]! > ceiling ? ceiling / env[i]! : 1;
    if (need[i]! < 1) over = true;
  }
  if (!over) return { samples: Float32Array.from(samples), reductionDb: 0 };

  const look = Math.max(1, Math.round(((opts.attackMs ?? 1) * rate) / 1000));
  const releaseCoef = 1 - Math.exp(-1 / (((opts.releaseMs ?? 20) * rate) / 1000));
  // Forward-looking minimum over `look` samples, then a slow release (never above that minimum).
  const held = new Float32Array(n);
  const deque: number[] = [];
  let head = 0;
  let release = 1;
  for (let i = n - 1; i >= 0; i--) {
    // Sliding minimum over the window [i, i + look - 1] (monotonic deque; the front holds the minimum).
    while (deque.length > head && need[deque[deque.length - 1]!]! >= need[i]!) deque.pop();
    deque.push(i);
    while (deque[head]! > i + look - 1) head++;
    held[i] = need[deque[head]!]!;
  }
  for (let i = 0; i < n; i++) {
    release = Math.min(held[i]!, release + (1 - release) * releaseCoef);
    held[i] = release;
  }
  // Box smoothing over `look` samples backwards keeps every gain ≤ what each sample needs (each window
  // of the minimum covers the sample) while removing the steps that would distort.
  const out = new Float32Array(n);
  let sum = 0;
  let deepest = 1;
  for (let i = 0; i < n; i++) {
    sum += held[i]!;
    if (i >= look) sum -= held[i - look]!;
    const g = Math.max(0, Math.min(1, sum / Math.min(i + 1, look) - 1e-6));
    if (g < deepest) deepest = g;
    out[i] = samples[i]! * g;
  }
  return { samples: out, reductionDb: deepest < 1 ? -20 * Math.log10(deepest) : 0 };
}
