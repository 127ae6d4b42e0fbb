import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Timeline } from "../../../content/timeline.js";
import { decodeToPcm, measureLoudness, probe } from "../../../generator/audio/ffmpeg.js";
import { PROFILES } from "../../../generator/audio/profiles.js";
import { renderTrack, type TrackOutput } from "../../../generator/audio/track.js";
import { createClipCache } from "../../../generator/cache/clip-cache.js";
import { encodePng } from "../../../generator/site/artwork.js";
import { prepareClips, speechTexts, type ClipSet } from "../../../generator/render/clips.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { audibleSpeechShare, pauseProblems } from "./audio-checks.js";

// A hand-made timeline: two chapters, speech, exact pauses of several lengths, chimes around a hold.
const timeline: Timeline = {
  id: "cat-cow",
  kind: "exercise",
  title: "Cat-cow",
  pace: "standard",
  cues: [
    { type: "chapter", id: "cat-cow", title: "Cat-cow", exerciseId: "cat-cow" },
    { type: "speech", text: "Cat-cow.", role: "title" },
    { type: "speech", text: "Come onto your hands and knees, wrists under your shoulders.", role: "setup" },
    { type: "pause", ms: 1500, purpose: "movement" },
    { type: "speech", text: "Breathe in, and let your belly drop toward the floor.", role: "step" },
    { type: "chime", sound: "start" },
    { type: "pause", ms: 4000, purpose: "hold" },
    { type: "chime", sound: "end" },
    { type: "chapter", id: "cat-cow-2", title: "Cat-cow, round two", exerciseId: "cat-cow" },
    { type: "speech", text: "Breathe out, and round your back toward the ceiling.", role: "step" },
    { type: "pause", ms: 2500, purpose: "breath" },
    { type: "speech", text: "Well done.", role: "outro" },
  ],
};

let dir: string;
let engine: TtsEngine;
let clips: ClipSet;
const outputs = new Map<string, TrackOutput>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "audio-track-"));
  engine = await createEspeakEngine();
  clips = await prepareClips(speechTexts([timeline]), createClipCache({ dir: join(dir, "clips"), engine }), {
    ratePercent: 100,
    sampleRate: engine.sampleRate,
    concurrency: 2,
  });
  const artwork = join(dir, "cover.png");
  await writeFile(artwork, encodePng(64, 64, new Uint8Array(64 * 64 * 3).fill(120)));
  for (const profile of [PROFILES.download, PROFILES.alexa]) {
    outputs.set(profile.id, await renderTrack({
      timeline,
      clip: clips.get,
      rate: clips.rate,
      profile,
      tags: { title: "Cat-cow", album: "Upper Back Routine", artist: "Upper Back Routine" },
      artworkFile: profile.id === "download" ? artwork : undefined,
      outFile: join(dir, profile.id, "exercise-cat-cow.mp3"),
    }));
  }
});

afterAll(async () => {
  await engine?.close();
});

describe.each([PROFILES.download, PROFILES.alexa])("a hand-made timeline rendered for the $id profile", (profile) => {
  const file = () => join(dir, profile.id, "exercise-cat-cow.mp3");

  it("decodes without error to the length the layout measured", async () => {
    const out = outputs.get(profile.id)!;
    const pcm = await decodeToPcm(file(), profile.sampleRate);
    expect(Math.abs((pcm.length / profile.sampleRate) * 1000 - out.layout.durationMs)).toBeLessThan(60);
    const info = await probe(file());
    expect(info).toMatchObject({ codec: "mp3", sampleRate: profile.sampleRate });
    expect(Math.abs(info.bitRate / 1000 - profile.bitrateKbps)).toBeLessThan(8);
  });

  it("lands within ±1 LU of the profile's loudness with the true peak under its limit (measured by ffmpeg)", async () => {
    const measured = await measureLoudness(file());
    expect(Math.abs(measured.integratedLufs - profile.targetLufs)).toBeLessThanOrEqual(1);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(profile.truePeakLimitDb);
    expect(outputs.get(profile.id)!.loudness).toEqual(measured);
  });

  it("is silent in every pause (100 ms in from each edge) and audible in the speech", async () => {
    const { segments } = outputs.get(profile.id)!.layout;
    expect(await pauseProblems(file(), profile.sampleRate, segments)).toEqual([]);
    expect(await audibleSpeechShare(file(), profile.sampleRate, segments)).toBe(1);
  });

  it("carries ID3 tags and one chapter per chapter cue, as ffprobe reads them back", async () => {
    const { chapters } = outputs.get(profile.id)!.layout;
    const info = await probe(file());
    expect(info.tags).toMatchObject({ title: "Cat-cow", album: "Upper Back Routine", artist: "Upper Back Routine" });
    expect(info.chapters).toEqual(chapters.map((c) => ({ title: c.title, startMs: c.startMs, endMs: c.endMs })));
    expect(info.hasArtwork).toBe(profile.id === "download");
  });

  it("leaves no temporary file next to the MP3", async () => {
    expect(await readdir(join(dir, profile.id))).toEqual(["exercise-cat-cow.mp3"]);
  });
});

describe("layout of the hand-made timeline", () => {
  it("gives pauses their exact length and puts segments end to end", () => {
    const { segments, durationMs } = outputs.get("download")!.layout;
    expect(segments.filter((s) => s.type === "pause").map((s) => s.endMs - s.startMs)).toEqual([1500, 4000, 2500]);
    expect(segments.filter((s) => s.type === "chime").map((s) => s.endMs - s.startMs)).toEqual([600, 600]);
    segments.forEach((s, i) => expect(s.startMs).toBe(i === 0 ? 0 : segments[i - 1]!.endMs));
    expect(segments.at(-1)!.endMs).toBe(durationMs);
    expect(segments.filter((s) => s.type === "speech").map((s) => s.text)).toEqual(speechTexts([timeline]));
  });

  it("is the same in both profiles (timing does not depend on the output rate)", () => {
    expect(outputs.get("alexa")!.layout.segments).toEqual(outputs.get("download")!.layout.segments);
  });
});
