import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clipKey, createClipCache } from "../../../generator/cache/clip-cache.js";
import { decodeWav } from "../../../generator/cache/wav.js";
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
    expect(cache.stats()).toEqual({ requests: 5, hits: 1, shared: 3, misses: 1, characters: phrase.length });

    const key = concurrent[0]!.key;
    expect(await filesUnder(dir)).toEqual([join(key.slice(0, 2), `${key}.wav`)]);
    const stored = decodeWav(await readFile(again.path));
    expect(stored?.sampleRate).toBe(espeak.sampleRate);
    expect(stored?.pcm.equals(again.pcm)).toBe(true);
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

  it("treats a truncated file as a miss and rewrites it", async () => {
    const dir = join(root, "truncated");
    const engine = counting(espeak);
    const cache = createClipCache({ dir, engine });
    const path = cache.pathFor("Turn to the left.", 100);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from("RIFF....WAVEfmt "));
    const clip = await cache.get("Turn to the left.", { ratePercent: 100 });
    expect(clip.source).toBe("synthesized");
    expect(decodeWav(await readFile(path))?.pcm.length).toBe(clip.pcm.length);
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
