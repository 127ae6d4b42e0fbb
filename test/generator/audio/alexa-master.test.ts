import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../../content/load.js";
import { planRoutine } from "../../../content/plan.js";
import type { Timeline } from "../../../content/timeline.js";
import { measureLoudness } from "../../../generator/audio/ffmpeg.js";
import { integratedLufs, truePeakDb } from "../../../generator/audio/loudness.js";
import { rotatePhase } from "../../../generator/audio/phase.js";
import { PROFILES } from "../../../generator/audio/profiles.js";
import { renderTrack, type TrackOutput } from "../../../generator/audio/track.js";
import { createClipCache } from "../../../generator/cache/clip-cache.js";
import { prepareClips, speechTexts, type ClipSet } from "../../../generator/render/clips.js";
import { createFliteEngine } from "../../../generator/tts/flite.js";

// Issue 12 point 4 on a real render: the quick routine as the catalogue plans it, spoken by the default embedded
// voice (Flite "slt"), mastered for both profiles in one encode as `upper-back render` does.
let dir: string;
let timeline: Timeline;
let clips: ClipSet;
let output: TrackOutput;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "alexa-master-"));
  timeline = planRoutine(loadCatalog(), "quick", "standard");
  const engine = await createFliteEngine();
  try {
    clips = await prepareClips(speechTexts([timeline]), createClipCache({ dir: join(dir, "clips"), engine }), {
      ratePercent: 100,
      sampleRate: engine.sampleRate,
      concurrency: 2,
    });
  } finally {
    await engine.close();
  }
  output = await renderTrack({
    timeline,
    clip: clips.get,
    rate: clips.rate,
    tags: { title: "Quick", album: "Upper Back Routine", artist: "Upper Back Routine" },
    outputs: [PROFILES.download, PROFILES.alexa].map((profile) => ({ profile, outFile: join(dir, profile.id, "routine-quick.mp3") })),
  });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each([PROFILES.download, PROFILES.alexa])("the quick routine in the embedded voice, $id profile", (profile) => {
  const loudness = () => output.files.find((f) => f.profile.id === profile.id)!.loudness;

  it("limits no clip's peaks by more than 6 dB (the gain reduction the manifest records)", () => {
    expect(loudness().gainReductionDb).toBeGreaterThan(0);
    expect(loudness().gainReductionDb).toBeLessThanOrEqual(6);
  });

  it("still lands within ±1 LU of the profile's loudness with the true peak under its limit (measured by ffmpeg)", async () => {
    const measured = await measureLoudness(join(dir, profile.id, "routine-quick.mp3"));
    expect(Math.abs(measured.integratedLufs - profile.targetLufs)).toBeLessThanOrEqual(1);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(profile.truePeakLimitDb);
    expect(loudness().mp3TruePeakDbtp).toBeLessThanOrEqual(profile.truePeakLimitDb);
  });
});

describe("Alexa's limiting against the download's", () => {
  it("is deeper (less peak room over a louder target), so the recorded figure is per profile", () => {
    const [download, alexa] = output.files.map((f) => f.loudness.gainReductionDb);
    expect(alexa).toBeGreaterThan(download!);
  });
});

describe("phase rotation of the voice", () => {
  it("keeps a clip's loudness and lowers the peaks of most clips of the routine", () => {
    const texts = speechTexts([timeline]);
    let lower = 0;
    for (const text of texts) {
      const clip = clips.get(text);
      const rotated = rotatePhase(clip, clips.rate);
      expect(Math.abs(integratedLufs(rotated, clips.rate) - integratedLufs(clip, clips.rate))).toBeLessThan(0.3);
      if (truePeakDb(rotated) < truePeakDb(clip)) lower++;
    }
    expect(lower / texts.length).toBeGreaterThan(0.6);
  });
});
