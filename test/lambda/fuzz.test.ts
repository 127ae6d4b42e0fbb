// 600 generated malformed requests straight to the Lambda handler (lambda/index.ts, persistence on dynalite,
// AudioPlayer mode): none may throw, every response must be valid for its request, no injected markup may come
// back unescaped, and AudioPlayer / PlaybackController events never get speech.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioPlayerEvent, intentRequest, launchRequest, newConversation, sessionEndedRequest } from "../../skill/local/requests.js";
import { responseProblems } from "../support/alexa-response.js";
import { startDynalite, type LocalDynamo } from "../support/dynalite.js";
import { sampleManifest } from "../generator/site/fixtures.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const SKILL_ID = "amzn1.ask.skill.fuzz0000-0000-0000-0000-000000000000";
const COUNT = 600;

// Markup a request might smuggle in; none may come back as markup.
const INJECTIONS = ['</speak><audio src="https://evil.example/FUZZ.mp3"/><speak>', '<break time="99s"/>', "Tom & Jerry's <b>", "]]>&amp;&lt;", "\u0000\u202e😀"];
const JUNK: unknown[] = [null, 0, -1, 1e308, "", true, [], {}, "x".repeat(20_000), ...INJECTIONS];
const TYPES = ["LaunchRequest", "IntentRequest", "SessionEndedRequest", "AudioPlayer.PlaybackStarted", "AudioPlayer.PlaybackNearlyFinished", "AudioPlayer.PlaybackFailed",
  "AudioPlayer.PlaybackStopped", "AudioPlayer.PlaybackFinished", "PlaybackController.NextCommandIssued", "PlaybackController.PlayCommandIssued", "System.ExceptionEncountered",
  "AudioPlayer.Bogus", "Alexa.Presentation.APL.UserEvent", "", "launchrequest", 42, null];
const INTENTS = ["StartRoutineIntent", "PickExerciseIntent", "HowToIntent", "SkipIntent", "SlowerIntent", "PainIntent", "ContinueIntent", "AMAZON.StopIntent", "AMAZON.PauseIntent",
  "AMAZON.ResumeIntent", "AMAZON.NextIntent", "AMAZON.YesIntent", "AMAZON.NoIntent", "MadeUpIntent", ...INJECTIONS];
const PATHS = ["request", "request.type", "request.requestId", "request.timestamp", "request.locale", "request.intent", "request.intent.name", "request.intent.slots", "request.token",
  "request.offsetInMilliseconds", "session", "session.new", "session.attributes", "session.attributes.ubr", "session.attributes.ubr.progress", "session.attributes.ubrSync", "session.user",
  "context", "context.System", "context.System.user", "context.System.user.userId", "context.System.device", "context.System.device.supportedInterfaces", "context.AudioPlayer",
  "context.AudioPlayer.token", "context.System.application.applicationId", "version"];

// A small deterministic PRNG (mulberry32), so a failure names a case that reproduces.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(target: any, path: string, value: unknown, remove: boolean): void {
  const keys = path.split(".");
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at !== "object" || at === null) return;
    if (typeof at[key] !== "object" || at[key] === null) at[key] = {};
    at = at[key];
  }
  if (typeof at !== "object" || at === null) return;
  if (remove) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
}

function generate(count: number): any[] {
  const next = random(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const conversation = newConversation({ applicationId: SKILL_ID, userId: `fuzz-user-${i % 7}`, isNew: next() < 0.5, audioPlayer: next() < 0.5 });
    const slots = { exercise: { name: "exercise", value: pick(INJECTIONS), confirmationStatus: "NONE" }, routine: { name: "routine", value: pick(JUNK) } } as any;
    const bases = [
      () => launchRequest(conversation),
      () => intentRequest(conversation, pick(INTENTS), slots),
      () => audioPlayerEvent(conversation, pick(TYPES.filter((t): t is string => typeof t === "string" && t.startsWith("AudioPlayer."))), pick(["childs-pose", "", "x:y:z", ...INJECTIONS]), Math.floor(next() * 1e6)),
      () => sessionEndedRequest(conversation),
    ];
    const event: any = structuredClone(pick(bases)());
    const mutations = 1 + Math.floor(next() * 3);
    for (let m = 0; m < mutations; m++) {
      const roll = next();
      if (roll < 0.2) mutate(event, "request.type", pick(TYPES), false);
      else {
        const path = pick(PATHS);
        // Another skill's id is refused by design (tested elsewhere); the fuzz keeps ids either right or malformed.
        const value = path.endsWith("applicationId") ? pick(JUNK.filter((j) => typeof j !== "string")) : pick(JUNK);
        mutate(event, path, value, roll < 0.5);
      }
    }
    return event;
  });
}

