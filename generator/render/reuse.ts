// Routines reuse their exercises' encoded audio: which exercise tracks a routine draws on, its splice plan (the
// same whether or not the join then succeeds, so the routine sounds the same either way), and the render of a
// routine that joins frames when every source MP3 is current and encodes the routine whole when not.
import { join } from "node:path";
import type { Track } from "../../content/manifest.js";
import { layoutTimeline } from "../audio/assemble.js";
import { PROFILE_IDS, PROFILES, type AudioProfile } from "../audio/profiles.js";
import { frameStep, planSplice, type SplicePlan } from "../audio/splice-plan.js";
import { renderSplicedTrack, SpliceUnavailable, type SpliceSource } from "../audio/splice-track.js";
import { chimeSamples } from "../audio/tones.js";
import { renderTrack, type TrackInput, type TrackOutput } from "../audio/track.js";
import type { ClipSet } from "./clips.js";
import { trackIdentity, type PlannedTrack } from "./tracks.js";

/** The exercise tracks (same pace) whose audio a routine can reuse: the exercises its chapters name. */
export function spliceSources(track: PlannedTrack, all: readonly PlannedTrack[]): PlannedTrack[] {
  if (track.kind !== "routine") return [];
  const ids = new Set(track.timeline.cues.flatMap((c) => (c.type === "chapter" && c.exerciseId ? [c.exerciseId] : [])));
  return all.filter((t) => t.kind === "exercise" && t.pace === track.pace && ids.has(t.id));
}

/**
 * A routine's splice plan, from the clips' lengths alone (levelling keeps lengths), on the frame step of every
 * profile there is: the layout must not depend on which profiles one run renders.
 */
export function routineSplicePlan(track: PlannedTrack, sources: readonly PlannedTrack[], clips: ClipSet): SplicePlan {
  const chimes = new Map<string, Float32Array>();
  const source = {
    rate: clips.rate,
    speech: clips.get,
    chime: (sound: "start" | "end") => chimes.get(sound) ?? chimes.set(sound, chimeSamples(sound, clips.rate)).get(sound)!,
  };
  const layouts = new Map(sources.map((s) => [s.id, layoutTimeline(s.timeline, source)]));
  const step = frameStep(clips.rate, PROFILE_IDS.map((id) => PROFILES[id].sampleRate));
  return planSplice(layoutTimeline(track.timeline, source), layouts, step);
}

/** The sources of one profile as its manifest now has them: only MP3s whose entry carries the current key. */
export function currentSources(
  sources: readonly PlannedTrack[],
  profile: AudioProfile,
  state: { entries: Map<string, Track>; stageDir: string },
  keyOf: (track: PlannedTrack, profile: AudioProfile) => string,
): Map<string, SpliceSource> {
  const found = new Map<string, SpliceSource>();
  for (const source of sources) {
    const entry = state.entries.get(trackIdentity(source));
    const loudness = entry?.loudness;
    if (!entry || entry.key !== keyOf(source, profile) || !loudness) continue;
    const gainDb = Number(loudness.gainDb);
    const mp3TruePeakDbtp = Number(loudness.mp3TruePeakDbtp);
    if (!Number.isFinite(gainDb) || !Number.isFinite(mp3TruePeakDbtp)) continue;
    found.set(source.id, { file: join(state.stageDir, entry.file), sha256: entry.sha256 ?? "", gainDb, truePeakDbtp: loudness.truePeakDbtp, mp3TruePeakDbtp });
  }
  return found;
}

/** What a routine's render did: joined from its sources (`reusedMs` of them), or encoded whole and why. */
export type RoutineOutput = TrackOutput & { reusedMs: number; encodedWhole?: string };

/** Renders a routine joined from its sources' frames, or whole (same layout and bed) when that cannot be done. */
export async function renderRoutine(input: TrackInput, plan: SplicePlan, sources: ReadonlyMap<string, SpliceSource>[]): Promise<RoutineOutput> {
  try {
    return await renderSplicedTrack({ ...input, plan, sources });
  } catch (error) {
    if (!(error instanceof SpliceUnavailable)) throw error;
    const whole = await renderTrack({ ...input, stretch: plan.stretch, bedPhases: plan.bedPhases });
    return { ...whole, reusedMs: 0, encodedWhole: error.message };
  }
}

/** A promise and the function that settles it (Promise.withResolvers is Node 22). */
export function settled(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
