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
import { audibleSpeechShare, pauseProblems, speechAndBedLufs } from "./audio-checks.js";

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
    { type: "pause", ms: 6000, purpose: "hold" },
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
let output: TrackOutput;
let withoutBed: TrackOutput;

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
  const tags = { title: "Cat-cow", album: "Upper Back Routine", artist: "Upper Back Routine" };
  const track = { timeline, clip: clips.get, rate: clips.rate, tags };
  // Both profiles from one assembly, in one encode; the artwork goes into every output.
  output = await renderTrack({
    ...track,
    outputs: [PROFILES.download, PROFILES.alexa].map((profile) => ({ profile, outFile: join(dir, profile.id, "exercise-cat-cow.mp3") })),
    artworkFile: artwork,
  });
  withoutBed = await renderTrack({ ...track, bed: false, outputs: [{ profile: PROFILES.download, outFile: join(dir, "no-bed", "exercise-cat-cow.mp3") }] });
});

afterAll(async () => {
  await engine?.close();
});

describe.each([PROFILES.download, PROFILES.alexa])("a hand-made timeline rendered for the $id profile", (profile) => {
  const file = () => join(dir, profile.id, "exercise-cat-cow.mp3");

  it("decodes without error to the length the layout measured", async () => {
    const pcm = await decodeToPcm(file(), profile.sampleRate);
    expect(Math.abs((pcm.length / profile.sampleRate) * 1000 - output.layout.durationMs)).toBeLessThan(60);
    const info = await probe(file());
    expect(info).toMatchObject({ codec: "mp3", sampleRate: profile.sampleRate });
    expect(Math.abs(info.bitRate / 1000 - profile.bitrateKbps)).toBeLessThan(8);
  });

  it("lands within ±1 LU of the profile's loudness with the true peak under its limit (measured by ffmpeg)", async () => {
    const measured = await measureLoudness(file());
    expect(Math.abs(measured.integratedLufs - profile.targetLufs)).toBeLessThanOrEqual(1);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(profile.truePeakLimitDb);
    // What the render recorded, measured on the PCM it encoded, agrees with ffmpeg's reading of the MP3.
    const recorded = output.files.find((f) => f.profile.id === profile.id)!.loudness;
    expect(Math.abs(recorded.integratedLufs - profile.encoderLossLu - measured.integratedLufs)).toBeLessThanOrEqual(0.5);
    // The MP3's own peak as the render read it (a profile that overshot its margin was encoded again, further under,
    // so the PCM's peak plus the margin is no bound then): ffmpeg's reading sits at most the meters' gap over it.
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(recorded.mp3TruePeakDbtp + 0.4);
  });

  it("holds no speech and no digital silence in any pause, and is audible in the speech", async () => {
    const { segments } = output.layout;
    expect(await pauseProblems(file(), profile.sampleRate, segments, { trackLufs: profile.targetLufs })).toEqual([]);
    expect(await audibleSpeechShare(file(), profile.sampleRate, segments)).toBe(1);
  });

  it("puts the bed 15–30 dB under the speech in the 6 s hold", async () => {
    const { speechLufs, bedLufs } = await speechAndBedLufs(file(), profile.sampleRate, output.layout.segments);
    expect(speechLufs - bedLufs).toBeGreaterThanOrEqual(15);
    expect(speechLufs - bedLufs).toBeLessThanOrEqual(30);
  });

  it("carries ID3 tags and one chapter per chapter cue, as ffprobe reads them back", async () => {
    const { chapters } = output.layout;
    const info = await probe(file());
    expect(info.tags).toMatchObject({ title: "Cat-cow", album: "Upper Back Routine", artist: "Upper Back Routine" });
    expect(info.chapters).toEqual(chapters.map((c) => ({ title: c.title, startMs: c.startMs, endMs: c.endMs })));
    expect(info.hasArtwork).toBe(true);
  });

  it("leaves no temporary file next to the MP3", async () => {
    expect(await readdir(join(dir, profile.id))).toEqual(["exercise-cat-cow.mp3"]);
  });
});

describe("layout of the hand-made timeline", () => {
  it("gives pauses their exact length and puts segments end to end", () => {
    const { segments, durationMs } = output.layout;
    expect(segments.filter((s) => s.type === "pause").map((s) => s.endMs - s.startMs)).toEqual([1500, 6000, 2500]);
    expect(segments.filter((s) => s.type === "chime").map((s) => s.endMs - s.startMs)).toEqual([600, 600]);
    segments.forEach((s, i) => expect(s.startMs).toBe(i === 0 ? 0 : segments[i - 1]!.endMs));
    expect(segments.at(-1)!.endMs).toBe(durationMs);
    expect(segments.filter((s) => s.type === "speech").map((s) => s.text)).toEqual(speechTexts([timeline]));
  });

  it("is the same with and without the bed (the bed changes no timing)", () => {
    expect(withoutBed.layout.segments).toEqual(output.layout.segments);
  });
});

describe("the hand-made timeline with --bed none", () => {
  it("is digital silence in every pause, so the bed is what fills them otherwise", async () => {
    const file = join(dir, "no-bed", "exercise-cat-cow.mp3");
    expect(await pauseProblems(file, PROFILES.download.sampleRate, withoutBed.layout.segments)).toEqual([]);
  });
});

describe("the gain reduction each profile records", () => {
  it("is the deepest clip limiting of that profile's master: Alexa's tighter peak room limits more than the download's", () => {
    const [download, alexa] = output.files.map((f) => f.loudness.gainReductionDb);
    expect(download).toBeGreaterThan(0);
    expect(alexa).toBeGreaterThan(download!);
  });
});

describe("the MP3 peak check", () => {
  it("reads each MP3's true peak as ffmpeg's meter does (within the 0.4 dB the check allows for), and ffmpeg finds it under the limit", async () => {
    for (const f of output.files) {
      const measured = await measureLoudness(join(dir, f.profile.id, "exercise-cat-cow.mp3"));
      expect(Math.abs(f.loudness.mp3TruePeakDbtp - measured.truePeakDbtp)).toBeLessThanOrEqual(0.4);
      expect(measured.truePeakDbtp).toBeLessThanOrEqual(f.profile.truePeakLimitDb);
    }
  });

  it("encodes a profile again when its MP3 overshoots the limit, and ships it under the limit", async () => {
    // A margin below zero levels the clips 2 dB over the limit: the first MP3 must go over and be caught.
    const bare = { ...PROFILES.alexa, peakMarginDb: -2 };
    const outFile = join(dir, "no-margin", "exercise-cat-cow.mp3");
    const out = await renderTrack({ timeline, clip: clips.get, rate: clips.rate, tags: { title: "Cat-cow", album: "x", artist: "x" }, outputs: [{ profile: bare, outFile }] });
    const [file] = out.files;
    expect(file!.loudness.encodes).toBeGreaterThan(1);
    expect((await measureLoudness(outFile)).truePeakDbtp).toBeLessThanOrEqual(bare.truePeakLimitDb);
  });
});
