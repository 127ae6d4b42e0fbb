// After the tracks: each profile's manifest, the Alexa chimes, and (download profile) the site beside the MP3s.
// Every writer rewrites only on change, so a no-op render writes nothing.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest, Track } from "../../content/manifest.js";
import type { AudioProfile } from "../audio/profiles.js";
import type { WrittenFile } from "../io/atomic.js";
import { writeManifest } from "../site/manifest-file.js";
import { writeSite, type SiteOptions } from "../site/site.js";
import { writeChimeFiles } from "./chimes.js";
import { trackIdentity, type PlannedTrack } from "./tracks.js";

export interface ProfileState {
  profile: AudioProfile;
  dir: string;
  entries: Map<string, Track>;
}

/** Writes manifests (catalogue order; entries whose MP3 is gone are dropped), the chimes and the site. */
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
      if (entry && entry.kind === planned.kind && (await exists(join(state.dir, entry.file)))) tracks.push(entry);
    }
    const manifest: Manifest = { tracks };
    manifests.push(manifest);
    const manifestPath = join(state.dir, "manifest.json");
    results.push({ path: manifestPath, changed: await writeManifest(manifestPath, manifest) });
    if (!options.writeSite) continue;
    if (state.profile.id === "alexa") results.push(...(await writeChimeFiles(state.dir, state.profile)));
    if (state.profile.id === "download") results.push(...(await writeSite(manifest, state.dir, options.site)));
  }
  const written = results.filter((r) => r.changed).length;
  return { written, unchanged: results.length - written, manifests };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
