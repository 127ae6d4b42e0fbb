// Progress, pace, sessions and streak survive between sessions in DynamoDB (dynalite on loopback); when DynamoDB
// is down the skill still answers, without progress.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { DynamoPersistenceAdapter } from "../../skill/persistence/dynamo.js";
import { startDynalite, type LocalDynamo } from "../support/dynalite.js";
import { harness, onDay, said } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const catalog = loadCatalog();
const titles = catalog.routines.get(catalog.defaultRoutineId)!.items.map((i) => catalog.exercises.get(i.exercise)!.title);

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo?.stop();
});

function device(userId: string) {
  return harness({ userId, config: { tableName: dynamo.tableName, dynamoEndpoint: dynamo.endpoint, dynamoRegion: dynamo.region } });
}

describe("persistence in DynamoDB", () => {
  it("keeps progress across sessions: a new session offers to continue at the same exercise", async () => {
    const first = device("user-progress");
    await first.alexa.utter("open upper back routine");
    await first.alexa.utter("yes");
    await first.alexa.utter("skip");
    await first.alexa.utter("skip");
    const stop: any = await first.alexa.utter("stop");
    expect(said(stop)).toContain("Your place is saved");

    const second = device("user-progress");
    const welcome: any = await second.alexa.launch();
    expect(said(welcome)).toContain(`Last time you stopped at ${titles[2]!.toLowerCase()}, exercise 3 of ${titles.length}`);
    expect(said(welcome)).not.toContain("safety note");
    expect(welcome.response.shouldEndSession).toBe(false);
    const yes: any = await second.alexa.utter("yes");
    expect(said(yes)).toContain(`Exercise 3 of ${titles.length}: ${titles[2]}.`);
  });

  it("'continue where I left off' resumes at the right exercise in a one-shot request", async () => {
    const first = device("user-continue");
    await first.alexa.utter("open upper back routine");
    await first.alexa.utter("yes");
    for (let i = 0; i < 4; i++) await first.alexa.utter("skip");
    await first.alexa.endSession();

    const second = device("user-continue");
    const r: any = await second.alexa.utter("ask upper back routine to continue where i left off");
    expect(said(r)).toContain("Picking up where you left off.");
    expect(said(r)).toContain(`Exercise 5 of ${titles.length}: ${titles[4]}.`);
  });

  it("remembers the pace and grows the streak day by day", async () => {
    const day1 = device("user-streak");
    onDay(day1.alexa, "2026-03-01");
    await day1.alexa.utter("start the quick routine");
    await day1.alexa.utter("slower");
    let r: any;
    for (let i = 0; i < 20; i++) {
      r = await day1.alexa.utter("skip");
      if (r.response.shouldEndSession) break;
    }
    expect(said(r)).toContain("That's your first session.");

    const day2 = device("user-streak");
    onDay(day2.alexa, "2026-03-02");
    await day2.alexa.utter("start the quick routine");
    const slower: any = await day2.alexa.utter("slower");
    expect(said(slower)).toContain("already at the gentlest pace");
    for (let i = 0; i < 20; i++) {
      r = await day2.alexa.utter("skip");
      if (r.response.shouldEndSession) break;
    }
    expect(said(r)).toContain("That's 2 sessions so far. You're on a 2 day streak.");

    const adapter = new DynamoPersistenceAdapter({ tableName: dynamo.tableName, endpoint: dynamo.endpoint, region: dynamo.region });
    const stored: any = await adapter.getAttributes({ context: { System: { user: { userId: "user-streak" } } } } as any);
    expect(stored.ubr).toMatchObject({ pace: "gentle", completedSessions: 2, streak: { days: 2, lastDay: "2026-03-02" }, safetyNoteSeen: true });
    expect(stored.ubr.progress).toBeUndefined();
  });
});

describe("when DynamoDB is down", () => {
  it("still answers every request, without progress, and logs the failure", async () => {
    const local = await startDynalite("outage-table");
    const config = { tableName: local.tableName, dynamoEndpoint: local.endpoint, dynamoRegion: local.region };
    const before = harness({ userId: "user-outage", config });
    await before.alexa.utter("open upper back routine");
    await before.alexa.utter("skip");
    await before.alexa.utter("stop");
    await local.stop();

    const after = harness({ userId: "user-outage", config });
    const launch: any = await after.alexa.launch();
    expect(said(launch)).toContain("Welcome to Upper Back Routine.");
    expect(said(launch)).toContain("Ready to start");
    expect(said(await after.alexa.utter("yes"))).toContain("Exercise 1 of");
    const next: any = await after.alexa.utter("next");
    expect(said(next)).toContain("Exercise 2 of");
    const stop: any = await after.alexa.utter("stop");
    expect(stop.response.shouldEndSession).toBe(true);
    expect(after.logs.some((l) => l.level === "error" && l.message.includes("could not read progress"))).toBe(true);
  });

  it("never overwrites stored progress in a session that could not read it", async () => {
    const saved: unknown[] = [];
    let failing = true;
    const adapter = {
      getAttributes: async () => {
        if (failing) throw new Error("DynamoDB unavailable");
        return {};
      },
      saveAttributes: async (_envelope: unknown, attributes: unknown) => {
        saved.push(attributes);
      },
    };
    const { alexa, logs } = harness({ persistenceAdapter: adapter });
    await alexa.launch();
    failing = false;
    await alexa.utter("next");
    await alexa.utter("stop");
    expect(saved).toEqual([]);
    expect(logs.filter((l) => l.level === "error")).toHaveLength(1);
  });

  it("answers even when saving fails", async () => {
    const adapter = {
      getAttributes: async () => ({}),
      saveAttributes: async () => {
        throw new Error("ProvisionedThroughputExceededException");
      },
    };
    const { alexa, logs } = harness({ persistenceAdapter: adapter });
    const r: any = await alexa.launch();
    expect(said(r)).toContain("Ready to start");
    expect(logs.some((l) => l.message.includes("could not save progress"))).toBe(true);
  });
});
