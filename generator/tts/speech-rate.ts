// How fast the sessions speak, measured the way a listener hears it: the words of the manifest's speech
// segments over the time those segments take in the rendered audio (pauses, chimes and the silence
// trimmed from each clip's edges are not speech). Guided movement is usually 140–165 words a minute.
import type { Track } from "../../content/manifest.js";

/** Words in a phrase as a listener counts them: whitespace-separated runs holding a letter or a digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Words a minute over the speech segments of some tracks; throws if they hold no speech (nothing to measure). */
export function speechWordsPerMinute(tracks: readonly Pick<Track, "id" | "segments">[]): number {
  let words = 0;
  let ms = 0;
  for (const track of tracks) {
    for (const segment of track.segments) {
      if (segment.type !== "speech") continue;
      words += countWords(segment.text ?? "");
      ms += segment.endMs - segment.startMs;
    }
  }
  if (ms <= 0) throw new Error(`speech rate: no speech segments in ${tracks.map((t) => t.id).join(", ") || "no tracks"}; render them first`);
  return (words * 60_000) / ms;
}
