// "Slower" / "faster": moves between the content's paces and says what really changes, read from the planner's
// doses for the exercise at hand (holds and repetitions inside the seed's ranges), never a fixed promise.
import { dose } from "../../content/plan.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import { numberWord } from "../../content/plan.js";
import { sequenceOf } from "./sequence.js";
import type { MachineContext, SkillState } from "./types.js";

/** The pace one step slower or faster, or undefined at the limit. */
export function neighbourPace(pace: PaceId, direction: "slower" | "faster"): PaceId | undefined {
  return PACE_IDS[PACE_IDS.indexOf(pace) + (direction === "slower" ? -1 : 1)];
}

function exerciseIds(ctx: MachineContext, state: SkillState): { id: string; variants?: string[]; maxReps?: number }[] {
  const source = state.progress?.source ?? { kind: "routine" as const, id: ctx.catalog.defaultRoutineId };
  const items = sequenceOf(ctx.catalog, source);
  const current = state.progress ? items[state.progress.index] : undefined;
  return (current ? [current] : items).map((i) => ({ id: i.exerciseId, variants: i.variants, maxReps: i.maxReps }));
}

function compare(from: number, to: number, more: string, fewer: string): string | undefined {
  if (to === from) return undefined;
  return to > from ? more : fewer;
}

/**
 * What moving from one pace to another changes for the exercise in progress (or, with none, the default routine):
 * e.g. "shorter holds (15 instead of 20 seconds) and fewer repetitions (8 instead of 10)".
 */
export function paceChanges(ctx: MachineContext, state: SkillState, from: PaceId, to: PaceId): string[] {
  const a = ctx.catalog.paces[from];
  const b = ctx.catalog.paces[to];
  let holdFrom = 0, holdTo = 0, repsFrom = 0, repsTo = 0;
  const single = exerciseIds(ctx, state).length === 1;
  for (const item of exerciseIds(ctx, state)) {
    const exercise = ctx.catalog.exercises.get(item.id);
    const variant = exercise?.variants.find((v) => !item.variants || item.variants.includes(v.id));
    if (!variant) continue;
    const before = dose(variant, a, item.maxReps);
    const after = dose(variant, b, item.maxReps);
    holdFrom += before.holdSeconds ?? 0;
    holdTo += after.holdSeconds ?? 0;
    repsFrom += before.reps;
    repsTo += after.reps;
  }
  const changes: string[] = [];
  const hold = compare(holdFrom, holdTo, "longer holds", "shorter holds");
  if (hold) changes.push(single ? `${hold}, ${holdTo} instead of ${holdFrom} seconds` : hold);
  const reps = compare(repsFrom, repsTo, "more repetitions", "fewer repetitions");
  if (reps) changes.push(single ? `${reps}, ${numberWord(repsTo)} instead of ${numberWord(repsFrom)}` : reps);
  const moves = compare(a.movementScale, b.movementScale, "more time for each movement", "less time for each movement");
  if (moves) changes.push(moves);
  const rest = compare(a.restSeconds, b.restSeconds, "longer rests between exercises", "shorter rests between exercises");
  if (rest) changes.push(rest);
  return changes;
}
