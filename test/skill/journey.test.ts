// A user's journey, one per routine, on dynalite: first launch, the routine by name, pace changes, skip, go back,
// "it hurts", stop, and continuing the next day to "well done". At every point where the session is open, a fork of
// that exact point (same stored record, same session) checks that "stop", "cancel" and "it hurts" work there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestEnvelope } from "ask-sdk-model";
import { loadCatalog } from "../../content/load.js";
import { DynamoPersistenceAdapter } from "../../skill/persistence/dynamo.js";
import { startDynalite, type LocalDynamo } from "../support/dynalite.js";
import { harness, onDay, said } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const catalog = loadCatalog();
let dynamo: LocalDynamo;
let adapter: DynamoPersistenceAdapter;
beforeAll(async () => {
  dynamo = await startDynalite("journey-table");
  adapter = new DynamoPersistenceAdapter({ tableName: dynamo.tableName, endpoint: dynamo.endpoint, region: dynamo.region });
});
afterAll(async () => {
  await dynamo?.stop();
});

function envelope(userId: string): RequestEnvelope {
  return { context: { System: { user: { userId } } } } as unknown as RequestEnvelope;
}

function device(userId: string, day: string) {
  const h = harness({ userId, config: { catalog, tableName: dynamo.tableName, dynamoEndpoint: dynamo.endpoint, dynamoRegion: dynamo.region } });
  onDay(h.alexa, day);
  return h;
}

const PROBES: [string, (r: any) => void][] = [
  ["stop", (r) => { expect(r.response.shouldEndSession).toBe(true); expect(said(r)).toMatch(/Take care/); }],
  ["cancel", (r) => { expect(r.response.shouldEndSession).toBe(true); expect(said(r)).toMatch(/Take care/); }],
  ["it hurts", (r) => expect(said(r)).toContain("Stop the exercise now, and slowly come out of the position.")],
];

/** Forks the conversation at its current point (stored record and session) and checks every probe there. */
async function probeHere(userId: string, day: string, last: any, point: string): Promise<number> {
  if (last.response.shouldEndSession !== false) return 0;
  const stored = await adapter.getAttributes(envelope(userId));
  let n = 0;
  for (const [utterance, check] of PROBES) {
    const forkId = `${userId}/${point}/${utterance}`;
    await adapter.saveAttributes(envelope(forkId), structuredClone(stored));
    const fork = device(forkId, day);
    fork.alexa.filter((request: any) => {
      if (!request.session) return;
      request.session.new = false;
      request.session.attributes = structuredClone(last.sessionAttributes ?? {});
    });
    const r: any = await fork.alexa.utter(utterance);
    try {
      check(r);
    } catch (error) {
      throw new Error(`"${utterance}" after ${point}: ${String(error)}\nheard: ${said(r)}`);
    }
    n++;
  }
  return n;
}

describe.each([...catalog.routines.values()].map((r) => [r.id, r.title.toLowerCase(), r.items.length] as const))(
  "journey through the %s routine",
  (routineId, title, count) => {
    it("launch → routine → pace → skip → go back → it hurts → gently on → stop → next day: continue to well done; stop, cancel and it hurts work at every point", async () => {
      const userId = `journey-${routineId}`;
      const day1 = device(userId, "2026-06-01");
      let probes = 0;
      const step = async (utterance: string, check?: (text: string, r: any) => void) => {
        const r: any = await day1.alexa.utter(utterance);
        check?.(said(r), r);
        probes += await probeHere(userId, "2026-06-01", r, `day 1 "${utterance}"`);
        return r;
      };
      await step("open upper back routine", (t) => expect(t).toMatch(/Ready to start the upper back routine\?$/));
      await step(`start the ${title}`, (t) => expect(t).toContain(`Starting the ${title}.`));
      await step("faster", (t) => expect(t).toMatch(/Okay, the deeper pace/));
      await step("slower", (t) => expect(t).toMatch(/Okay, the standard pace/));
      await step("skip", (t) => expect(t).toMatch(/^Skipping /));
      await step("go back", (t) => expect(t).toMatch(/^Going back\. .*Exercise 1 of /));
      await step("it hurts", (t) => expect(t).toContain("Would you like to skip this one"));
      await step("yes", (t) => expect(t).toMatch(/Okay, gently now\. .*Exercise 2 of /));
      await step("slower", (t, r) => {
        expect(t).toBe("You're already at the gentlest pace. Say next to carry on, or repeat to hear this exercise again.");
        expect(r.response.shouldEndSession).toBe(false);
      });
      await step("stop", (t) => expect(t).toContain("Your place is saved"));

      const day2 = device(userId, "2026-06-02");
      let r: any = await day2.alexa.launch();
      expect(said(r)).toContain(`Welcome back. Last time you stopped at`);
      expect(said(r)).toContain(`exercise 2 of ${count}`);
      probes += await probeHere(userId, "2026-06-02", r, "day 2 launch");
      r = await day2.alexa.utter("yes");
      expect(said(r)).toContain(`Exercise 2 of ${count}`);
      for (let turn = 0; turn < 60 && r.response.shouldEndSession === false; turn++) {
        probes += await probeHere(userId, "2026-06-02", r, `day 2 turn ${turn}`);
        r = await day2.alexa.utter("next");
      }
      expect(said(r)).toContain(`You've finished the ${title}. Well done`);
      expect(said(r)).not.toContain("Exercise 1 of");
      expect(probes).toBeGreaterThanOrEqual(3 * 10);
    }, 120_000);
  },
);
