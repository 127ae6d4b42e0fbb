// Moving through a routine by voice: start, next, previous, repeat, skip, start over, continue, pause, yes / no.
import type { RequestHandler } from "ask-sdk-core";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import type { SkillDeps } from "./deps.js";
import { onIntents } from "./intent.js";
import { readSlot } from "./slots.js";

/** Handlers for starting and navigating a routine. */
export function routineHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    onIntents(["StartRoutineIntent"], deps, (input) => {
      const pace = readSlot(input, "pace").id;
      return {
        type: "startRoutine",
        routineId: readSlot(input, "routine").id,
        pace: pace && (PACE_IDS as readonly string[]).includes(pace) ? (pace as PaceId) : undefined,
      };
    }),
    onIntents(["AMAZON.NextIntent"], deps, () => ({ type: "next" })),
    onIntents(["SkipIntent"], deps, () => ({ type: "skip" })),
    onIntents(["AMAZON.PreviousIntent"], deps, () => ({ type: "previous" })),
    onIntents(["AMAZON.RepeatIntent"], deps, () => ({ type: "repeat" })),
    onIntents(["AMAZON.StartOverIntent"], deps, () => ({ type: "startOver" })),
    onIntents(["ContinueIntent", "AMAZON.ResumeIntent"], deps, () => ({ type: "continue" })),
    onIntents(["AMAZON.PauseIntent"], deps, () => ({ type: "pause" })),
    onIntents(["AMAZON.YesIntent"], deps, () => ({ type: "yes" })),
    onIntents(["AMAZON.NoIntent"], deps, () => ({ type: "no" })),
  ];
}
