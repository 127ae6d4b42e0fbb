// What a source (routine or single exercise) consists of, and how one exercise is cut into spoken responses.
import type { Catalog } from "../../content/load.js";
import { exerciseCues } from "../../content/plan.js";
import type { PaceId } from "../../content/schema.js";
import type { Cue } from "../../content/timeline.js";
import { alexaPieces } from "../../content/ssml/alexa.js";
import type { Source } from "./types.js";

/** One exercise of a source, with the routine's choices (variants, rep cap). */
export interface SequenceItem {
  exerciseId: string;
  title: string;
  variants?: string[];
  maxReps?: number;
}

/** The exercises of a source in order; empty when the source no longer exists in content. */
export function sequenceOf(catalog: Catalog, source: Source): SequenceItem[] {
  if (source.kind === "exercise") {
    const exercise = catalog.exercises.get(source.id);
    return exercise ? [{ exerciseId: exercise.id, title: exercise.title }] : [];
  }
  const routine = catalog.routines.get(source.id);
  if (!routine) return [];
  return routine.items.flatMap((item) => {
    const exercise = catalog.exercises.get(item.exercise);
    return exercise ? [{ exerciseId: exercise.id, title: exercise.title, variants: item.variants, maxReps: item.maxReps }] : [];
  });
}

/** Title of a source, as spoken ("the upper back routine", "cat cow"). */
export function sourceTitle(catalog: Catalog, source: Source): string {
  if (source.kind === "routine") return catalog.routines.get(source.id)?.title ?? source.id;
  return catalog.exercises.get(source.id)?.title ?? source.id;
}

/** The pieces of exercise `index` of a source at a pace (its sets), which Alexa responses are packed from. */
export function exercisePieces(catalog: Catalog, source: Source, index: number, pace: PaceId): Cue[][] {
  const items = sequenceOf(catalog, source);
  const item = items[index];
  if (!item) return [];
  const exercise = catalog.exercises.get(item.exerciseId)!;
  const cues = exerciseCues(exercise, catalog.paces[pace], {
    variants: item.variants,
    maxReps: item.maxReps,
    position: items.length > 1 ? { index, total: items.length } : undefined,
  });
  return alexaPieces({ id: item.exerciseId, kind: "exercise", title: item.title, pace, cues });
}
