// Two sessions of one user at once (phone and kitchen Echo) on dynalite: writes are conditional on a version and
// merge on conflict, so no counter goes down and the latest change of position wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { DynamoPersistenceAdapter, RETENTION_DAYS, TTL_ATTRIBUTE } from "../../skill/persistence/dynamo.js";
import { mergeStates } from "../../skill/persistence/merge.js";
import { initialState, type SkillState } from "../../skill/state/types.js";
import { startDynalite, type LocalDynamo } from "../support/dynalite.js";
import { harness, onDay, said } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const catalog = loadCatalog();
let dynamo: LocalDynamo;
let adapter: DynamoPersistenceAdapter;
beforeAll(async () => {
  dynamo = await startDynalite("concurrency-table");
  adapter = new DynamoPersistenceAdapter({ tableName: dynamo.tableName, endpoint: dynamo.endpoint, region: dynamo.region });
});
afterAll(async () => {
  await dynamo?.stop();
});

function device(userId: string) {
  const h = harness({ userId, config: { tableName: dynamo.tableName, dynamoEndpoint: dynamo.endpoint, dynamoRegion: dynamo.region } });
  onDay(h.alexa, "2026-05-04");
  return h;
}

const envelopeOf = (userId: string) => ({ context: { System: { user: { userId } } } }) as any;
const stored = async (userId: string) => (await adapter.read(envelopeOf(userId), AbortSignal.timeout(2000))).attributes.ubr as SkillState;

async function finishQuickRoutine(alexa: ReturnType<typeof device>["alexa"]): Promise<any> {
  let r: any;
  for (let i = 0; i < 30; i++) {
    r = await alexa.utter("skip");
    if (r.response.shouldEndSession) return r;
  }
  throw new Error("the quick routine did not finish in 30 skips");
}

describe("two interleaved sessions of one user", () => {
  it("A finishes the quick routine while B says 'slower': completed and streak stay, B's pace is kept", async () => {
    const a = device("user-ab");
    const b = device("user-ab");
    await a.alexa.utter("start the quick routine");
    await b.alexa.utter("start the quick routine");
    expect(said(await finishQuickRoutine(a.alexa))).toContain("That's your first session.");
    expect(await stored("user-ab")).toMatchObject({ completedSessions: 1, streak: { days: 1 } });

    const slower: any = await b.alexa.utter("slower");
    expect(said(slower)).not.toContain("couldn't save");
    const after = await stored("user-ab");
    expect(after.completedSessions).toBe(1);
    expect(after.streak).toEqual({ days: 1, lastDay: "2026-05-04" });
    expect(after.pace).toBe("gentle");
    expect(after.progress).toBeUndefined(); // A's finish was the latest change of position; B only changed the pace
  });

  it("both finish a session at once: the count adds up to 2 instead of one overwriting the other", async () => {
    const a = device("user-both");
    const b = device("user-both");
    await a.alexa.utter("start the quick routine");
    await b.alexa.utter("start the quick routine");
    await finishQuickRoutine(a.alexa);
    await finishQuickRoutine(b.alexa);
    expect((await stored("user-both")).completedSessions).toBe(2);
  });

  it("the latest move wins the position, whichever session made it", async () => {
    const a = device("user-pos");
    const b = device("user-pos");
    // First launch asks before it starts: both devices answer yes, so both sessions are at exercise 1.
    await a.alexa.utter("open upper back routine");
    await a.alexa.utter("yes");
    await b.alexa.utter("open upper back routine");
    await b.alexa.utter("yes");
    await a.alexa.utter("skip");
    await a.alexa.utter("skip"); // A at exercise 3
    await b.alexa.utter("skip"); // B (stale) moves to exercise 2: the latest move
    expect((await stored("user-pos")).progress).toMatchObject({ index: 1 });
    await a.alexa.utter("skip"); // then A moves to exercise 4
    expect((await stored("user-pos")).progress).toMatchObject({ index: 3 });
  });

  it("writes a TTL a year after the last save, so forgotten users are deleted by DynamoDB", async () => {
    const { alexa } = device("user-ttl");
    await alexa.utter("open upper back routine");
    const { DynamoDBClient, GetItemCommand } = await import("@aws-sdk/client-dynamodb");
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: dynamo.region });
    const item = (await client.send(new GetItemCommand({ TableName: dynamo.tableName, Key: { id: { S: "user-ttl" } } }))).Item!;
    client.destroy();
    const expiresAt = Number(item[TTL_ATTRIBUTE]!.N);
    const yearFromNow = Date.now() / 1000 + RETENTION_DAYS * 86_400;
    expect(Math.abs(expiresAt - yearFromNow)).toBeLessThan(3600);
  });
});

describe("mergeStates (the conflict merge)", () => {
  const base: SkillState = { ...initialState(), safetyNoteSeen: true, completedSessions: 3, streak: { days: 2, lastDay: "2026-05-03" } };

  it("never lowers a counter: the stored count plus this request's increase", () => {
    const theirs = { ...base, completedSessions: 5 };
    expect(mergeStates(base, base, theirs).completedSessions).toBe(5);
    expect(mergeStates(base, { ...base, completedSessions: 4 }, theirs).completedSessions).toBe(6);
  });

  it("keeps the later streak, and keeps the other writer's streak when this request did not touch it", () => {
    const theirs = { ...base, streak: { days: 3, lastDay: "2026-05-04" } };
    expect(mergeStates(base, { ...base, pace: "gentle" }, theirs).streak).toEqual({ days: 3, lastDay: "2026-05-04" });
    expect(mergeStates(base, { ...base, streak: { days: 1, lastDay: "2026-05-05" } }, theirs).streak).toEqual({ days: 1, lastDay: "2026-05-05" });
  });

  it("takes this request's changed fields and the other writer's for the rest, including a removed position", () => {
    const progress = { source: { kind: "routine" as const, id: catalog.defaultRoutineId }, index: 2, step: 0 };
    const theirs: SkillState = { ...base, pace: "deeper", progress };
    const ours: SkillState = { ...base, progress: { ...progress, index: 5 } };
    expect(mergeStates(base, ours, theirs)).toMatchObject({ pace: "deeper", progress: { index: 5 } });
    const withProgress = { ...base, progress };
    const { progress: _dropped, ...finished } = withProgress;
    expect(mergeStates(withProgress, finished, { ...withProgress, pace: "gentle" }).progress).toBeUndefined();
  });
});
