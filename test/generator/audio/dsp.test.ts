import { describe, expect, it } from "vitest";
import { integratedLufs, LoudnessMeter, truePeakDb } from "../../../generator/audio/loudness.js";
import { limitPeaks } from "../../../generator/audio/limiter.js";
import { levelClip, trimSilence } from "../../../generator/audio/level.js";
import { CHIME_MS } from "../../../content/timeline.js";
import { chimeSamples } from "../../../generator/audio/tones.js";

const RATE = 22050;

function sine(freq: number, amplitude: number, seconds: number, rate = RATE, phase = 0): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * freq * i) / rate + phase));
}

describe("BS.1770 loudness meter", () => {
  it("reads a 997 Hz sine of amplitude 0.1 as −23.0 LUFS (the standard's calibration point, −3.01 LUFS at full scale)", () => {
    expect(integratedLufs(sine(997, 0.1, 5), RATE)).toBeCloseTo(-23.0, 1);
    expect(integratedLufs(sine(997, 0.1, 5, 48000), 48000)).toBeCloseTo(-23.0, 1);
  });

  it("gates silence out: how much silence surrounds a tone does not change its loudness", () => {
    const tone = sine(997, 0.1, 3);
    const short = new LoudnessMeter(RATE).pushSilence(RATE * 2).push(tone).pushSilence(RATE * 2).integratedLufs();
    const long = new LoudnessMeter(RATE).pushSilence(RATE * 40).push(tone).pushSilence(RATE * 40).integratedLufs();
    expect(long).toBeCloseTo(short, 6);
    // Only the 400 ms blocks straddling the tone's edges pull it a little under the tone alone.
    expect(long).toBeLessThan(-23.0);
    expect(long).toBeGreaterThan(-23.6);
    expect(new LoudnessMeter(RATE).pushSilence(RATE * 5).integratedLufs()).toBe(-Infinity);
  });

  it("finds the true peak between samples: a quarter-rate sine sampled at ±0.707 peaks at 0 dBTP", () => {
    const x = sine(RATE / 4, 1, 1, RATE, Math.PI / 4);
    expect(Math.max(...x.map(Math.abs))).toBeCloseTo(Math.SQRT1_2, 3);
    expect(truePeakDb(x)).toBeGreaterThan(-0.5);
  });
});

describe("limiter and clip levelling", () => {
  it("holds a signal's true peak at the ceiling and leaves a quiet one untouched", () => {
    const loud = sine(440, 0.9, 1);
    const { samples, reductionDb } = limitPeaks(loud, RATE, { ceilingDb: -6 });
    expect(truePeakDb(samples)).toBeLessThanOrEqual(-5.9);
    expect(reductionDb).toBeGreaterThan(2.5);
    const quiet = sine(440, 0.1, 1);
    expect(limitPeaks(quiet, RATE, { ceilingDb: -6 })).toEqual({ samples: quiet, reductionDb: 0 });
  });

  it("levels a peaky clip to the target loudness within 0.15 LU while keeping peaks under the ceiling", () => {
    // A pulse train (like a voice's glottal pulses) has a high peak-to-loudness ratio.
    const pulses = Float32Array.from({ length: RATE * 2 }, (_, i) => (i % 180 < 3 ? 0.5 : 0) + 0.02 * Math.sin(i / 5));
    const levelled = levelClip(pulses, RATE, { targetLufs: -14, ceilingDb: -4 });
    expect(Math.abs(integratedLufs(levelled.samples, RATE) + 14)).toBeLessThan(0.15);
    expect(truePeakDb(levelled.samples)).toBeLessThanOrEqual(-3.95);
    expect(levelled.limitedDb).toBeGreaterThan(0);
  });

  it("trims an engine's leading and trailing silence down to 30 ms", () => {
    const clip = new Float32Array(RATE * 2);
    clip.set(sine(300, 0.3, 1), RATE / 2);
    const trimmed = trimSilence(clip, RATE);
    expect(trimmed.length).toBeGreaterThanOrEqual(RATE + 2 * Math.round(0.03 * RATE) - 2);
    expect(trimmed.length).toBeLessThanOrEqual(RATE + 2 * Math.round(0.03 * RATE) + 2);
  });
});

describe("chimes", () => {
  it("are exactly 600 ms at any rate and start and end at zero", () => {
    for (const rate of [22050, 16000, 24000]) {
      const chime = chimeSamples("start", rate);
      expect(chime.length).toBe((CHIME_MS * rate) / 1000);
      expect(Math.abs(chime[0]!)).toBe(0);
      expect(Math.abs(chime[chime.length - 1]!)).toBe(0);
    }
    expect(chimeSamples("start", RATE)).not.toEqual(chimeSamples("end", RATE));
  });
});
