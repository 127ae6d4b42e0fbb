// The one check made on the finished MP3: its true peak. Loudness comes from the PCM (the encoder's loss is known
// and steady), but MP3 coding noise lifts the peaks of limited speech by an amount that varies (0.4–5 dB
// measured on the embedded voice), so the render decodes each MP3 once and re-encodes a profile that overshoots.
import { decodeChunks } from "./ffmpeg.js";
import { dbToGain, truePeakEnvelope } from "./loudness.js";

/** Only samples this close to the limit can have a true peak over the limit beside them (4× oversampling adds < 3 dB here). */
const SEARCH_BELOW_DB = 3;
/** Samples of real signal on each side of a loud stretch, so the interpolator (12 taps) sees its true neighbours. */
const CONTEXT = 16;
/** Interpolated values are read this many samples either side of a loud sample. */
const SPREAD = 4;

/**
 * True peak of an encoded file (4× oversampled, in Node). Every sample counts at its own value; the interpolated
 * values are computed only around samples within SEARCH_BELOW_DB of `limitDb` (a few per cent of a limited track).
 */
export async function mp3TruePeakDb(file: string, rate: number, limitDb: number, signal?: AbortSignal): Promise<number> {
  const near = dbToGain(limitDb - SEARCH_BELOW_DB);
  let peak = 0;
  // The last CONTEXT samples wait for the next chunk (they need what follows); CONTEXT more lead them.
  let carry = new Float32Array(0);
  await decodeChunks(file, rate, (chunk) => {
    const samples = new Float32Array(carry.length + chunk.length);
    samples.set(carry);
    samples.set(chunk, carry.length);
    const from = Math.min(carry.length, CONTEXT);
    const to = Math.max(from, samples.length - CONTEXT);
    peak = Math.max(peak, loudestAround(samples, near, from, to));
    carry = samples.slice(Math.max(0, to - CONTEXT));
  }, signal);
  peak = Math.max(peak, loudestAround(carry, near, Math.min(carry.length, CONTEXT), carry.length));
  return peak > 0 ? 20 * Math.log10(peak) : -Infinity;
}

/**
 * Largest magnitude of samples [from, to), counting the true-peak envelope around every sample at or over `near`
 * (computed on short windows of `samples`, which should hold CONTEXT real samples either side of the range).
 */
export function loudestAround(samples: Float32Array, near: number, from = 0, to = samples.length): number {
  let peak = 0;
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start < 0) return;
    const lo = Math.max(0, start - CONTEXT);
    const envelope = truePeakEnvelope(samples.subarray(lo, Math.min(samples.length, end + 1 + CONTEXT)));
    for (let i = start; i <= end; i++) peak = Math.max(peak, envelope[i - lo]!);
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const v = Math.abs(samples[i]!);
    if (v > peak) peak = v;
    if (v < near) continue;
    // Loud samples close together share one window.
    if (start >= 0 && i - SPREAD > end + CONTEXT) flush();
    if (start < 0) start = Math.max(from, i - SPREAD);
    end = Math.min(to - 1, i + SPREAD);
  }
  flush();
  return peak;
}
