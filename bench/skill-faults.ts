// `npm run bench:skill-faults`: how long the skill takes to answer while DynamoDB misbehaves (dynalite on loopback
// behind a fault proxy): a server that accepts and never answers, dynalite stopped, dynalite slowed by 2 s a call.
// 20 requests per fault, alternating a new session's LaunchRequest (a read) and a mid-session "next" (a write).
// Prints median and worst per fault as JSON; figures, not assertions.
import type { ResponseEnvelope } from "ask-sdk-model";
import { createAnswerer } from "../skill/index.js";
import { intentRequest, launchRequest, newConversation } from "../skill/local/requests.js";
import { startDynalite } from "../test/support/dynalite.js";
import { startFaultProxy, type FaultMode } from "../test/support/fault-proxy.js";

const SKILL_ID = "amzn1.ask.skill.bench-faults";
const REQUESTS = 20;

async function measure(name: string, endpoint: string, tableName: string, region: string, arm: () => Promise<void> | void, disarm: () => void) {
  const answer = createAnswerer({ skillId: SKILL_ID, tableName, dynamoEndpoint: endpoint, dynamoRegion: region }, { log: () => undefined });
  const timings: number[] = [];
  let claimedSaved = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const conversation = newConversation({ applicationId: SKILL_ID, userId: `bench-${name}-${i}` });
    disarm();
    const launched = await answer(launchRequest(conversation));
    const mid = { ...conversation, isNew: false, attributes: launched.sessionAttributes ?? {} };
    await arm();
    const event = i % 2 === 0 ? launchRequest({ ...conversation, isNew: true, sessionId: `${conversation.sessionId}-2` }) : intentRequest(mid, "AMAZON.NextIntent");
    const started = performance.now();
    const out: ResponseEnvelope = await answer(event);
    timings.push(performance.now() - started);
    const ssml = (out.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? "";
    if (ssml.includes("Your place is saved")) claimedSaved += 1;
  }
  disarm();
  timings.sort((a, b) => a - b);
  return { fault: name, requests: REQUESTS, medianMs: Math.round(timings[Math.floor(REQUESTS / 2)]!), worstMs: Math.round(timings.at(-1)!), claimedSaved };
}

const dynamo = await startDynalite("bench-faults");
const proxy = await startFaultProxy(dynamo.endpoint);
const set = (mode: FaultMode) => () => {
  proxy.mode = mode;
};
const results = [
  await measure("none (baseline)", proxy.endpoint, dynamo.tableName, dynamo.region, set({ kind: "pass" }), set({ kind: "pass" })),
  await measure("accepts and never answers", proxy.endpoint, dynamo.tableName, dynamo.region, set({ kind: "silent" }), set({ kind: "pass" })),
  await measure("slowed by 2 s per call", proxy.endpoint, dynamo.tableName, dynamo.region, set({ kind: "delay", ms: 2000 }), set({ kind: "pass" })),
];
await proxy.stop();
// Stopped: each request gets a fresh dynalite for its setup, stopped before the measured request.
const stoppedTimings: number[] = [];
{
  const stopped = await startDynalite("bench-stopped");
  const answer = createAnswerer({ skillId: SKILL_ID, tableName: stopped.tableName, dynamoEndpoint: stopped.endpoint, dynamoRegion: stopped.region }, { log: () => undefined });
  const sessions = [];
  for (let i = 0; i < REQUESTS; i++) {
    const conversation = newConversation({ applicationId: SKILL_ID, userId: `bench-stopped-${i}` });
    const launched = await answer(launchRequest(conversation));
    sessions.push({ conversation, attributes: launched.sessionAttributes ?? {} });
  }
  await stopped.stop();
  for (const [i, { conversation, attributes }] of sessions.entries()) {
    const event = i % 2 === 0 ? launchRequest({ ...conversation, sessionId: `${conversation.sessionId}-2` }) : intentRequest({ ...conversation, isNew: false, attributes }, "AMAZON.NextIntent");
    const started = performance.now();
    await answer(event);
    stoppedTimings.push(performance.now() - started);
  }
  stoppedTimings.sort((a, b) => a - b);
  results.push({ fault: "dynalite stopped", requests: REQUESTS, medianMs: Math.round(stoppedTimings[REQUESTS / 2]!), worstMs: Math.round(stoppedTimings.at(-1)!), claimedSaved: 0 });
}
await dynamo.stop();
process.stdout.write(`${JSON.stringify({ answerPromiseMs: 3000, results, node: process.version }, null, 2)}\n`);
