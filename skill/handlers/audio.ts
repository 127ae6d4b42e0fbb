// AudioPlayer and PlaybackController requests: they carry no session, only the stream token and offset.
import type { HandlerInput, RequestHandler } from "ask-sdk-core";
import type { SkillEvent } from "../state/types.js";
import type { SkillDeps } from "./deps.js";
import { respond } from "./respond.js";

function tokenAndOffset(input: HandlerInput): { token: string; offsetMs: number } {
  const request = input.requestEnvelope.request as { token?: unknown; offsetInMilliseconds?: unknown };
  const offset = Number(request.offsetInMilliseconds);
  return { token: typeof request.token === "string" ? request.token : "", offsetMs: Number.isFinite(offset) && offset >= 0 ? offset : 0 };
}

const EVENTS: Record<string, SkillEvent["type"]> = {
  "AudioPlayer.PlaybackStarted": "playbackStarted",
  "AudioPlayer.PlaybackNearlyFinished": "playbackNearlyFinished",
  "AudioPlayer.PlaybackStopped": "playbackStopped",
  "AudioPlayer.PlaybackFinished": "playbackFinished",
  "AudioPlayer.PlaybackFailed": "playbackFailed",
};

const CONTROLLER: Record<string, SkillEvent> = {
  "PlaybackController.NextCommandIssued": { type: "controllerNext" },
  "PlaybackController.PreviousCommandIssued": { type: "controllerPrevious" },
  "PlaybackController.PlayCommandIssued": { type: "controllerPlay" },
  "PlaybackController.PauseCommandIssued": { type: "controllerPause" },
};

function onRequests(types: string[], deps: SkillDeps, toEvent: (input: HandlerInput) => SkillEvent): RequestHandler {
  return {
    canHandle: (input) => types.includes(input.requestEnvelope.request.type),
    handle: (input) => respond(input, deps, toEvent(input)),
  };
}

/** Handlers for the stream's lifecycle events and the device's play/pause/next/previous buttons. */
export function audioHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    onRequests(Object.keys(EVENTS), deps, (input) => ({ type: EVENTS[input.requestEnvelope.request.type], ...tokenAndOffset(input) }) as SkillEvent),
    onRequests(Object.keys(CONTROLLER), deps, (input) => CONTROLLER[input.requestEnvelope.request.type]!),
  ];
}
