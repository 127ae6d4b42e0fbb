// A small real catalogue for render tests: two real exercises cut to one rep with short holds, and one routine,
// so a render is seconds of CPU instead of minutes while every code path (chapters, pauses, chimes) is exercised.
import { loadCatalog, type Catalog } from "../../../content/load.js";
import type { ExerciseT, RoutineT } from "../../../content/schema.js";

function shrink(exercise: ExerciseT): ExerciseT {
  const variant = exercise.variants[0]!;
  return {
    ...exercise,
    cautions: exercise.cautions.slice(0, 1),
    breath: [],
    tips: [],
    variants: [
      {
        ...variant,
        setup: variant.setup.slice(0, 1),
        reps: { min: 1, max: 1, authored: true },
        ...(variant.hold ? { hold: { min: 4, max: 4, authored: true } } : {}),
      },
    ],
  };
}

/** cat-cow and childs-pose (shrunk) and a routine `mini` of cat-cow; `edit` may change an exercise. */
export function miniCatalog(edit: (exercises: Map<string, ExerciseT>) => void = () => undefined): Catalog {
  const full = loadCatalog();
  const exercises = new Map<string, ExerciseT>();
  for (const id of ["cat-cow", "childs-pose"]) exercises.set(id, shrink(full.exercises.get(id)!));
  edit(exercises);
  const mini: RoutineT = { id: "mini", title: "Mini routine", summary: "One short exercise.", default: true, synonyms: [], items: [{ exercise: "cat-cow" }] };
  return { ...full, exercises, routines: new Map([["mini", mini]]), defaultRoutineId: "mini" };
}
