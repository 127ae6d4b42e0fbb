// LaunchRequest: "Alexa, open upper back routine" — safety note the first time, then the routine, or an offer to continue.
import type { RequestHandler } from "ask-sdk-core";
import type { SkillDeps } from "./deps.js";
import { onRequests } from "./intent.js";

/** Handlers for opening the skill. */
export function launchHandlers(deps: SkillDeps): RequestHandler[] {
  return [onRequests(["LaunchRequest"], deps, () => ({ type: "launch" }))];
}
