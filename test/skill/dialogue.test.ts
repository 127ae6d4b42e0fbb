// The dialogue decisions: unknown names never start something else; start over / go back / repeat mean what people
// mean; an exercise that hurt is remembered; "skip X from now on" and "put it back"; pace changes say what the
// planner changes; "forget my progress" deletes the record; AudioPlayer state comes from context.AudioPlayer first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestEnvelope } from "ask-sdk-model";
import { loadCatalog } from "../../content/load.js";
import { dose, exerciseCues, numberWord } from "../../content/plan.js";
import { alexaSsml } from "../../content/ssml/alexa.js";
import { parseToken } from "../../skill/audio/tokens.js";
import { DynamoPersistenceAdapter } from "../../skill/persistence/dynamo.js";
import { startDynalite, type LocalDynamo } from "../support/dynalite.js";
import { AUDIO_BASE_URL, fixtureManifest } from "./audio-fixture.js";
import { harness, onDay, said } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const catalog = loadCatalog();
const desk = catalog.routines.get("desk-break")!;
const full = catalog.routines.get(catalog.defaultRoutineId)!;
const titleOf = (id: string) => catalog.exercises.get(id)!.title;

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite("dialogue-table");
});
afterAll(async () => {
  await dynamo?.stop();
});

function stored(userId: string) {
  return harness({ userId, config: { catalog, tableName: dynamo.tableName, dynamoEndpoint: dynamo.endpoint, dynamoRegion: dynamo.region } });
}

async function started(utterance = "start the upper back routine") {
  const h = harness({ config: { catalog } });
  await h.alexa.launch();
  const first: any = await h.alexa.utter(utterance);
  return { ...h, first };
}

