// A tiny factory for intent handlers: which intents, and which machine event each becomes.
import type { HandlerInput, RequestHandler } from "ask-sdk-core";
import type { SkillEvent } from "../state/types.js";
import type { SkillDeps } from "./deps.js";
import { respond } from "./respond.js";
import { intentName } from "./slots.js";

/** A handler for the named intents that feeds `toEvent(input)` to the state machine. */
export function onIntents(names: string[], deps: SkillDeps, toEvent: (input: HandlerInput, name: string) => SkillEvent): RequestHandler {
  return {
    canHandle: (input) => names.includes(intentName(input) ?? ""),
    handle: (input) => respond(input, deps, toEvent(input, intentName(input)!)),
  };
}

/** A handler for request types (LaunchRequest, AudioPlayer.PlaybackStarted …). */
export function onRequests(types: string[], deps: SkillDeps, toEvent: (input: HandlerInput) => SkillEvent): RequestHandler {
  return {
    canHandle: (input) => types.includes(input.requestEnvelope.request.type),
    handle: (input) => respond(input, deps, toEvent(input)),
  };
}
