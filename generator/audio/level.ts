// Each clip is levelled once (trimmed, gained to the profile's loudness, peaks limited), so a track made of
// levelled clips and exact silence lands on target without a second pass: silence is gated out of loudness.
import { limitPeaks } from "./limiter.js";
import { dbToGain, integratedLufs, truePeakDb, truePeakEnvelope } from "./loudness.js";

/** s16le PCM (the TTS contract) → float samples in [-1, 1). */
export function s16leToFloat(pcm: Buffer): Float32Array {
  const n = Math.floor(pcm.length / 2);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
  return out;
}

/**
 * Cuts the engine's own leading/trailing silence (below `thresholdDb`), keeping `keepMs` of it and fading
 * the cut edges, so a pause in the timeline is the silence the listener hears.
 */
export function trimSilence(samples: Float32Array, rate: number, thresholdDb = -50, keepMs = 30): Float32Array {
  const threshold = dbToGain(thresholdDb);
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < threshold) first++;
  if (first === samples.length) return new Float32Array(0);
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < threshold) last--;
  const keep = Math.round((keepMs * rate) / 1000);
  const out = samples.slice(Math.max(0, first - keep), Math.min(samples.length, last + 1 + keep));
  const fade = Math.min(keep, Math.floor(out.length / 2));
  for (let i = 0; i < fade; i++) {
    out[i]! *= i / fade;
    out[out.length - 1 - i]! *= i / fade;
  }
  return out;
}

export interface LevelTarget {
  targetLufs: number;
  /** Peak ceiling for the clip, dBTP. */
  ceilingDb: number;
  /** Limiter timing (defaults: 1 ms attack, 20 ms release). */
  attackMs?: number;
  releaseMs?: number;
}

/** A clip ready for assembly and what was done to it (kept for the summary and for tuning). */
export interface LevelledClip {
  samples: Float32Array;
  /** Loudness of the clip as it came from the engine (after trimming). */
  sourceLufs: number;
  gainDb: number;
  /** Deepest limiter gain reduction, dB. */
  limitedDb: number;
  /** True peak of the levelled clip, dBTP. */
  truePeakDb: number;
}

/**
 * Gains a clip to `targetLufs` and limits its peaks to `ceilingDb`. Limiting lowers loudness (the embedded voice
 * has an 18–20 dB peak-to-loudness ratio, Alexa's profile allows 12), so the gain is searched by the secant
 * method (at most six rounds) until the limited clip sits within 0.1 LU of the target.
 */
export function levelClip(samples: Float32Array, rate: number, target: LevelTarget): LevelledClip {
  const sourceLufs = integratedLufs(samples, rate);
  if (!Number.isFinite(sourceLufs)) return { samples: Float32Array.from(samples), sourceLufs, gainDb: 0, limitedDb: 0, truePeakDb: truePeakDb(samples) };
  const envelope = truePeakEnvelope(samples);
  const attempt = (gainDb: number) => {
    const gain = dbToGain(gainDb);
    const limited = limitPeaks(samples.map((s) => s * gain), rate, { ceilingDb: target.ceilingDb, attackMs: target.attackMs, releaseMs: target.releaseMs }, { envelope, scale: gain });
    return { gainDb, ...limited, lufs: integratedLufs(limited.samples, rate) };
  };
  let previous = attempt(target.targetLufs - sourceLufs);
  let best = previous;
  if (previous.reductionDb > 0 && previous.lufs < target.targetLufs - 0.1) {
    // Second point: push by the shortfall plus half again (limiting eats part of any gain).
    let current = attempt(previous.gainDb + 1.5 * (target.targetLufs - previous.lufs));
    for (let round = 0; round < 5 && Math.abs(current.lufs - target.targetLufs) >= 0.1; round++) {
      const slope = (current.lufs - previous.lufs) / (current.gainDb - previous.gainDb);
      const step = slope > 0.05 ? (target.targetLufs - current.lufs) / slope : 2 * (target.targetLufs - current.lufs);
      previous = current;
      current = attempt(current.gainDb + Math.max(-6, Math.min(12, step)));
    }
    best = current;
  }
  // Gain changes inside the limiter can leave a few new inter-sample peaks a hair over the ceiling: one more pass.
  let peakDb = truePeakDb(best.samples);
  if (best.reductionDb > 0 && peakDb > target.ceilingDb) {
    const again = limitPeaks(best.samples, rate, { ceilingDb: target.ceilingDb - 0.05 });
    best = { ...best, samples: again.samples };
    peakDb = truePeakDb(best.samples);
  }
  return { samples: best.samples, sourceLufs, gainDb: best.gainDb, limitedDb: best.reductionDb, truePeakDb: peakDb };
}
