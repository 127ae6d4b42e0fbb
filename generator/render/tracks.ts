// Which tracks a render produces: every routine and every exercise of the catalogue at every pace, one timeline each.
import type { Catalog } from "../../content/load.js";
import { planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import type { Timeline } from "../../content/timeline.js";

/** One track to render: its timeline, and the file name it gets in every profile's folder. */
export interface PlannedTrack {
  id: string;
  kind: "routine" | "exercise";
  pace: PaceId;
  title: string;
  description: string;
  /** `routine-upper-back.mp3`, `exercise-cat-cow-gentle.mp3`: kind-prefixed so ids of both kinds can never collide. */
  file: string;
  timeline: Timeline;
}

/** Standard first: a reader that looks a track up by id alone (an older skill) still finds the standard pace. */
const PACE_ORDER: readonly PaceId[] = ["standard", "gentle", "deeper"];

/** File name of a track: `<kind>-<id>.mp3` at standard pace, `<kind>-<id>-<pace>.mp3` at the others. */
export function trackFileName(kind: "routine" | "exercise", id: string, pace: PaceId = "standard"): string {
  return pace === "standard" ? `${kind}-${id}.mp3` : `${kind}-${id}-${pace}.mp3`;
}

/** What makes a track unique in a manifest (kind, id, pace), as one map key; a missing pace is standard. */
export function trackIdentity(track: { kind: string; id: string; pace?: string }): string {
  return `${track.kind}:${track.id}:${track.pace ?? "standard"}`;
}

/**
 * Plans the whole catalogue at every pace: routines first (default routine first), then exercises in catalogue
 * order, each at standard, gentle and deeper.
 */
export function planCatalogTracks(catalog: Catalog): PlannedTrack[] {
  const routines = [...catalog.routines.values()].sort((a, b) => Number(b.id === catalog.defaultRoutineId) - Number(a.id === catalog.defaultRoutineId));
  return [
    ...routines.flatMap((r) =>
      PACE_ORDER.map((pace) => ({
        id: r.id,
        kind: "routine" as const,
        pace,
        title: r.title,
        description: r.summary,
        file: trackFileName("routine", r.id, pace),
        timeline: planRoutine(catalog, r.id, pace),
      })),
    ),
    ...[...catalog.exercises.values()].flatMap((e) =>
      PACE_ORDER.map((pace) => ({
        id: e.id,
        kind: "exercise" as const,
        pace,
        title: e.title,
        description: e.benefit.say,
        file: trackFileName("exercise", e.id, pace),
        timeline: planExercise(catalog, e.id, pace),
      })),
    ),
  ];
}

/** Narrows a plan to `--routine ID` or `--exercise ID` and to `--pace P`; throws naming the known ids when the id is unknown. */
export function selectTracks(tracks: PlannedTrack[], only: { routine?: string; exercise?: string; pace?: PaceId }): PlannedTrack[] {
  if (only.pace && !PACE_IDS.includes(only.pace)) {
    throw new Error(`render: unknown pace "${String(only.pace)}" (fix: use one of ${PACE_IDS.join(", ")})`);
  }
  const paced = only.pace ? tracks.filter((t) => t.pace === only.pace) : tracks;
  if (!only.routine && !only.exercise) return paced;
  const kind = only.routine ? "routine" : "exercise";
  const id = only.routine ?? only.exercise!;
  const found = paced.filter((t) => t.kind === kind && t.id === id);
  if (found.length === 0) {
    const known = [...new Set(tracks.filter((t) => t.kind === kind).map((t) => t.id))];
    throw new Error(`render: unknown ${kind} "${id}" (fix: use one of ${known.join(", ")}; see \`upper-back list\`)`);
  }
  return found;
}
