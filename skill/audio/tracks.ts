// Finds the rendered MP3 of an exercise in the render manifest and builds its HTTPS URL.
import type { Manifest, Track } from "../../content/manifest.js";

/** The rendered stream of one exercise (one exercise per stream), if the render produced it. */
export function exerciseTrack(manifest: Manifest, exerciseId: string): Track | undefined {
  return manifest.tracks.find((t) => t.kind === "exercise" && t.id === exerciseId);
}

/** HTTPS URL of a track below AUDIO_BASE_URL, each path segment URL-encoded. */
export function trackUrl(baseUrl: string, track: Track): string {
  const path = track.file.split("/").map(encodeURIComponent).join("/");
  return `${baseUrl.replace(/\/+$/, "")}/${path}`;
}
