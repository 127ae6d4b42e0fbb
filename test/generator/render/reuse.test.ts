// A routine joined from its exercises' encoded frames, checked against the same routine encoded whole: the same
// length, chapters and segments, no break at any join, loudness and peaks in the profile's limits; and a source
// that changed on disk is not reused (the routine is encoded whole and the summary says why).
import { mkdtemp, rm, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../../content/load.js";
import { readManifest, type Track } from "../../../content/manifest.js";
import type { ExerciseT, RoutineT } from "../../../content/schema.js";
import { decodeToPcm, measureLoudness, probe } from "../../../generator/audio/ffmpeg.js";
import { PROFILES, profilesFor } from "../../../generator/audio/profiles.js";
import { createClipCache } from "../../../generator/cache/clip-cache.js";
import { prepareClips, speechTexts } from "../../../generator/render/clips.js";
import { renderCatalog, type RenderOptions, type RenderSummary } from "../../../generator/render/render.js";
import { routineSplicePlan, spliceSources } from "../../../generator/render/reuse.js";
import { planCatalogTracks } from "../../../generator/render/tracks.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createTtsEngine } from "../../../generator/tts/index.js";
import { pauseProblems } from "../audio/audio-checks.js";

let root: string;
let engine: TtsEngine;
let joined: RenderSummary;
let whole: RenderSummary;

// cat-cow cut to four repetitions, and a routine of it: long enough to share runs, small enough for a test.
function catalog(): Catalog {
  const full = loadCatalog();
  const catCow = full.exercises.get("cat-cow")!;
  const exercise: ExerciseT = { ...catCow, tips: [], variants: [{ ...catCow.variants[0]!, reps: { min: 4, max: 4, authored: true } }] };
  const routine: RoutineT = { id: "mini", title: "Mini routine", summary: "One exercise.", default: true, synonyms: [], items: [{ exercise: "cat-cow" }] };
  return { ...full, exercises: new Map([["cat-cow", exercise]]), routines: new Map([["mini", routine]]), defaultRoutineId: "mini" };
}

const options = (outDir: string, only?: RenderOptions["only"]): RenderOptions => ({
  catalog: catalog(), engine, outDir, clipCacheDir: join(root, "clips"), profiles: profilesFor("both"), pace: "standard", only, writeSite: false,
});
const routineEntry = async (dir: string): Promise<Track> => (await readManifest(join(dir, "manifest.json"))).tracks.find((t) => t.kind === "routine")!;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "reuse-"));
  engine = await createTtsEngine();
  // The exercise first, then the routine (reuses it); into another folder, the routine alone (nothing to reuse).
  await renderCatalog(options(join(root, "joined"), { exercise: "cat-cow" }));
  joined = await renderCatalog(options(join(root, "joined"), { routine: "mini" }));
  whole = await renderCatalog(options(join(root, "whole"), { routine: "mini" }));
}, 240_000);

afterAll(async () => {
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

describe("a routine joined from its exercise's encoded audio", () => {
  it("reuses the exercise's frames when they are current, and encodes the routine whole when they are not there", () => {
    expect(joined.reuse.joined).toBe(1);
    expect(joined.reuse.reusedMs).toBeGreaterThan(20_000);
    expect(joined.reuse.encodedWhole).toEqual([]);
    expect(whole.reuse.joined).toBe(0);
    expect(whole.reuse.encodedWhole).toEqual([{ id: "mini", pace: "standard", why: expect.stringMatching(/no encoded cat-cow/) as string }]);
  });

  it("has the same layout either way: duration, chapters and segments, and the same length and ID3 chapters in the MP3", async () => {
    for (const profile of profilesFor("both")) {
      const a = await routineEntry(join(root, "joined", profile.subdir));
      const b = await routineEntry(join(root, "whole", profile.subdir));
      expect(a.durationMs).toBe(b.durationMs);
      expect(a.chapters).toEqual(b.chapters);
      expect(a.segments).toEqual(b.segments);
      // ffprobe reads the length from the Info frame the join rewrote: it must agree with the whole encode's.
      const probed = await probe(join(root, "joined", profile.subdir, a.file));
      expect(probed.durationMs).toBe((await probe(join(root, "whole", profile.subdir, b.file))).durationMs);
      expect(probed.chapters.map((c) => c.startMs)).toEqual(a.chapters.map((c) => c.startMs));
    }
  });

  it("sounds like the whole encode, with no break at any join (decoded sample by sample around each join)", async () => {
    const all = planCatalogTracks(catalog());
    const routine = all.find((t) => t.kind === "routine")!;
    const sources = spliceSources(routine, all);
    const clips = await prepareClips(speechTexts([routine, ...sources].map((t) => t.timeline)), createClipCache({ dir: join(root, "clips"), engine }), {
      ratePercent: catalog().paces.standard.speechRatePercent,
      sampleRate: engine.sampleRate,
      concurrency: 1,
    });
    const plan = routineSplicePlan(routine, sources, clips);
    expect(plan.spans.length).toBeGreaterThan(0);
    for (const profile of profilesFor("both")) {
      const rate = profile.sampleRate;
      const a = await decodeToPcm(join(root, "joined", profile.subdir, routine.file), rate);
      const b = await decodeToPcm(join(root, "whole", profile.subdir, routine.file), rate);
      expect(a.length).toBe(b.length);
      for (const span of plan.spans) {
        for (const at of [span.sourceStart + span.offset, span.sourceEnd + span.offset]) {
          const centre = Math.round((at * rate) / clips.rate);
          let worst = 0;
          let jump = 0;
          for (let i = centre - rate / 10; i < centre + rate / 10; i++) {
            worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
            // A click is a step the whole encode does not have.
            jump = Math.max(jump, Math.abs(a[i]! - a[i - 1]!) - Math.abs(b[i]! - b[i - 1]!));
          }
          // Two encodes of the same quiet bed differ by a few thousandths; a broken join (wrong frames, lost
          // reservoir bytes, a gain or bed step) differs by tens of times more.
          expect(worst, `${profile.id} join at ${(at / clips.rate).toFixed(2)} s`).toBeLessThan(0.01);
          expect(jump).toBeLessThan(0.01);
        }
      }
    }
  });

  it("keeps every pause filled with the bed, and the loudness and true peak inside the profile's limits", async () => {
    for (const profile of profilesFor("both")) {
      const entry = await routineEntry(join(root, "joined", profile.subdir));
      const file = join(root, "joined", profile.subdir, entry.file);
      expect(await pauseProblems(file, profile.sampleRate, entry.segments, { trackLufs: PROFILES[profile.id].targetLufs })).toEqual([]);
      const measured = await measureLoudness(file);
      expect(Math.abs(measured.integratedLufs - profile.targetLufs)).toBeLessThan(1);
      expect(measured.truePeakDbtp).toBeLessThanOrEqual(profile.truePeakLimitDb);
    }
  });

  it("does not reuse an exercise MP3 that changed after it was rendered: the routine is encoded whole, and says why", async () => {
    const dir = join(root, "joined");
    await truncate(join(dir, "exercise-cat-cow.mp3"), 300_000);
    const again = await renderCatalog({ ...options(dir, { routine: "mini" }), force: true });
    expect(again.reuse.joined).toBe(0);
    expect(again.reuse.encodedWhole[0]?.why).toMatch(/not the file its manifest entry describes/);
    const entry = await routineEntry(dir);
    expect(entry.durationMs).toBe((await routineEntry(join(root, "whole"))).durationMs);
  }, 120_000);
});
