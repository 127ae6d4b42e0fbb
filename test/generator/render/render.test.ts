import { mkdtemp, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureLoudness, probe } from "../../../generator/audio/ffmpeg.js";
import { PROFILES, profilesFor } from "../../../generator/audio/profiles.js";
import { readManifest } from "../../../content/manifest.js";
import { renderCatalog, type RenderOptions } from "../../../generator/render/render.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { pauseProblems } from "../audio/audio-checks.js";
import { miniCatalog } from "./mini-catalog.js";

let root: string;
let outDir: string;
let cacheDir: string;
let engine: TtsEngine;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-"));
  outDir = join(root, "sessions");
  cacheDir = join(root, "clips");
  engine = await createEspeakEngine();
});

afterAll(async () => {
  await engine?.close();
});

function options(overrides: Partial<RenderOptions> = {}): RenderOptions {
  // One pace keeps these renders small; "every pace" below renders all three of one exercise.
  return { catalog: miniCatalog(), engine, outDir, clipCacheDir: cacheDir, profiles: profilesFor("both"), pace: "standard", site: { baseUrl: "https://example.com/sessions" }, ...overrides };
}

/** Every file below `dir` with its modification time (ns). */
async function snapshot(dir: string): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), (await stat(path, { bigint: true })).mtimeNs);
  }
  return out;
}

describe("renderCatalog on a small catalogue (one routine, two exercises)", () => {
  it("writes one MP3 per routine and exercise for both profiles, the manifests, chimes, page and feed", async () => {
    const summary = await renderCatalog(options());
    expect(summary).toMatchObject({ tracks: 6, encoded: 6, unchanged: 0 });
    expect(summary.clips.synthesized).toBeGreaterThan(10);
    const files = [...(await snapshot(outDir)).keys()].sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "routine-mini.mp3", "exercise-cat-cow.mp3", "exercise-childs-pose.mp3", "manifest.json", "index.html", "feed.xml", "artwork.png",
        "alexa/routine-mini.mp3", "alexa/exercise-cat-cow.mp3", "alexa/exercise-childs-pose.mp3", "alexa/manifest.json",
        "alexa/chimes/start.mp3", "alexa/chimes/end.mp3",
      ]),
    );
    expect(files.filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it.each([PROFILES.download, PROFILES.alexa])("$id: the manifest matches the MP3s: chapters, pauses, loudness, duration", async (profile) => {
    const dir = join(outDir, profile.subdir);
    const manifest = await readManifest(join(dir, "manifest.json"));
    expect(manifest.tracks.map((t) => [t.id, t.kind, t.file])).toEqual([
      ["mini", "routine", "routine-mini.mp3"],
      ["cat-cow", "exercise", "exercise-cat-cow.mp3"],
      ["childs-pose", "exercise", "exercise-childs-pose.mp3"],
    ]);
    for (const track of manifest.tracks) {
      const file = join(dir, track.file);
      const info = await probe(file);
      expect(info.chapters).toEqual(track.chapters.map((c) => ({ title: c.title, startMs: c.startMs, endMs: c.endMs })));
      expect(Math.abs(info.durationMs - track.durationMs)).toBeLessThan(80);
      expect(await pauseProblems(file, profile.sampleRate, track.segments, { trackLufs: profile.targetLufs })).toEqual([]);
      const measured = await measureLoudness(file);
      expect(Math.abs(measured.integratedLufs - profile.targetLufs)).toBeLessThanOrEqual(1);
      expect(measured.truePeakDbtp).toBeLessThanOrEqual(profile.truePeakLimitDb);
      expect(track).toMatchObject({ profile: profile.id, bytes: (await stat(file)).size, loudness: { measuredOn: "pcm" } });
      // Recorded from the PCM the encoder got; the encoder takes its known loss off that.
      expect(Math.abs(track.loudness!.integratedLufs - profile.encoderLossLu - measured.integratedLufs)).toBeLessThanOrEqual(0.5);
    }
  });

  it("a second render encodes nothing, synthesizes nothing and rewrites no file", async () => {
    const before = await snapshot(outDir);
    const summary = await renderCatalog(options());
    expect(summary).toMatchObject({ tracks: 6, encoded: 0, unchanged: 6, encodes: 0 });
    expect(summary.clips.synthesized).toBe(0);
    expect(summary.files.written).toBe(0);
    expect(await snapshot(outDir)).toEqual(before);
  });

  it("editing one exercise re-renders only the tracks that contain it", async () => {
    const before = await snapshot(outDir);
    const edited = miniCatalog((exercises) => {
      const pose = exercises.get("childs-pose")!;
      exercises.set("childs-pose", { ...pose, benefit: { ...pose.benefit, say: "Child's pose lengthens your spine." } });
    });
    const summary = await renderCatalog(options({ catalog: edited, profiles: [PROFILES.download] }));
    expect(summary).toMatchObject({ encoded: 1, unchanged: 2 });
    expect(summary.clips.synthesized).toBe(1);
    const after = await snapshot(outDir);
    const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f)).sort();
    // The exercise's MP3, and the documents that list it; the routine and the other exercise are untouched.
    expect(changed).toContain("exercise-childs-pose.mp3");
    expect(changed).toContain("manifest.json");
    expect(changed.filter((f) => f.endsWith(".mp3"))).toEqual(["exercise-childs-pose.mp3"]);
  });

  it("editing an exercise that a routine contains re-renders the routine too", async () => {
    const edited = miniCatalog((exercises) => {
      const cow = exercises.get("cat-cow")!;
      exercises.set("cat-cow", { ...cow, benefit: { ...cow.benefit, say: "Cat-cow wakes up your whole spine." } });
    });
    const summary = await renderCatalog(options({ catalog: edited, profiles: [PROFILES.download] }));
    // childs-pose is back to its original text here, so it renders again too (its first key is still cached as a phrase).
    expect(summary.encoded).toBe(3);
    expect(summary.clips.synthesized).toBe(1);
  });
});

