// Which tracks a render produces: every routine and every exercise of the catalogue, one timeline each.
import type { Catalog } from "../../content/load.js";
import { planExercise, planRoutine } from "../../content/plan.js";
import type { PaceId } from "../../content/schema.js";
import type { Timeline } from "../../content/timeline.js";

/** One track to render: its timeline, and the file name it gets in every profile's folder. */
export interface PlannedTrack {
  id: string;
  kind: "routine" | "exercise";
  title: string;
  description: string;
  /** `routine-upper-back.mp3`, `exercise-cat-cow.mp3`: kind-prefixed so ids of both kinds can never collide. */
  file: string;
  timeline: Timeline;
}

/** File name of a track: `<kind>-<id>.mp3`. */
export function trackFileName(kind: "routine" | "exercise", id: string): string {
  return `${kind}-${id}.mp3`;
}

/** Plans the whole catalogue at one pace, routines first (default routine first), then exercises in catalogue order. */
export function planCatalogTracks(catalog: Catalog, pace: PaceId): PlannedTrack[] {
  const routines = [...catalog.routines.values()].sort((a, b) => Number(b.id === catalog.defaultRoutineId) - Number(a.id === catalog.defaultRoutineId));
  return [
    ...routines.map((r) => ({
      id: r.id,
      kind: "routine" as const,
      title: r.title,
      description: r.summary,
      file: trackFileName("routine", r.id),
      timeline: planRoutine(catalog, r.id, pace),
    })),
    ...[...catalog.exercises.values()].map((e) => ({
      id: e.id,
      kind: "exercise" as const,
      title: e.title,
      description: e.benefit.say,
      file: trackFileName("exercise", e.id),
      timeline: planExercise(catalog, e.id, pace),
    })),
  ];
}

/** Narrows a plan to `--routine ID` or `--exercise ID`; throws naming the known ids when the id is unknown. */
export function selectTracks(tracks: PlannedTrack[], only: { routine?: string; exercise?: string }): PlannedTrack[] {
  if (!only.routine && !only.exercise) return tracks;
  const kind = only.routine ? "routine" : "exercise";
  const id = only.routine ?? only.exercise!;
  const found = tracks.filter((t) => t.kind === kind && t.id === id);
  if (found.length === 0) {
    const known = tracks.filter((t) => t.kind === kind).map((t) => t.id);
    throw new Error(`render: unknown ${kind} "${id}" (fix: use one of ${known.join(", ")}; see \`upper-back list\`)`);
  }
  return found;
}
