// After the tracks: each profile's manifest, the Alexa chimes, and (download profile) the site beside the MP3s,
// all written into the render's stage; the stage's commit moves only what changed into place.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest, Track } from "../../content/manifest.js";
import type { AudioProfile } from "../audio/profiles.js";
import type { Layout } from "../audio/assemble.js";
import type { TrackOutput } from "../audio/track.js";
import type { WrittenFile } from "../io/atomic.js";
import { writeManifest } from "../site/manifest-file.js";
import { withPublication } from "../site/published.js";
import { writeSite, type SiteOptions } from "../site/site.js";
import { writeTranscripts } from "../site/transcript.js";
import { writeChimeFiles } from "./chimes.js";
import { trackIdentity, type PlannedTrack } from "./tracks.js";
import { MANIFEST_FILE } from "../../content/facts.js";

export interface ProfileState {
  profile: AudioProfile;
  /** The live folder people and the skill read. */
  dir: string;
  /** Its counterpart in the render's stage, where this render writes (live MP3s are mirrored there). */
  stageDir: string;
  entries: Map<string, Track>;
}

/** Writes manifests (catalogue order; entries whose MP3 is gone are dropped), the chimes and the site into the stage. */
export async function writeOutputs(
  states: ProfileState[],
  allTracks: PlannedTrack[],
  options: { site?: SiteOptions; writeSite?: boolean },
): Promise<{ written: number; unchanged: number; manifests: Manifest[] }> {
  const results: WrittenFile[] = [];
  const manifests: Manifest[] = [];
  for (const state of states) {
    const tracks: Track[] = [];
    for (const planned of allTracks) {
      const entry = state.entries.get(trackIdentity(planned));
      if (entry && entry.kind === planned.kind && (await exists(join(state.stageDir, entry.file)))) tracks.push(entry);
    }
    const manifest: Manifest = { tracks: withPublication(tracks, new Date()) };
    manifests.push(manifest);
    const manifestPath = join(state.stageDir, MANIFEST_FILE);
    results.push({ path: manifestPath, changed: await writeManifest(manifestPath, manifest) });
    results.push(...(await writeTranscripts(manifest, state.stageDir)));
    if (!options.writeSite) continue;
    if (state.profile.id === "alexa") results.push(...(await writeChimeFiles(state.stageDir, state.profile)));
    if (state.profile.id === "download") results.push(...(await writeSite(manifest, state.stageDir, options.site)));
  }
  const written = results.filter((r) => r.changed).length;
  return { written, unchanged: results.length - written, manifests };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** A rendered track's manifest entry in one profile (the times are the layout's: the PCM that was encoded). */
export function trackEntry(track: PlannedTrack, layout: Layout, file: TrackOutput["files"][number], profile: AudioProfile, key: string, publishedAt: string | undefined): Track {
  return {
    id: track.id,
    kind: track.kind,
    title: track.title,
    file: track.file,
    durationMs: layout.durationMs,
    chapters: layout.chapters,
    segments: layout.segments,
    description: track.description,
    pace: track.pace,
    bytes: file.bytes,
    loudness: { ...file.loudness },
    profile: profile.id,
    sha256: file.sha256,
    key,
    publishedAt,
  };
}
