import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createEspeakEngine, ESPEAK_BASE_WPM, espeakWordsPerMinute } from "../../../generator/tts/espeak.js";

// Root mean square of s16le samples, 0..32767.
function rms(pcm: Buffer): number {
  let sum = 0;
  const n = pcm.length / 2;
  for (let i = 0; i < n; i++) sum += pcm.readInt16LE(i * 2) ** 2;
  return Math.sqrt(sum / n);
}

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
    const jobs = [
      ["Hold for twenty seconds.", 70],
      ["Relax your shoulders.", 130],
      ["Hold for twenty seconds.", 130],
      ["Relax your shoulders.", 70],
    ] as const;
    const together = await Promise.all(jobs.map(([text, ratePercent]) => engine.synthesize(text, { ratePercent })));
    for (const [i, [text, ratePercent]] of jobs.entries()) {
      const alone = await engine.synthesize(text, { ratePercent });
      expect(Math.abs(together[i]!.pcm.length - alone.pcm.length)).toBeLessThan(alone.pcm.length * 0.02);
    }
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
    const before = engine.usage();
    await engine.synthesize("One more time.", { ratePercent: 100 });
    const after = engine.usage();
    expect(after.requests - before.requests).toBe(1);
    expect(after.characters - before.characters).toBe("One more time.".length);
    expect(after.estimatedCostUsd).toBe(0);
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
