// A track's render key: a hash of everything that shapes its MP3. Same key and file in place → not re-encoded.
import { createHash } from "node:crypto";
import type { Timeline } from "../../content/timeline.js";
import type { TrackTags } from "../audio/metadata.js";
import type { AudioProfile } from "../audio/profiles.js";
import type { TtsEngine } from "../tts/engine.js";

/**
 * Bump when assembly, levelling or encoding changes in a way that changes the audio (3: speech phase-rotated
 * before levelling; 4: routines laid out and joined for reuse of their exercises' frames).
 */
const RENDER_FORMAT = 4;

export interface TrackKeyInput {
  timeline: Timeline;
  engine: Pick<TtsEngine, "id" | "voice" | "settingsKey" | "sampleRate">;
  ratePercent: number;
  profile: AudioProfile;
  tags: TrackTags;
  /** sha256 of the artwork file's bytes, if any. */
  artworkSha256?: string;
  /** Whether the sound bed is mixed in. */
  bed?: boolean;
  /** A routine's sources' keys (it reuses their frames and lays itself out around them). */
  sources?: string[];
}

/** sha256 hex over the render's inputs for one track (the timeline holds every spoken word and pause). */
export function trackKey(input: TrackKeyInput): string {
  const { engine } = input;
  const recipe = JSON.stringify([
    RENDER_FORMAT,
    input.timeline,
    [engine.id, engine.voice, engine.settingsKey, engine.sampleRate, input.ratePercent],
    input.profile,
    input.tags,
    input.artworkSha256 ?? null,
    input.bed ?? true,
    input.sources ?? [],
  ]);
  return createHash("sha256").update(recipe).digest("hex");
}
