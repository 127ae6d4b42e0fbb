// A render manifest shaped like the `alexa` profile's (one MP3 per exercise), built from content, so AudioPlayer
// tests do not need a full render.
import type { Catalog } from "../../content/load.js";
import type { Manifest } from "../../generator/publish/manifest.js";

export const AUDIO_BASE_URL = "https://audio.example.test/sessions/alexa";

/** Every exercise as a 3-minute track `<id>.mp3`, plus the default routine as one track. */
export function fixtureManifest(catalog: Catalog): Manifest {
  const exercises = [...catalog.exercises.values()].map((e) => ({
    id: e.id,
    kind: "exercise" as const,
    title: e.title,
    file: `${e.id}.mp3`,
    durationMs: 180_000,
    chapters: [{ id: e.id, title: e.title, startMs: 0, endMs: 180_000 }],
    segments: [{ type: "speech" as const, startMs: 0, endMs: 4_000, text: `${e.title}.` }],
  }));
  return { tracks: exercises };
}
