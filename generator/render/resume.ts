// A failed render switches nothing into place, but the tracks it finished are kept (by render key) in
// `<out>/.resume/`, so the next run moves them in instead of encoding them again.
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseManifest, type Track } from "../../content/manifest.js";

const RESUME_DIR = ".resume";

function stashPaths(outDir: string, profileId: string, key: string): { mp3: string; entry: string } {
  const base = join(outDir, RESUME_DIR, profileId, key);
  return { mp3: `${base}.mp3`, entry: `${base}.json` };
}

/** Keeps a finished track of a failed render (its staged MP3 and manifest entry) for the next run. */
export async function stashTrack(outDir: string, profileId: string, stagedFile: string, entry: Track): Promise<void> {
  if (!entry.key) return;
  const paths = stashPaths(outDir, profileId, entry.key);
  try {
    await mkdir(join(outDir, RESUME_DIR, profileId), { recursive: true });
    await writeFile(paths.entry, JSON.stringify(entry));
    await rename(stagedFile, paths.mp3);
  } catch {
    // Best effort only (the disk may be full): without the stash the next run simply encodes the track again.
    await Promise.all([rm(paths.entry, { force: true }), rm(paths.mp3, { force: true })]);
  }
}

/** Moves a stashed track with this key into `stagedFile` and returns its entry, or undefined if none is kept. */
export async function takeStashedTrack(outDir: string, profileId: string, key: string, stagedFile: string): Promise<Track | undefined> {
  const paths = stashPaths(outDir, profileId, key);
  let entry: Track;
  try {
    entry = parseManifest({ tracks: [JSON.parse(await readFile(paths.entry, "utf8"))] }, paths.entry).tracks[0]!;
    await rename(paths.mp3, stagedFile);
    if ((await stat(stagedFile)).size !== entry.bytes) throw new Error("stashed MP3 changed");
  } catch {
    await rm(stagedFile, { force: true });
    return undefined;
  } finally {
    await rm(paths.entry, { force: true });
  }
  return entry;
}

/** After a successful render the stash has served its purpose (older keys can never match again). */
export async function clearStash(outDir: string): Promise<void> {
  await rm(join(outDir, RESUME_DIR), { recursive: true, force: true });
}
