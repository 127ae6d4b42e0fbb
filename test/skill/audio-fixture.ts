// A render manifest shaped like the `alexa` profile's (one MP3 per exercise), built from content, so AudioPlayer
// tests do not need a full render.
import type { Catalog } from "../../content/load.js";
import type { Manifest } from "../../content/manifest.js";
import { trackFileName } from "../../generator/render/tracks.js";

export const AUDIO_BASE_URL = "https://audio.example.test/sessions/alexa";

/** Every exercise as a 3-minute track named as the render names it (`exercise-<id>.mp3`). */
export function fixtureManifest(catalog: Catalog): Manifest {
  const exercises = [...catalog.exercises.values()].map((e) => ({
    id: e.id,
    kind: "exercise" as const,
    title: e.title,
    file: trackFileName("exercise", e.id),
    durationMs: 180_000,
    pace: "standard" as const,
    chapters: [{ id: e.id, title: e.title, startMs: 0, endMs: 180_000 }],
    segments: [{ type: "speech" as const, startMs: 0, endMs: 4_000, text: `${e.title}.` }],
  }));
  return { tracks: exercises };
}

/** The URL the skill should stream for an exercise. */
export function exerciseUrl(exerciseId: string): string {
  return `${AUDIO_BASE_URL}/${trackFileName("exercise", exerciseId)}`;
}