describe("a render that fails midway", () => {
  it("switches nothing into place, keeps what finished, and the next run resumes it from the stash and the clip cache", async () => {
    const dir = join(root, "interrupted");
    let finished = 0;
    const failing = renderCatalog(options({
      outDir: dir,
      profiles: [PROFILES.download],
      concurrency: 1,
      writeSite: true,
      beforeRename: async () => {
        if (++finished === 2) throw new Error("disk full (injected)");
      },
    }));
    await expect(failing).rejects.toThrow("disk full (injected)");
    const files = [...(await snapshot(dir)).keys()];
    expect(files.filter((f) => f.includes(".tmp") || f.startsWith(".staging-"))).toEqual([]);
    // No previous set existed, so none is visible now: no MP3, manifest, page or feed in the folder itself.
    expect(files.filter((f) => !f.startsWith("."))).toEqual([]);

    const resumed = await renderCatalog(options({ outDir: dir, profiles: [PROFILES.download] }));
    expect(resumed).toMatchObject({ encoded: 2, resumed: 1, unchanged: 0 });
    expect(resumed.clips.synthesized).toBe(0);
    const manifest = await readManifest(join(dir, "manifest.json"));
    expect(manifest.tracks).toHaveLength(3);
    for (const track of manifest.tracks) expect((await stat(join(dir, track.file))).size).toBe(track.bytes);
    expect((await readdir(dir)).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("every pace", () => {
  // childs-pose with a hold long enough for a count-down, so the three numbers are rendered and measured.
  const counted = () =>
    miniCatalog((exercises) => {
      const pose = exercises.get("childs-pose")!;
      exercises.set("childs-pose", { ...pose, variants: pose.variants.map((v) => ({ ...v, hold: { min: 10, max: 12, authored: true as const } })) });
    });
  const dir = () => join(root, "paces");
  const render = (overrides: Partial<RenderOptions> = {}) =>
    renderCatalog(options({ catalog: counted(), outDir: dir(), profiles: [PROFILES.download], writeSite: false, pace: undefined, only: { exercise: "childs-pose" }, ...overrides }));

  it("renders a track at gentle, standard and deeper, each with its pace in the manifest and its own file", async () => {
    expect(await render()).toMatchObject({ tracks: 3, encoded: 3 });
    const manifest = await readManifest(join(dir(), "manifest.json"));
    expect(manifest.tracks.map((t) => [t.id, t.pace, t.file])).toEqual([
      ["childs-pose", "standard", "exercise-childs-pose.mp3"],
      ["childs-pose", "gentle", "exercise-childs-pose-gentle.mp3"],
      ["childs-pose", "deeper", "exercise-childs-pose-deeper.mp3"],
    ]);
    const holds = manifest.tracks.map((t) => t.segments.filter((s) => s.purpose === "hold").reduce((ms, s) => ms + s.endMs - s.startMs, 0));
    expect(holds[1]).toBeLessThan(holds[2]!);
    for (const track of manifest.tracks) expect(await pauseProblems(join(dir(), track.file), PROFILES.download.sampleRate, track.segments, { trackLufs: PROFILES.download.targetLufs })).toEqual([]);
  });

  it("starts the count-down numbers one second apart in the rendered audio", async () => {
    const manifest = await readManifest(join(dir(), "manifest.json"));
    for (const track of manifest.tracks) {
      const numbers = track.segments.filter((s) => s.type === "speech" && ["Three.", "Two.", "One."].includes(s.text ?? ""));
      expect(numbers.map((s) => s.text), track.file).toEqual(["Three.", "Two.", "One."]);
      const gaps = numbers.slice(1).map((s, i) => s.startMs - numbers[i]!.startMs);
      for (const gap of gaps) expect(Math.abs(gap - 1000), `${track.file}: ${gaps.join(", ")} ms`).toBeLessThanOrEqual(100);
    }
  });

  it("--pace renders one pace and keeps the others in the manifest", async () => {
    const summary = await render({ pace: "gentle", force: true });
    expect(summary).toMatchObject({ tracks: 1, encoded: 1 });
    const manifest = await readManifest(join(dir(), "manifest.json"));
    expect(manifest.tracks.map((t) => t.pace)).toEqual(["standard", "gentle", "deeper"]);
  });
});
