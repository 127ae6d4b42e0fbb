// Hands-free mode: the rendered sessions streamed through AudioPlayer, one exercise per stream, with progress
// (exercise and offset) kept in DynamoDB (dynalite) across sessions and days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { parseToken } from "../../skill/audio/tokens.js";
import { exerciseTrack } from "../../skill/audio/tracks.js";
import { startDynalite, type LocalDynamo } from "../support/dynalite.js";
import { AUDIO_BASE_URL, exerciseUrl, fixtureManifest } from "./audio-fixture.js";
import { harness, onDay, said, type Exchange } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const catalog = loadCatalog();
const items = catalog.routines.get(catalog.defaultRoutineId)!.items.map((i) => i.exercise);
const manifest = fixtureManifest(catalog);

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite("audio-table");
});
afterAll(async () => {
  await dynamo?.stop();
});

function speaker(userId: string) {
  return harness({
    userId,
    audioPlayer: true,
    config: { audioBaseUrl: AUDIO_BASE_URL, manifest, tableName: dynamo.tableName, dynamoEndpoint: dynamo.endpoint, dynamoRegion: dynamo.region },
  });
}

function play(response: any): any {
  return (response?.response?.directives ?? []).find((d: any) => d.type === "AudioPlayer.Play");
}

function lastOf(exchanges: Exchange[], type: string): Exchange | undefined {
  return exchanges.filter((e) => e.request.request.type === type).at(-1);
}

function indexOf(token: string | undefined): number | undefined {
  return parseToken(token)?.index;
}

function expectNoSpeechOnPlaybackEvents(exchanges: Exchange[]): void {
  const events = exchanges.filter((e) => /^(AudioPlayer|PlaybackController)\./.test(e.request.request.type));
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) {
    expect(e.response.response.outputSpeech, e.request.request.type).toBeUndefined();
    expect(e.response.response.reprompt).toBeUndefined();
    expect(e.response.response.card).toBeUndefined();
    for (const d of e.response.response.directives ?? []) expect(d.type).toMatch(/^AudioPlayer\./);
  }
}

