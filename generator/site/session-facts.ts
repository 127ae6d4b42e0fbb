// What a session card says beyond the manifest: body position, equipment and the order of single exercises,
// all from the catalogue (the content), so the page never guesses them from titles or files.
import type { Catalog } from "../../content/load.js";
import type { ExerciseT } from "../../content/schema.js";

/** The facts a card shows; positions and equipment as people read them. */
export interface SessionFacts {
  /** `Seated or standing` (an exercise's alternatives) or `Seated, then standing` (a routine's sequence). */
  position: string;
  /** `a chair and a towel`; empty when nothing is needed. */
  equipment: string[];
}

const POSITION_LABELS: Record<string, string> = {
  seated: "seated",
  standing: "standing",
  kneeling: "kneeling",
  lying: "lying down",
  "hands-and-knees": "on hands and knees",
  doorway: "in a doorway",
};

const EQUIPMENT_LABELS: Record<string, string> = {
  chair: "a chair",
  mat: "a mat",
  towel: "a towel",
  "foam-roller": "a foam roller",
  doorway: "a doorway",
  blanket: "a blanket",
};

function label(labels: Record<string, string>, id: string): string {
  return labels[id] ?? id.replace(/-/g, " ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Joins `a`, `a and b`, `a, b and c`. */
export function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Looks up a card's facts by kind and id; undefined for ids the catalogue does not know. */
export type FactsLookup = (kind: "routine" | "exercise", id: string) => SessionFacts | undefined;

/** Card facts from the catalogue: an exercise's own positions and equipment, a routine's in the order it uses them. */
export function sessionFactsFrom(catalog: Catalog): FactsLookup {
  const exerciseFacts = (e: ExerciseT): SessionFacts => ({
    position: capitalise(e.positions.map((p) => label(POSITION_LABELS, p)).join(" or ")),
    equipment: e.equipment.map((q) => label(EQUIPMENT_LABELS, q)),
  });
  return (kind, id) => {
    if (kind === "exercise") {
      const exercise = catalog.exercises.get(id);
      return exercise && exerciseFacts(exercise);
    }
    const routine = catalog.routines.get(id);
    if (!routine) return undefined;
    const exercises = routine.items.flatMap((item) => catalog.exercises.get(item.exercise) ?? []);
    return {
      position: capitalise(unique(exercises.map((e) => label(POSITION_LABELS, e.positions[0]!))).join(", then ")),
      equipment: unique(exercises.flatMap((e) => e.equipment.map((q) => label(EQUIPMENT_LABELS, q)))),
    };
  };
}

/** Exercise ids in the default routine's order (the order people meet them), then any others in catalogue order. */
export function exerciseOrder(catalog: Catalog): string[] {
  const inRoutine = catalog.routines.get(catalog.defaultRoutineId)?.items.map((item) => item.exercise) ?? [];
  return unique([...inRoutine, ...catalog.exercises.keys()]);
}
