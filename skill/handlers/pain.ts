// "It hurts": stop at once, advise a professional if pain persists, offer a gentler pace or the end.
import type { RequestHandler } from "ask-sdk-core";
import type { SkillDeps } from "./deps.js";
import { onIntents } from "./intent.js";

/** Handlers for reports of pain. */
export function painHandlers(deps: SkillDeps): RequestHandler[] {
  return [onIntents(["PainIntent"], deps, () => ({ type: "pain" }))];
}
