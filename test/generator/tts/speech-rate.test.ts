import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../../content/manifest.js";
import type { PaceId } from "../../../content/schema.js";
import { profilesFor } from "../../../generator/audio/profiles.js";
import { loadCatalog } from "../../../content/load.js";
import { renderCatalog } from "../../../generator/render/render.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createTtsEngine } from "../../../generator/tts/index.js";
import { countWords, speechWordsPerMinute } from "../../../generator/tts/speech-rate.js";

describe("countWords", () => {
  it("counts words as a listener hears them, not punctuation", () => {
    expect(countWords("Three, two, one.")).toBe(3);
    expect(countWords("Child's pose — 20 seconds.")).toBe(4);
    expect(countWords("  ")).toBe(0);
  });
});

describe("speechWordsPerMinute", () => {
  it("divides the words of speech segments by their time, leaving pauses and chimes out", () => {
    const segments = [
      { type: "speech" as const, startMs: 0, endMs: 2000, text: "Lift your chest." },
      { type: "pause" as const, startMs: 2000, endMs: 12000 },
      { type: "chime" as const, startMs: 12000, endMs: 12600 },
      { type: "speech" as const, startMs: 12600, endMs: 13600, text: "And release." },
    ];
    expect(speechWordsPerMinute([{ id: "t", segments }])).toBeCloseTo((5 * 60) / 3, 6);
  });

  it("says what to do when there is no speech to measure", () => {
    expect(() => speechWordsPerMinute([{ id: "t", segments: [] }])).toThrow(/no speech segments in t; render them first/);
  });
});

// A real render of the real quick routine (about five minutes, two exercises) with the default offline voice,
// measured from the manifest it writes. The shrunk render-test catalogue is not used: its one-rep exercises
// keep the long instructions and drop most short cues, so it speaks ~10% faster than the sessions people hear.
describe("speech rate of a real render (quick routine) with the default voice", () => {
  let root: string;
  let engine: TtsEngine;
  const measured = new Map<PaceId, number>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "speech-rate-"));
    engine = await createTtsEngine();
    for (const pace of ["standard", "gentle"] as const) {
      const outDir = join(root, pace);
      const only = { routine: "quick" };
      await renderCatalog({ catalog: loadCatalog(), engine, outDir, clipCacheDir: join(root, "clips"), profiles: profilesFor("download"), pace, only, writeSite: false });
      const tracks = (await readManifest(join(outDir, "manifest.json"))).tracks.filter((t) => (t.pace ?? pace) === pace);
      measured.set(pace, speechWordsPerMinute(tracks));
    }
  });

  afterAll(async () => {
    await engine?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("speaks 145–165 words a minute at standard pace", () => {
    expect(measured.get("standard")).toBeGreaterThanOrEqual(145);
    expect(measured.get("standard")).toBeLessThanOrEqual(165);
  });

  it("speaks at least 5% slower at gentle pace", () => {
    expect(measured.get("gentle")).toBeLessThan(measured.get("standard")! * 0.95);
  });
});
