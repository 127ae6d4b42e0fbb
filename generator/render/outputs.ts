// After the tracks: each profile's manifest, the Alexa chimes, and (download profile) the page, feed,
// chapters files and artwork. Every writer rewrites only on change, so a no-op render writes nothing.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { AudioProfile } from "../audio/profiles.js";
import type { WrittenFile } from "../publish/atomic.js";
import { writeArtwork } from "../publish/artwork.js";
import { DEFAULT_BASE_URL, writeChaptersJson, writeFeed } from "../publish/feed.js";
import { writeManifest, type Manifest, type Track } from "../publish/manifest.js";
import { writeIndexHtml } from "../publish/page.js";
import { writeChimeFiles } from "./chimes.js";
import type { PlannedTrack } from "./tracks.js";

export interface ProfileState {
  profile: AudioProfile;
  dir: string;
  entries: Map<string, Track>;
}

/** Writes manifests (catalogue order; entries whose MP3 is gone are dropped) and the publish files. */
export async function publishOutputs(
  states: ProfileState[],
  allTracks: PlannedTrack[],
  options: { baseUrl?: string; publish?: boolean },
): Promise<{ written: number; unchanged: number; manifests: Manifest[] }> {
  const results: WrittenFile[] = [];
  const manifests: Manifest[] = [];
  for (const state of states) {
    const tracks: Track[] = [];
    for (const planned of allTracks) {
      const entry = state.entries.get(planned.id);
      if (entry && entry.kind === planned.kind && (await exists(join(state.dir, entry.file)))) tracks.push(entry);
    }
    const manifest: Manifest = { tracks };
    manifests.push(manifest);
    const manifestPath = join(state.dir, "manifest.json");
    results.push({ path: manifestPath, changed: await writeManifest(manifestPath, manifest) });
    if (!options.publish) continue;
    if (state.profile.id === "alexa") results.push(...(await writeChimeFiles(state.dir, state.profile)));
    if (state.profile.id === "download") {
      results.push(await writeArtwork(state.dir));
      results.push(...(await writeChaptersJson(manifest, state.dir)));
      results.push(await writeIndexHtml(manifest, state.dir));
      results.push(await writeFeed(manifest, state.dir, { baseUrl: options.baseUrl ?? DEFAULT_BASE_URL, podcastChapters: true }));
    }
  }
  const written = results.filter((r) => r.changed).length;
  return { written, unchanged: results.length - written, manifests };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
