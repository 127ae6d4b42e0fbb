// Stable publication facts kept in the manifest: a track's first render date (the feed's pubDate) and its
// transcript's name. A later render keeps both, so podcast apps never see re-dated episodes.
import type { Track } from "../../content/manifest.js";
import { transcriptFileFor } from "./transcript.js";

/** Apps list newest first: tracks first published together are dated this far apart, in manifest order. */
const ORDER_STEP_MS = 60_000;

/**
 * Gives every track its transcript name and, when it has none yet, a first-publication date of `now`
 * (whole seconds) minus a minute per place in the list, so the first track shows on top.
 */
export function withPublication(tracks: readonly Track[], now: Date): Track[] {
  const base = Math.floor(now.getTime() / 1000) * 1000;
  return tracks.map((track, i) => ({
    ...track,
    transcript: transcriptFileFor(track.file),
    publishedAt: track.publishedAt ?? new Date(base - i * ORDER_STEP_MS).toISOString(),
  }));
}
