// Drives the real skill (createSkill) through virtual-alexa on the real generated interaction model, checking
// every response against the platform rules as it goes.
import { fileURLToPath } from "node:url";
import { VirtualAlexa } from "virtual-alexa";
import type { PersistenceAdapter } from "ask-sdk-core";
import { createSkill, type SkillConfig } from "../../skill/index.js";
import { modelPath } from "../../skill/model/generate.js";
import { assertValidResponse } from "../support/alexa-response.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const APP_ID = "amzn1.ask.skill.00000000-test-upper-back";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** One request and the answer it got. */
export interface Exchange {
  request: any;
  response: any;
}

export interface HarnessOptions {
  config?: SkillConfig;
  persistenceAdapter?: PersistenceAdapter;
  audioPlayer?: boolean;
  userId?: string;
  locale?: string;
}

/** A virtual device talking to a fresh skill instance; `exchanges` records everything, `logs` what the skill logged. */
export function harness(options: HarnessOptions = {}) {
  const exchanges: Exchange[] = [];
  const logs: { level: string; message: string }[] = [];
  const skill = createSkill({ skillId: APP_ID, ...options.config }, {
    persistenceAdapter: options.persistenceAdapter,
    log: (level, message) => logs.push({ level, message }),
  });
  const handler = async (event: any) => {
    const response = await skill.invoke(event);
    exchanges.push({ request: event, response });
    assertValidResponse(event, response);
    return response;
  };
  const alexa = VirtualAlexa.Builder()
    .handler(handler)
    .interactionModelFile(modelPath(ROOT, options.locale ?? "en-US"))
    .applicationID(APP_ID)
    .locale(options.locale ?? "en-US")
    .create();
  if (options.audioPlayer) alexa.context().device().audioPlayerSupported(true);
  if (options.userId) alexa.context().user().setID(options.userId);
  return { alexa, exchanges, logs, skill };
}

/** The text of the last outputSpeech, tags removed (entities decoded once). */
export function said(response: any): string {
  const ssml: string | undefined = response?.response?.outputSpeech?.ssml;
  return (ssml ?? "").replace(/<[^>]+>/g, " ").replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

/** Sets the request timestamp (all later requests), to simulate another day. */
export function onDay(alexa: VirtualAlexa, isoDay: string): void {
  alexa.filter((request: any) => {
    request.request.timestamp = `${isoDay}T08:00:00Z`;
  });
}
