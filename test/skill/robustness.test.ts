// Malformed, foreign and unexpected requests: a valid spoken answer (or a clean rejection of another skill's request).
import { describe, expect, it } from "vitest";
import { createSkill, readSkillConfig } from "../../skill/index.js";
import { assertValidResponse } from "../support/alexa-response.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const APP = "amzn1.ask.skill.robust";

function envelope(request: any, extra: any = {}): any {
  return {
    version: "1.0",
    session: { new: true, sessionId: "s1", application: { applicationId: APP }, user: { userId: "u1" } },
    context: { System: { application: { applicationId: APP }, user: { userId: "u1" }, device: { deviceId: "d", supportedInterfaces: {} }, apiEndpoint: "https://api.amazonalexa.com" } },
    request: { requestId: "r1", timestamp: "2026-04-01T10:00:00Z", locale: "en-US", ...request },
    ...extra,
  };
}

function quietSkill(logs: string[] = []) {
  return createSkill({ skillId: APP }, { log: (_level, message) => logs.push(message) });
}

describe("malformed and unexpected requests", () => {
  const cases: [string, any][] = [
    ["an IntentRequest without an intent", { type: "IntentRequest" }],
    ["an unknown intent", { type: "IntentRequest", intent: { name: "MadeUpIntent" } }],
    ["a pick with a slot of the wrong shape", { type: "IntentRequest", intent: { name: "PickExerciseIntent", slots: { exercise: { value: 42, resolutions: "nope" } } } }],
    ["a pick with a resolution to an unknown id", { type: "IntentRequest", intent: { name: "PickExerciseIntent", slots: { exercise: { name: "exercise", value: "x", resolutions: { resolutionsPerAuthority: [{ status: { code: "ER_SUCCESS_MATCH" }, values: [{ value: { id: "not-an-exercise" } }] }] } } } } }],
    ["a how-to with a very long value", { type: "IntentRequest", intent: { name: "HowToIntent", slots: { exercise: { name: "exercise", value: "a".repeat(5000) } } } }],
    ["an unknown request type", { type: "Alexa.Presentation.APL.UserEvent" }],
    ["a request with a bad timestamp", { type: "LaunchRequest", timestamp: "yesterday" }],
  ];

  it.each(cases)("answers %s with valid speech", async (_name, request) => {
    const logs: string[] = [];
    const env = envelope(request);
    const out: any = await quietSkill(logs).invoke(env);
    assertValidResponse(env, out);
    expect(out.response.outputSpeech.ssml.length).toBeGreaterThan(20);
    expect(out.response.outputSpeech.ssml.length).toBeLessThan(8000);
  });

  it("answers with an apology when a handler fails unexpectedly", async () => {
    const logs: string[] = [];
    const env = envelope({ type: "IntentRequest", intent: { name: "AMAZON.NextIntent" } });
    env.session.attributes = { ubr: { progress: { source: { kind: "routine", id: "upper-back" }, index: 0, step: 0 } } };
    env.session.new = false;
    Object.defineProperty(env.context.System, "device", { get: () => { throw new Error("boom"); } });
    const out: any = await quietSkill(logs).invoke(env);
    assertValidResponse(env, out);
    expect(out.response.outputSpeech.ssml).toContain("Sorry, something went wrong");
    expect(logs).toContain("unhandled failure");
  });

  it("answers System.ExceptionEncountered with an empty response", async () => {
    const env = envelope({ type: "System.ExceptionEncountered", error: { type: "INVALID_RESPONSE", message: "x" } });
    delete env.session;
    const out: any = await quietSkill().invoke(env);
    assertValidResponse(env, out);
    expect(out.response.outputSpeech).toBeUndefined();
  });

  it("rejects a request for another skill id (withSkillId)", async () => {
    const env = envelope({ type: "LaunchRequest" });
    env.context.System.application.applicationId = "amzn1.ask.skill.someone-else";
    env.session.application.applicationId = "amzn1.ask.skill.someone-else";
    await expect(quietSkill().invoke(env)).rejects.toThrow(/skill ?id/i);
  });
});

describe("configuration", () => {
  it("reads SKILL_ID, AUDIO_BASE_URL, TABLE_NAME and the DynamoDB endpoint from the environment", () => {
    expect(readSkillConfig({ SKILL_ID: " amzn1.x ", AUDIO_BASE_URL: "https://a.b/alexa", TABLE_NAME: "t", DYNAMODB_ENDPOINT: "http://127.0.0.1:1", AWS_REGION: "eu-west-1", TABLE: "" } as any))
      .toEqual({ skillId: "amzn1.x", audioBaseUrl: "https://a.b/alexa", tableName: "t", dynamoEndpoint: "http://127.0.0.1:1", dynamoRegion: "eu-west-1", manifestPath: undefined });
    expect(readSkillConfig({} as any)).toEqual({ skillId: undefined, audioBaseUrl: undefined, tableName: undefined, dynamoEndpoint: undefined, dynamoRegion: undefined, manifestPath: undefined });
  });

  it("refuses a plain-http AUDIO_BASE_URL with a message that says how to fix it", () => {
    expect(() => createSkill({ audioBaseUrl: "http://cdn.example/alexa" })).toThrow(/must be an https:\/\/ URL/);
  });
});
