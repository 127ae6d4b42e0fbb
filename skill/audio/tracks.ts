// Finds the rendered MP3 of an exercise in the render manifest and builds its HTTPS URL.
import type { Manifest, Track } from "../../content/manifest.js";
import type { PaceId } from "../../content/schema.js";

/** The rendered stream of one exercise at a pace, else at the standard pace (a render may hold only that one). */
export function exerciseTrack(manifest: Manifest, exerciseId: string, pace: PaceId = "standard"): Track | undefined {
  const of = (wanted: string) => manifest.tracks.find((t) => t.kind === "exercise" && t.id === exerciseId && (t.pace ?? "standard") === wanted);
  return of(pace) ?? of("standard");
}

/** HTTPS URL of a track below AUDIO_BASE_URL, each path segment URL-encoded. */
export function trackUrl(baseUrl: string, track: Track): string {
  const path = track.file.split("/").map(encodeURIComponent).join("/");
  return `${baseUrl.replace(/\/+$/, "")}/${path}`;
}
