import { randomFillSync } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../../content/manifest.js";
import { decodeToPcm } from "../../../generator/audio/ffmpeg.js";
import { PROFILES } from "../../../generator/audio/profiles.js";
import { createClipCache } from "../../../generator/cache/clip-cache.js";
import { renderCatalog, type RenderOptions } from "../../../generator/render/render.js";
import { speechTexts } from "../../../generator/render/clips.js";
import { planCatalogTracks } from "../../../generator/render/tracks.js";
import type { Clip, TtsEngine } from "../../../generator/tts/engine.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import { miniCatalog } from "./mini-catalog.js";

// espeak varies by a few samples from one synthesis to the next; remembering each phrase's first synthesis makes a
// re-synthesized clip identical to the original, so the re-rendered MP3 can be compared with the clean one exactly.
function remembering(engine: TtsEngine): TtsEngine {
  const seen = new Map<string, Promise<Clip>>();
  return {
    id: engine.id,
    voice: engine.voice,
    settingsKey: engine.settingsKey,
    sampleRate: engine.sampleRate,
    concurrency: engine.concurrency,
    synthesize(text, options) {
      const key = `${options.ratePercent}|${text}`;
      if (!seen.has(key)) seen.set(key, engine.synthesize(text, options));
      return seen.get(key)!;
    },
    usage: () => engine.usage(),
    close: () => engine.close(),
  };
}

let root: string;
let espeak: TtsEngine;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-corrupt-"));
  espeak = await createEspeakEngine();
});
afterAll(async () => {
  await espeak?.close();
});

describe("a corrupted clip in the cache", () => {
  it("is re-synthesized, the summary says so, and the MP3 holds no noise burst", async () => {
    const engine = remembering(espeak);
    const catalog = miniCatalog();
    const options: RenderOptions = {
      catalog,
      engine,
      outDir: join(root, "sessions"),
      clipCacheDir: join(root, "clips"),
      profiles: [PROFILES.download],
      only: { exercise: "cat-cow" },
      pace: "standard",
      writeSite: false,
    };
    const clean = await renderCatalog(options);
    expect(clean.clips.rejected).toEqual([]);
    const mp3 = join(options.outDir, "exercise-cat-cow.mp3");
    const cleanPcm = await decodeToPcm(mp3, 8000);

    // The longest phrase of the track gets a valid header and random samples: seconds of loud white noise.
    const track = planCatalogTracks(catalog).find((t) => t.kind === "exercise" && t.id === "cat-cow" && t.pace === "standard")!;
    const longest = speechTexts([track.timeline]).sort((a, b) => b.length - a.length)[0]!;
    const path = createClipCache({ dir: options.clipCacheDir!, engine }).pathFor(longest, catalog.paces.standard.speechRatePercent);
    const file = await readFile(path);
    randomFillSync(file, file.length - Math.floor((file.length - 100) / 2) * 2);
    await writeFile(path, file);

    const again = await renderCatalog({ ...options, force: true });
    expect(again.clips.synthesized).toBe(1);
    expect(again.clips.rejected).toEqual([{ path, problem: "samples do not match their recorded sha256" }]);
    const pcm = await decodeToPcm(mp3, 8000);
    expect(pcm.length).toBe(cleanPcm.length);
    let worst = 0;
    for (let i = 0; i < pcm.length; i++) worst = Math.max(worst, Math.abs(pcm[i]! - cleanPcm[i]!));
    expect(worst).toBeLessThan(0.01);
    expect((await readManifest(join(options.outDir, "manifest.json"))).tracks.map((t) => t.id)).toEqual(["cat-cow"]);
  });
});
