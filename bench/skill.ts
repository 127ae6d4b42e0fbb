// `npm run bench:skill`: figures for the shipped Lambda bundle, printed as JSON. Builds dist/lambda first, then
// measures size, cold import in fresh Node processes (side by side with a hello-world ask-sdk-core skill bundling
// the same DynamoDB v3 client, with their ratio), handler latency over a request mix in-process (no persistence),
// and peak memory. Figures, not assertions: the machine is shared, so read them as orders of size.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { build } from "esbuild";
import { buildLambda, LAMBDA_BUNDLE_OPTIONS } from "../lambda/build.js";
import { intentRequest, launchRequest, newConversation, type Conversation } from "../skill/local/requests.js";
import { UtteranceRouter, type InteractionModel } from "../skill/local/utterances.js";

const SKILL_ID = "amzn1.ask.skill.bench0000-0000-0000-0000-000000000000";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number (got ${process.argv[i + 1]})`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number, digits = 3) => Number(ms.toFixed(digits));

// One fresh Node process: import the bundle, answer one LaunchRequest, report timings and its own peak RSS.
const COLD_CHILD = `
const t0 = performance.now();
const { handler } = await import(process.argv[1]);
const t1 = performance.now();
const answer = await handler(JSON.parse(process.env.UBR_EVENT));
const t2 = performance.now();
if (!answer?.response?.outputSpeech) throw new Error("cold start: LaunchRequest got no speech");
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstInvokeMs: t2 - t1, maxRssKb: process.resourceUsage().maxRSS }));
`;

// The baseline the skill's cold start is held to: ask-sdk-core answering one intent, with the same DynamoDB v3
// document client built and used, bundled with the same esbuild options as the skill.
const HELLO_WORLD = `
import { SkillBuilders } from "ask-sdk-core";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
const table = process.env.TABLE_NAME;
// Built only when a table is configured, as the skill does: the import-time comparison is like for like.
const documents = table ? DynamoDBDocumentClient.from(new DynamoDBClient({ requestHandler: { requestTimeout: 900, throwOnRequestTimeout: true } })) : undefined;
const skill = SkillBuilders.custom().addRequestHandlers({
  canHandle: () => true,
  async handle(input) {
    if (documents) {
      const Key = { id: input.requestEnvelope.context.System.user.userId };
      const item = await documents.send(new GetCommand({ TableName: table, Key }));
      await documents.send(new PutCommand({ TableName: table, Item: { ...Key, seen: (item.Item?.seen ?? 0) + 1 } }));
    }
    return input.responseBuilder.speak("Hello world").reprompt("Hello?").getResponse();
  },
}).create();
export const handler = (event, context) => skill.invoke(event, context);
`;

async function buildHelloWorld(): Promise<{ path: string; bytes: number }> {
  const path = join(mkdtempSync(join(tmpdir(), "ubr-hello-")), "index.mjs");
  await build({ ...LAMBDA_BUNDLE_OPTIONS, stdin: { contents: HELLO_WORLD, resolveDir: process.cwd(), loader: "js" }, outfile: path, logLevel: "warning" });
  return { path, bytes: readFileSync(path).length };
}

type ColdSample = { importMs: number; firstInvokeMs: number; maxRssKb: number };

function coldStart(bundlePath: string, event: string): ColdSample {
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", COLD_CHILD, pathToFileURL(bundlePath).href], {
      env: { PATH: process.env.PATH, SKILL_ID, UBR_EVENT: event },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as ColdSample;
}

function summary(samples: ColdSample[]) {
  const median = (pick: (s: ColdSample) => number) => round(percentile(samples.map(pick).sort((a, b) => a - b), 50), 1);
  return {
    runs: samples.length,
    importMsMedian: median((s) => s.importMs),
    importMsMin: round(Math.min(...samples.map((s) => s.importMs)), 1),
    importMsMax: round(Math.max(...samples.map((s) => s.importMs)), 1),
    firstInvokeMsMedian: median((s) => s.firstInvokeMs),
    peakRssBytesMedian: median((s) => s.maxRssKb) * 1024,
  };
}

// Runs alternate between the two bundles, so load on the shared machine falls on both alike.
function coldStarts(bundlePath: string, baselinePath: string, runs: number) {
  const event = JSON.stringify(launchRequest(newConversation({ applicationId: SKILL_ID })));
  const skill: ColdSample[] = [];
  const baseline: ColdSample[] = [];
  for (let i = 0; i < runs; i++) {
    skill.push(coldStart(bundlePath, event));
    baseline.push(coldStart(baselinePath, event));
  }
  const ours = summary(skill);
  const theirs = summary(baseline);
  return { skill: ours, helloWorldWithDynamoDb: theirs, importRatioMedian: round(ours.importMsMedian / theirs.importMsMedian, 2) };
}

// The request mix: launch, next (mid-routine), pick an exercise by name, and "it hurts" (mid-routine).
async function requestMix(handler: (e: RequestEnvelope) => Promise<ResponseEnvelope>): Promise<Array<{ kind: string; event: RequestEnvelope }>> {
  const model = JSON.parse(readFileSync("skill-package/interactionModels/custom/en-US.json", "utf8")) as InteractionModel;
  const router = new UtteranceRouter(model, SKILL_ID);
  const base: Conversation = newConversation({ applicationId: SKILL_ID });
  const launched = await handler(launchRequest(base));
  const midRoutine: Conversation = { ...base, isNew: false, attributes: (launched.sessionAttributes ?? {}) };
  const intent = (utterance: string, conversation: Conversation) => {
    const routed = router.route(utterance);
    if (routed?.kind !== "intent") throw new Error(`bench: "${utterance}" did not route to an intent`);
    return intentRequest(conversation, routed.name, routed.slots);
  };
  const exercises = ["cat cow", "child's pose", "foam rolling", "neck rotation", "seated twist"];
  return [
    { kind: "launch", event: launchRequest(base) },
    { kind: "next", event: intent("next", midRoutine) },
    ...exercises.map((name) => ({ kind: "pick", event: intent(`ask upper back routine for ${name}`, { ...base, isNew: true }) })),
    { kind: "pain", event: intent("it hurts", midRoutine) },
  ];
}

// The measured loop runs in a fresh Node process holding only the bundle, so its peak RSS is the skill's own
// (not tsx's or esbuild's). Events come in a JSON file; the schedule is round-robin over the four kinds.
const LOOP_CHILD = `
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const { handler } = await import(process.argv[1]);
const { kinds, events, requests, warmup } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const schedule = Array.from({ length: requests }, (_, i) => {
  const list = events[kinds[i % kinds.length]];
  return { kind: kinds[i % kinds.length], event: list[Math.floor(i / kinds.length) % list.length] };
});
for (const item of schedule.slice(0, warmup)) await handler(item.event);
const timings = [];
const started = process.hrtime.bigint();
for (const item of schedule) {
  const t0 = process.hrtime.bigint();
  const answer = await handler(item.event);
  timings.push([item.kind, Number(process.hrtime.bigint() - t0) / 1e6]);
  if (!answer?.response) throw new Error("bench: " + item.kind + " got no response");
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ timings, totalMs, maxRssKb: process.resourceUsage().maxRSS }));
`;

async function handlerLatency(bundlePath: string, requests: number) {
  process.env.SKILL_ID = SKILL_ID;
  const { handler } = (await import(pathToFileURL(bundlePath).href)) as { handler: (e: RequestEnvelope) => Promise<ResponseEnvelope> };
  const mix = await requestMix(handler);
  const kinds = ["launch", "next", "pick", "pain"];
  const events = Object.fromEntries(kinds.map((k) => [k, mix.filter((m) => m.kind === k).map((m) => m.event)]));
  const file = join(mkdtempSync(join(tmpdir(), "ubr-bench-")), "events.json");
  writeFileSync(file, JSON.stringify({ kinds, events, requests, warmup: 400 }));
  const out = JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", LOOP_CHILD, pathToFileURL(bundlePath).href, file], {
      env: { PATH: process.env.PATH, SKILL_ID },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as { timings: Array<[string, number]>; totalMs: number; maxRssKb: number };
  const all = out.timings.map(([, ms]) => ms).sort((a, b) => a - b);
  const ofKind = (k: string) => out.timings.filter(([kind]) => kind === k).map(([, ms]) => ms).sort((a, b) => a - b);
  return {
    requests,
    warmupRequests: 400,
    mix: Object.fromEntries(kinds.map((k) => [k, ofKind(k).length])),
    p50Ms: round(percentile(all, 50)),
    p90Ms: round(percentile(all, 90)),
    p99Ms: round(percentile(all, 99)),
    maxMs: round(all.at(-1)!),
    p50MsByKind: Object.fromEntries(kinds.map((k) => [k, round(percentile(ofKind(k), 50))])),
    p99MsByKind: Object.fromEntries(kinds.map((k) => [k, round(percentile(ofKind(k), 99))])),
    requestsPerSecond: Math.round(requests / (out.totalMs / 1000)),
    peakRssBytes: out.maxRssKb * 1024,
  };
}

const built = await buildLambda();
const helloWorld = await buildHelloWorld();
const result = {
  bundle: {
    path: "dist/lambda/index.mjs",
    bytes: built.bundleBytes,
    zipBytes: built.zipBytes,
    manifestEmbedded: built.manifestEmbedded,
    helloWorldWithDynamoDbBytes: helloWorld.bytes,
  },
  coldStart: coldStarts(built.bundlePath, helloWorld.path, option("cold-runs", 15)),
  handler: await handlerLatency(built.bundlePath, option("requests", 10_000)),
  node: process.version,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