let dynamo: LocalDynamo;
let handler: (event: unknown) => Promise<any>;
beforeAll(async () => {
  dynamo = await startDynalite("fuzz-table");
  const manifestPath = join(mkdtempSync(join(tmpdir(), "ubr-fuzz-")), "manifest.json");
  writeFileSync(manifestPath, JSON.stringify(sampleManifest()));
  Object.assign(process.env, { SKILL_ID, TABLE_NAME: dynamo.tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, DYNAMODB_REGION: dynamo.region,
    AUDIO_BASE_URL: "https://cdn.example.com/alexa", MANIFEST_PATH: manifestPath });
  ({ handler } = (await import("../../lambda/index.js")) as { handler: (event: unknown) => Promise<any> });
});
afterAll(async () => {
  for (const name of ["SKILL_ID", "TABLE_NAME", "DYNAMODB_ENDPOINT", "DYNAMODB_REGION", "AUDIO_BASE_URL", "MANIFEST_PATH"]) delete process.env[name];
  await dynamo?.stop();
});

function ssmlOf(response: any): string[] {
  return [response?.response?.outputSpeech?.ssml, response?.response?.reprompt?.outputSpeech?.ssml].filter((s): s is string => typeof s === "string");
}

describe(`the Lambda handler under ${COUNT} generated malformed requests`, () => {
  it("never throws, always answers validly, echoes nothing unescaped, and never speaks to AudioPlayer events", async () => {
    const failures: string[] = [];
    let playbackEvents = 0;
    let lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      return true;
    }) as typeof process.stderr.write;
    try {
      for (const [i, event] of generate(COUNT).entries()) {
        lines = [];
        playbackEvents += check(i, event, await handler(event).catch((error: unknown) => ({ threw: String(error) })), lines, failures);
      }
    } finally {
      process.stderr.write = write;
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(playbackEvents).toBeGreaterThan(50);
  });
});

// Checks one answer and what was logged while it was made; returns 1 for an AudioPlayer/PlaybackController event.
function check(i: number, event: any, response: any, lines: string[], failures: string[]): number {
  if (response?.threw) {
    failures.push(`#${i} threw: ${response.threw}`);
    return 0;
  }
  const type = event?.request?.type;
  const logged = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      failures.push(`#${i} logged a line that is not JSON: ${line.slice(0, 80)}`);
      return {};
    }
  });
  const failureLines = logged.filter((l) => /unhandled failure|could not answer|malformed request/.test(String(l.message)));
  if (failureLines.length > 1) failures.push(`#${i} logged its failure ${failureLines.length} times`);
  if (failureLines.some((l) => !("requestId" in l))) failures.push(`#${i} logged a failure without the request id`);
  const shown = typeof type === "string" ? event : { ...event, request: { ...(typeof event?.request === "object" ? event.request : {}), type: "?" } };
  for (const problem of responseProblems(shown, response)) failures.push(`#${i} ${problem}`);
  for (const ssml of ssmlOf(response)) {
    for (const raw of INJECTIONS) if (/[<&]/.test(raw) && ssml.includes(raw)) failures.push(`#${i} echoed unescaped: ${raw}`);
  }
  if (typeof type !== "string" || !/^(AudioPlayer|PlaybackController)\./.test(type)) return 0;
  if (response?.response?.outputSpeech || response?.response?.reprompt) failures.push(`#${i} spoke to ${type}`);
  return 1;
}