describe("AudioPlayer mode", () => {
  it("streams a whole routine hands-free: start, enqueue, next, previous, pause, resume, and continue the next day", async () => {
    const day1 = speaker("listener-1");
    onDay(day1.alexa, "2026-05-10");
    const start: any = await day1.alexa.utter("start upper back routine");
    expect(said(start)).toContain("not a substitute for professional medical advice");
    expect(said(start)).toContain(`Exercise 1 of ${items.length}`);
    expect(start.response.shouldEndSession).toBe(true);
    const first = play(start);
    expect(first.playBehavior).toBe("REPLACE_ALL");
    expect(first.audioItem.stream.url).toBe(exerciseUrl(items[0]!));
    expect(first.audioItem.stream.offsetInMilliseconds).toBe(0);
    expect(indexOf(first.audioItem.stream.token)).toBe(0);
    expect(lastOf(day1.exchanges, "AudioPlayer.PlaybackStarted")).toBeDefined();

    // Nearly finished → the next exercise is enqueued behind the current token.
    await day1.alexa.audioPlayer().playbackNearlyFinished();
    const enqueue = play(lastOf(day1.exchanges, "AudioPlayer.PlaybackNearlyFinished")!.response);
    expect(enqueue.playBehavior).toBe("ENQUEUE");
    expect(enqueue.audioItem.stream.expectedPreviousToken).toBe(first.audioItem.stream.token);
    expect(enqueue.audioItem.stream.url).toBe(exerciseUrl(items[1]!));
    await day1.alexa.audioPlayer().playbackFinished();
    expect(indexOf(day1.alexa.audioPlayer().playing().stream.token)).toBe(1);

    // Next and previous by voice.
    const next: any = await day1.alexa.utter("next");
    expect(indexOf(play(next).audioItem.stream.token)).toBe(2);
    const previous: any = await day1.alexa.utter("previous");
    expect(indexOf(play(previous).audioItem.stream.token)).toBe(1);
    expect(play(previous).audioItem.stream.url).toBe(exerciseUrl(items[1]!));

    // Pause 42 s in: the stop is sent, the offset is saved; resume starts there.
    day1.alexa.audioPlayer().playbackOffset(42_000);
    const pause: any = await day1.alexa.utter("pause");
    expect(pause.response.outputSpeech).toBeUndefined();
    expect(pause.response.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    const resume: any = await day1.alexa.utter("resume");
    expect(indexOf(play(resume).audioItem.stream.token)).toBe(1);
    expect(play(resume).audioItem.stream.offsetInMilliseconds).toBe(42_000);

    // "Stop" during playback arrives as Pause: same behaviour, offset kept.
    day1.alexa.audioPlayer().playbackOffset(61_000);
    const stopAsPause: any = await day1.alexa.intend("AMAZON.PauseIntent");
    expect(stopAsPause.response.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    expectNoSpeechOnPlaybackEvents(day1.exchanges);

    // Another day, a new session: continue at the same exercise and offset.
    const day2 = speaker("listener-1");
    onDay(day2.alexa, "2026-05-11");
    const r: any = await day2.alexa.utter("ask upper back routine to continue where i left off");
    const resumed = play(r);
    expect(indexOf(resumed.audioItem.stream.token)).toBe(1);
    expect(resumed.audioItem.stream.offsetInMilliseconds).toBe(61_000);
    expect(resumed.audioItem.stream.url).toBe(exerciseUrl(items[1]!));
  });

  it("restreams the exercise at the slower pace, saying what changes, and falls back to standard when that pace was not rendered", async () => {
    const a = speaker("listener-7");
    await a.alexa.utter("start upper back routine");
    const r: any = await a.alexa.utter("slower");
    expect(said(r)).toContain("Okay, the gentle pace");
    expect(parseToken(play(r).audioItem.stream.token)).toMatchObject({ index: 0, pace: "gentle" });
    expect(play(r).audioItem.stream.url).toBe(exerciseUrl(items[0]!));
  });

  it("looks tracks up by exercise and pace, falling back to standard when that pace was not rendered", () => {
    const gentle = manifest.tracks.map((t) => ({ ...t, pace: "gentle" as const, file: t.file.replace(/\.mp3$/, "-gentle.mp3") }));
    const paced = { tracks: [...manifest.tracks.map((t) => ({ ...t, pace: "standard" as const })), ...gentle] };
    expect(exerciseTrack(paced, "cat-cow", "gentle")?.file).toBe(gentle.find((t) => t.id === "cat-cow")!.file);
    expect(exerciseTrack(paced, "cat-cow", "standard")?.pace).toBe("standard");
    expect(exerciseTrack(paced, "cat-cow", "deeper")?.pace).toBe("standard");
    expect(exerciseTrack(paced, "no-such-exercise", "gentle")).toBeUndefined();
  });

  it("offers to continue on launch and plays from the saved offset on yes", async () => {
    const a = speaker("listener-2");
    await a.alexa.utter("start upper back routine");
    await a.alexa.utter("next");
    a.alexa.audioPlayer().playbackOffset(15_500);
    await a.alexa.utter("pause");
    const b = speaker("listener-2");
    const launch: any = await b.alexa.launch();
    expect(said(launch)).toContain("Would you like to continue where you left off?");
    const yes: any = await b.alexa.utter("yes");
    expect(indexOf(play(yes).audioItem.stream.token)).toBe(1);
    expect(play(yes).audioItem.stream.offsetInMilliseconds).toBe(15_500);
  });

  it("moves with the device's next and previous buttons, answering with AudioPlayer directives only", async () => {
    const a = speaker("listener-3");
    await a.alexa.utter("start upper back routine");
    const next: any = await a.alexa.request().requestType("PlaybackController.NextCommandIssued").send();
    expect(indexOf(play(next).audioItem.stream.token)).toBe(1);
    const previous: any = await a.alexa.request().requestType("PlaybackController.PreviousCommandIssued").send();
    expect(indexOf(play(previous).audioItem.stream.token)).toBe(0);
    const pause: any = await a.alexa.request().requestType("PlaybackController.PauseCommandIssued").send();
    expect(pause.response.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    expectNoSpeechOnPlaybackEvents(a.exchanges);
  });

  it("falls back to speech mode after PlaybackFailed, at the same exercise", async () => {
    const a = speaker("listener-4");
    onDay(a.alexa, "2026-05-12");
    await a.alexa.utter("start upper back routine");
    const token = a.alexa.audioPlayer().playing().stream.token;
    const failed: any = await a.alexa.request().audioPlayer("AudioPlayer.PlaybackFailed", token, 3_000).send();
    expect(failed.response.outputSpeech).toBeUndefined();
    expect(failed.response.directives).toEqual([{ type: "AudioPlayer.ClearQueue", clearBehavior: "CLEAR_ALL" }]);
    const b = speaker("listener-4");
    onDay(b.alexa, "2026-05-12");
    await b.alexa.launch();
    const yes: any = await b.alexa.utter("yes");
    expect(play(yes)).toBeUndefined();
    expect(said(yes)).toContain(`Exercise 1 of ${items.length}`);
    expect(said(yes)).toMatch(/Say next when you're ready\.$/);
    expect(yes.response.shouldEndSession).toBe(false);
    expectNoSpeechOnPlaybackEvents(a.exchanges);
  });

  it("ignores foreign or malformed tokens without failing", async () => {
    const a = speaker("listener-5");
    await a.alexa.utter("start upper back routine");
    for (const token of ["", "garbage", "ubr1:routine:../etc:0:standard", "ubr1:routine:upper-back:99:standard", "ubr1:routine:upper-back:0:turbo"]) {
      const r: any = await a.alexa.request().audioPlayer("AudioPlayer.PlaybackNearlyFinished", token, 0).send();
      expect(r.response.directives ?? []).toEqual([]);
    }
    expect(a.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  it("enqueues nothing after the last exercise and counts the finished routine", async () => {
    const a = speaker("listener-6");
    await a.alexa.utter("start the floor routine");
    const floor = catalog.routines.get("floor")!.items;
    for (let i = 0; i < floor.length; i++) {
      await a.alexa.audioPlayer().playbackNearlyFinished();
      await a.alexa.audioPlayer().playbackFinished();
    }
    const nearly = a.exchanges.filter((e) => e.request.request.type === "AudioPlayer.PlaybackNearlyFinished");
    expect(nearly.map((e) => play(e.response) !== undefined)).toEqual(floor.map((_, i) => i < floor.length - 1));
    const b = speaker("listener-6");
    const launch: any = await b.alexa.launch();
    expect(said(launch)).not.toContain("Would you like to continue");
  });
});
