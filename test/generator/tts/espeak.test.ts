import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createEspeakEngine, ESPEAK_BASE_WPM, espeakWordsPerMinute } from "../../../generator/tts/espeak.js";
import { rms, togetherAndAlone, usageOf } from "./embedded-voice.js";

describe("embedded espeak voice", () => {
  let engine: TtsEngine;
  beforeAll(async () => {
    engine = await createEspeakEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it("speaks a phrase as non-silent 16-bit mono PCM of plausible length", async () => {
    const text = "Sit tall and slowly turn your head to the right.";
    const clip = await engine.synthesize(text, { ratePercent: 100 });
    expect(clip.sampleRate).toBe(engine.sampleRate);
    expect(clip.pcm.length % 2).toBe(0);
    const seconds = clip.pcm.length / 2 / clip.sampleRate;
    // Ten words at ~155 words per minute is about 3.9 s of speech; allow for eSpeak's own pauses.
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(6);
    expect(rms(clip.pcm)).toBeGreaterThan(500);
  });

  it("speaks slower at a lower rate percent", async () => {
    const text = "Breathe in slowly, and breathe out.";
    const slow = await engine.synthesize(text, { ratePercent: 70 });
    const fast = await engine.synthesize(text, { ratePercent: 130 });
    expect(slow.pcm.length).toBeGreaterThan(fast.pcm.length * 1.4);
  });

  // eSpeak's pitch flutter runs on from phrase to phrase, so repeated audio differs by a few samples;
  // what must not happen is one call's rate or voice leaking into another's.
  it("applies each concurrent call's own rate: lengths match the same calls made one by one", async () => {
    const { together, alone } = await togetherAndAlone(engine);
    for (const [i, clip] of alone.entries()) expect(Math.abs(together[i]!.pcm.length - clip.pcm.length)).toBeLessThan(clip.pcm.length * 0.02);
    expect(together[0]!.pcm.length).toBeGreaterThan(together[2]!.pcm.length * 1.4);
    expect(together[3]!.pcm.length).toBeGreaterThan(together[1]!.pcm.length * 1.4);
  });

  it("reads markup characters as text: child's pose & <rest> is spoken, not parsed as SSML", async () => {
    const clip = await engine.synthesize("Child's pose & <rest> now.", { ratePercent: 100 });
    const plain = await engine.synthesize("Child's pose and rest now.", { ratePercent: 100 });
    // "&" is read as "and"; a swallowed "<rest>" tag would make the clip clearly shorter.
    expect(clip.pcm.length).toBeGreaterThan(plain.pcm.length * 0.9);
  });

  it("counts characters and costs nothing", async () => {
    expect(await usageOf(engine, "One more time.")).toEqual({ requests: 1, characters: "One more time.".length, estimatedCostUsd: 0 });
  });

  it("names the flag and the English voices when the voice is unknown", async () => {
    await expect(createEspeakEngine({ voice: "xx-nope" })).rejects.toThrow(/voice "xx-nope" is not available; choose one of .*en-GB-x-rp.*--voice/);
  });

  it("rejects empty text and a non-positive rate with a message that says what to fix", async () => {
    await expect(engine.synthesize("   ", { ratePercent: 100 })).rejects.toThrow(/empty text/);
    expect(() => espeakWordsPerMinute(0)).toThrow(/speechRatePercent/);
    expect(espeakWordsPerMinute(100)).toBe(ESPEAK_BASE_WPM);
    expect(espeakWordsPerMinute(60)).toBe(Math.round(ESPEAK_BASE_WPM * 0.6));
    expect(espeakWordsPerMinute(10_000)).toBe(450);
  });
});
