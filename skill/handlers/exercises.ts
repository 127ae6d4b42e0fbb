// Asking about exercises: "ask upper back routine for cat cow", "how do I do child's pose", "what exercises are there".
import type { RequestHandler } from "ask-sdk-core";
import type { SkillDeps } from "./deps.js";
import { onIntents } from "./intent.js";
import { readSlot } from "./slots.js";

/** Handlers for picking, explaining and listing exercises. */
export function exerciseHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    onIntents(["PickExerciseIntent"], deps, (input) => {
      const { id, heard } = readSlot(input, "exercise");
      return { type: "pickExercise", exerciseId: id, heard };
    }),
    onIntents(["HowToIntent"], deps, (input) => {
      const { id, heard } = readSlot(input, "exercise");
      return { type: "howTo", exerciseId: id, heard };
    }),
    onIntents(["ListExercisesIntent"], deps, () => ({ type: "listExercises" })),
  ];
}
