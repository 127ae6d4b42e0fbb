import { randomFillSync } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clipKey, createClipCache } from "../../../generator/cache/clip-cache.js";
import { decodeWav, encodeWav } from "../../../generator/cache/wav.js";
import type { Clip, SynthesizeOptions, TtsEngine } from "../../../generator/tts/engine.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";

// The real embedded voice, with a log of what it was asked to synthesize.
function counting(engine: TtsEngine): TtsEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    id: engine.id,
    voice: engine.voice,
    settingsKey: engine.settingsKey,
    sampleRate: engine.sampleRate,
    concurrency: engine.concurrency,
    calls,
    synthesize(text: string, opts: SynthesizeOptions): Promise<Clip> {
      calls.push(text);
      return engine.synthesize(text, opts);
    },
    usage: () => engine.usage(),
    close: () => engine.close(),
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe("clip cache", () => {
  let espeak: TtsEngine;
  let root: string;
  beforeAll(async () => {
    espeak = await createEspeakEngine();
    root = await mkdtemp(join(tmpdir(), "clip-cache-"));
  });
  afterAll(async () => {
    await espeak.close();
    await rm(root, { recursive: true, force: true });
  });

  it("synthesizes a phrase once for repeated and concurrent identical requests, and stores it as a WAV", async () => {
    const dir = join(root, "once");
    const engine = counting(espeak);
    const cache = createClipCache({ dir, engine });
    const phrase = "Slowly roll your shoulders back.";
    const concurrent = await Promise.all([1, 2, 3, 4].map(() => cache.get(phrase, { ratePercent: 100 })));
    const again = await cache.get(` ${phrase}\n`, { ratePercent: 100 }); // whitespace does not matter

    expect(engine.calls).toEqual([phrase]);
    expect(new Set([...concurrent, again].map((c) => c.key)).size).toBe(1);
    expect(concurrent.map((c) => c.source).sort()).toEqual(["shared", "shared", "shared", "synthesized"]);
    expect(again.source).toBe("disk");
    expect(again.pcm.equals(concurrent[0]!.pcm)).toBe(true);
    expect(cache.stats()).toEqual({ requests: 5, hits: 1, shared: 3, misses: 1, characters: phrase.length, rejected: 0, rejectedFiles: [] });

    const key = concurrent[0]!.key;
    expect(await filesUnder(dir)).toEqual([join(key.slice(0, 2), `${key}.wav`)]);
    const stored = decodeWav(await readFile(again.path));
    expect(stored.ok && stored.clip.sampleRate).toBe(espeak.sampleRate);
    expect(stored.ok && stored.clip.pcm.equals(again.pcm)).toBe(true);
  });

  it("keys by rate, voice and settings as well as text", () => {
    const base = { id: "espeak", voice: "en-us", settingsKey: "s1" };
    const k = clipKey(base, "Hold.", 100);
    expect(clipKey(base, "Hold.", 90)).not.toBe(k);
    expect(clipKey({ ...base, voice: "en-gb-x-rp" }, "Hold.", 100)).not.toBe(k);
    expect(clipKey({ ...base, settingsKey: "s2" }, "Hold.", 100)).not.toBe(k);
    expect(clipKey({ ...base, id: "polly" }, "Hold.", 100)).not.toBe(k);
    expect(clipKey(base, "Hold!", 100)).not.toBe(k);
    expect(clipKey(base, "  Hold. ", 100)).toBe(k);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
  });

  it("survives a process restart: a second cache over the same folder synthesizes nothing", async () => {
    const dir = join(root, "restart");
    const phrases = ["Breathe in.", "Breathe out.", "Rest for a moment."];
    const first = createClipCache({ dir, engine: espeak });
    await Promise.all(phrases.map((p) => first.get(p, { ratePercent: 90 })));
    expect(first.stats().misses).toBe(3);

    const freshEngine = counting(await createEspeakEngine());
    try {
      const second = createClipCache({ dir, engine: freshEngine });
      const clips = await Promise.all(phrases.map((p) => second.get(p, { ratePercent: 90 })));
      expect(freshEngine.calls).toEqual([]);
      expect(second.stats()).toMatchObject({ misses: 0, hits: 3, characters: 0 });
      expect(clips.every((c) => c.source === "disk" && c.pcm.length > 0)).toBe(true);
    } finally {
      await freshEngine.close();
    }
  });

  it("never leaves a partial file when synthesis throws, and retries the phrase next time", async () => {
    const dir = join(root, "failing");
    let fail = true;
    const flaky: TtsEngine = {
      ...espeak,
      id: espeak.id,
      voice: espeak.voice,
      settingsKey: espeak.settingsKey,
      sampleRate: espeak.sampleRate,
      async synthesize(text, opts) {
        if (fail) throw new Error("synthesizer crashed");
        return espeak.synthesize(text, opts);
      },
    };
    const cache = createClipCache({ dir, engine: flaky });
    const results = await Promise.allSettled([1, 2].map(() => cache.get("Lower your arms.", { ratePercent: 100 })));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await filesUnder(dir)).toEqual([]);

    fail = false;
    const clip = await cache.get("Lower your arms.", { ratePercent: 100 });
    expect(clip.source).toBe("synthesized");
    expect(await filesUnder(dir)).toHaveLength(1);
  });

  it("drops a truncated file, re-synthesizes it and counts it as rejected", async () => {
    const dir = join(root, "truncated");
    const engine = counting(espeak);
    const cache = createClipCache({ dir, engine });
    const path = cache.pathFor("Turn to the left.", 100);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from("RIFF....WAVEfmt "));
    const clip = await cache.get("Turn to the left.", { ratePercent: 100 });
    expect(clip.source).toBe("synthesized");
    const rewritten = decodeWav(await readFile(path));
    expect(rewritten.ok && rewritten.clip.pcm.length).toBe(clip.pcm.length);
    expect(cache.stats()).toMatchObject({ rejected: 1, rejectedFiles: [{ path, problem: expect.stringContaining("shorter than a clip header") }] });
  });

  it("drops a clip whose samples were replaced by noise under a valid header, and re-synthesizes the true one", async () => {
    const dir = join(root, "corrupted");
    const first = createClipCache({ dir, engine: espeak });
    const good = await first.get("Relax your shoulders.", { ratePercent: 100 });
    const file = await readFile(good.path);
    const headerBytes = file.length - good.pcm.length;
    randomFillSync(file, headerBytes); // same header and length, random samples: loud white noise
    await writeFile(good.path, file);

    const engine = counting(espeak);
    const second = createClipCache({ dir, engine });
    const clip = await second.get("Relax your shoulders.", { ratePercent: 100 });
    expect(clip.source).toBe("synthesized");
    expect(engine.calls).toEqual(["Relax your shoulders."]);
    // espeak varies by a few samples between runs, so the true clip is recognised by its length, not its bytes.
    expect(clip.pcm.equals(file.subarray(headerBytes))).toBe(false);
    expect(Math.abs(clip.pcm.length - good.pcm.length)).toBeLessThan(good.pcm.length * 0.02);
    expect(second.stats()).toMatchObject({ rejected: 1, rejectedFiles: [{ path: good.path, problem: "samples do not match their recorded sha256" }] });
    // The file on disk is good again: a third cache reads it without synthesizing.
    const third = createClipCache({ dir, engine });
    expect((await third.get("Relax your shoulders.", { ratePercent: 100 })).source).toBe("disk");
    expect(engine.calls).toHaveLength(1);
  });

  it("refuses a stored clip at another sample rate than the engine's", async () => {
    const dir = join(root, "rate");
    const cache = createClipCache({ dir, engine: espeak });
    const path = cache.pathFor("Sit tall.", 100);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, encodeWav({ pcm: Buffer.alloc(8000), sampleRate: espeak.sampleRate * 2 }));
    const clip = await cache.get("Sit tall.", { ratePercent: 100 });
    expect(clip.source).toBe("synthesized");
    expect(cache.stats().rejectedFiles).toEqual([{ path, problem: `recorded at ${espeak.sampleRate * 2} Hz, the engine speaks at ${espeak.sampleRate} Hz` }]);
  });

  it("lets one caller stop waiting without cancelling the synthesis others share", async () => {
    const dir = join(root, "abort");
    const engine = counting(espeak);
    const cache = createClipCache({ dir, engine });
    const controller = new AbortController();
    const waiting = cache.get("Keep your chin tucked.", { ratePercent: 100 });
    const giving = cache.get("Keep your chin tucked.", { ratePercent: 100, signal: controller.signal });
    controller.abort(new Error("user pressed Ctrl-C"));
    await expect(giving).rejects.toThrow("Ctrl-C");
    expect((await waiting).pcm.length).toBeGreaterThan(0);
    expect(engine.calls).toHaveLength(1);
  });
});