describe("unknown names never start something else", () => {
  it("an unknown routine is named back with what exists, and nothing starts", async () => {
    const { alexa } = harness({ config: { catalog } });
    await alexa.launch();
    const r: any = await alexa.intend("StartRoutineIntent", { routine: "office party" });
    expect(said(r)).toMatch(/^I don't know a routine called office party\. .*Which would you like\?$/);
    expect(said(r)).not.toMatch(/Exercise \d+ of/);
    expect(r.response.shouldEndSession).toBe(false);
  });

  it("a near miss of an exercise names the nearest ones and asks", async () => {
    const { alexa } = harness({ config: { catalog } });
    await alexa.launch();
    const r: any = await alexa.intend("PickExerciseIntent", { exercise: "seated twisting thing" });
    expect(said(r)).toContain(`The nearest I have`);
    expect(said(r)).toContain(titleOf("seated-twist").toLowerCase());
    expect(said(r)).not.toMatch(/Exercise \d+ of|Say next when you're ready/);
  });
});

describe("start over, go back and repeat", () => {
  it("'start from the beginning' in the desk break restarts the desk break, not the full routine", async () => {
    const { alexa } = await started("start the desk break");
    await alexa.utter("skip");
    const r: any = await alexa.utter("start from the beginning");
    expect(said(r)).toContain(`Exercise 1 of ${desk.items.length}: ${titleOf(desk.items[0]!.exercise)}.`);
  });

  it("'go back' after skipping a picked exercise returns to it", async () => {
    const { alexa } = await started("let's do the seated twist");
    const skipped: any = await alexa.utter("skip");
    expect(said(skipped)).toContain("Skipping seated twist.");
    const back: any = await alexa.utter("go back");
    expect(said(back)).toMatch(/^Going back\. Seated twist\./);
  });

  it("'repeat' replays the exercise without the routine's introduction", async () => {
    const { alexa, first } = await started();
    expect(said(first)).toContain(full.summary);
    const r: any = await alexa.utter("repeat");
    expect(said(r)).not.toContain(full.summary);
    expect(said(r)).toContain(`Exercise 1 of ${full.items.length}`);
  });
});

describe("long exercises over several responses", () => {
  it("says every cue of the longest exercise exactly once across its responses", async () => {
    const longest = [...catalog.exercises.keys()]
      .map((id) => ({ id, cues: exerciseCues(catalog.exercises.get(id)!, catalog.paces.deeper) }))
      .sort((a, b) => alexaSsml(b.cues).length - alexaSsml(a.cues).length)[0]!;
    const { alexa } = harness({ config: { catalog } });
    const texts: string[] = [];
    await alexa.intend("StartRoutineIntent", { pace: "deeper" });
    let r: any = await alexa.intend("PickExerciseIntent", { exercise: titleOf(longest.id).toLowerCase() });
    for (let i = 0; i < 20 && r.response.shouldEndSession === false; i++) {
      texts.push(said(r));
      r = await alexa.utter("next");
    }
    const spoken = texts.map((s) => s.replace(/ ?Say next when you're ready\.$/, "")).join(" ");
    const planned = longest.cues.flatMap((c) => (c.type === "speech" ? [c.text] : [])).join(" ");
    expect(spoken.slice(-planned.length)).toBe(planned);
  });
});

describe("pace changes say what the planner changes", () => {
  it("names the real hold and repetition counts of the exercise at hand", async () => {
    const { alexa } = await started("do cat cow");
    const r: any = await alexa.utter("slower");
    const variant = catalog.exercises.get("cat-cow")!.variants[0]!;
    const before = dose(variant, catalog.paces.standard);
    const after = dose(variant, catalog.paces.gentle);
    if (after.reps !== before.reps) expect(said(r)).toContain(`${numberWord(after.reps)} instead of ${numberWord(before.reps)}`);
    else expect(said(r)).not.toContain("repetitions,");
    expect(said(r)).toMatch(/^Okay, the gentle pace/);
  });
});

describe("an exercise that hurt is remembered", () => {
  it("'my neck is sore' stops at once and names the neck", async () => {
    const { alexa } = await started();
    const r: any = await alexa.utter("my neck is sore");
    expect(said(r)).toMatch(/^I'm sorry about your neck\. Stop the exercise now/);
    expect(r.response.shouldEndSession).toBe(false);
  });

  it("the next session asks before that exercise, and 'yes' skips it", async () => {
    const day1 = stored("hurt-user");
    onDay(day1.alexa, "2026-07-01");
    await day1.alexa.launch();
    await day1.alexa.utter("start the desk break");
    await day1.alexa.utter("it hurts");
    await day1.alexa.utter("no");
    const day2 = stored("hurt-user");
    onDay(day2.alexa, "2026-07-02");
    await day2.alexa.launch();
    const asked: any = await day2.alexa.utter("yes");
    const first = titleOf(desk.items[0]!.exercise).toLowerCase();
    expect(said(asked)).toBe(`Picking up where you left off. Last time, ${first} hurt. Would you like to skip it? Say yes to skip it, or no to try it gently.`);
    const skipped: any = await day2.alexa.utter("yes");
    expect(said(skipped)).toContain(`Okay, skipping ${first}.`);
    expect(said(skipped)).toContain(`Exercise 2 of ${desk.items.length}`);
  });

  it("'skip neck rotation from now on' leaves it out of routines until 'put it back'", async () => {
    const { alexa } = stored("skip-user");
    await alexa.launch();
    await alexa.utter("start the desk break");
    const neckIndex = desk.items.findIndex((i) => i.exercise === "neck-rotation");
    expect(neckIndex).toBeGreaterThanOrEqual(0);
    const r: any = await alexa.utter("skip neck rotation from now on");
    expect(said(r)).toContain("I'll leave out neck rotation from now on.");
    const seen: string[] = [];
    let turn: any = await alexa.utter("start over");
    for (let i = 0; i < 40 && turn.response.shouldEndSession === false; i++) {
      seen.push(said(turn));
      turn = await alexa.utter("next");
    }
    expect(seen.join(" ")).not.toContain(`: ${titleOf("neck-rotation")}.`);
    await alexa.launch();
    const back: any = await alexa.utter("put it back");
    expect(said(back)).toContain("neck rotation is back in your routines");
  });
});

describe("forget my progress", () => {
  it("asks, deletes the stored record, and says so", async () => {
    const userId = "forget-user";
    const h = stored(userId);
    await h.alexa.launch();
    await h.alexa.utter("start the quick routine");
    await h.alexa.utter("stop");
    const adapter = new DynamoPersistenceAdapter({ tableName: dynamo.tableName, endpoint: dynamo.endpoint, region: dynamo.region });
    const envelope = { context: { System: { user: { userId } } } } as unknown as RequestEnvelope;
    expect(await adapter.getAttributes(envelope)).toHaveProperty("ubr");
    const again = stored(userId);
    await again.alexa.launch();
    const asked: any = await again.alexa.utter("forget my progress");
    expect(said(asked)).toContain("Should I forget your progress?");
    const done: any = await again.alexa.utter("yes");
    expect(said(done)).toContain("I've forgotten your progress");
    expect(await adapter.getAttributes(envelope)).toEqual({});
  });
});

describe("AudioPlayer with persistence off reads context.AudioPlayer", () => {
  it("resume keeps the device's offset and next moves on from the playing track", async () => {
    const { alexa } = harness({ audioPlayer: true, config: { catalog, audioBaseUrl: AUDIO_BASE_URL, manifest: fixtureManifest(catalog) } });
    await alexa.utter("start the upper back routine");
    alexa.audioPlayer().playbackOffset(42_000);
    await alexa.utter("pause");
    const resumed: any = await alexa.utter("resume");
    const play = (r: any) => (r.response.directives ?? []).find((d: any) => d.type === "AudioPlayer.Play");
    expect(play(resumed).audioItem.stream.offsetInMilliseconds).toBe(42_000);
    expect(parseToken(play(resumed).audioItem.stream.token)?.index).toBe(0);
    const next: any = await alexa.utter("next");
    expect(parseToken(play(next).audioItem.stream.token)?.index).toBe(1);
  });
});
