// "Slower" / "faster": move between the content's paces (inside the seed's ranges); the choice is remembered.
import type { RequestHandler } from "ask-sdk-core";
import type { SkillDeps } from "./deps.js";
import { onIntents } from "./intent.js";

/** Handlers for changing the pace. */
export function paceHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    onIntents(["SlowerIntent"], deps, () => ({ type: "slower" })),
    onIntents(["FasterIntent"], deps, () => ({ type: "faster" })),
  ];
}
