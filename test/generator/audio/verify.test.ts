import { describe, expect, it } from "vitest";
import { truePeakEnvelope } from "../../../generator/audio/loudness.js";
import { loudestAround } from "../../../generator/audio/verify.js";

// A quiet tone with one loud burst at a quarter of the sample rate, phased so its peaks fall between samples.
function burst(length: number, at: number, amplitude: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const loud = i >= at && i < at + 40 ? amplitude : 0.01;
    out[i] = loud * Math.sin((Math.PI / 2) * i + Math.PI / 4);
  }
  return out;
}

function fullEnvelopePeak(samples: Float32Array): number {
  return truePeakEnvelope(samples).reduce((max, v) => Math.max(max, v), 0);
}

describe("the MP3 peak check's loud-stretch search", () => {
  it("finds the inter-sample peak of a loud burst, above its largest sample, as the full envelope does", () => {
    const samples = burst(4000, 2000, 0.9);
    const sampleMax = samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    const found = loudestAround(samples, 0.5);
    expect(found).toBeGreaterThan(sampleMax * 1.2);
    expect(found).toBeCloseTo(fullEnvelopePeak(samples), 3);
  });

  it("reads only the samples of its range: a burst outside it does not count", () => {
    const samples = burst(4000, 3000, 0.9);
    expect(loudestAround(samples, 0.5, 0, 2000)).toBeLessThan(0.02);
    expect(loudestAround(samples, 0.5, 2000, 4000)).toBeGreaterThan(0.9);
  });

  it("counts a quiet file by its sample peak without interpolating it", () => {
    const samples = burst(4000, 2000, 0.2);
    expect(loudestAround(samples, 0.5)).toBeCloseTo(0.2 * Math.SQRT1_2, 5);
  });
});
