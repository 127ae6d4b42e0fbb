// What `publish` checks before a single byte goes up: the folder is a complete render. A manifest naming a
// missing or truncated MP3, or a page without its feed, would go live broken, so it is refused with every problem.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { readManifest, type Track } from "../../content/manifest.js";

/** The files beside the download manifest that people and podcast apps open. */
const SITE_FILES = ["index.html", "feed.xml"];
/** Folders (below the published one) holding another profile's manifest and MP3s. */
const PROFILE_FOLDERS = ["alexa"];

/** Thrown when the folder is not a complete render; `problems` lists each one with its fix. */
export class PublishRefused extends Error {
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`${dir} is not a complete render, nothing uploaded; ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}\n(fix: run \`npx upper-back render\` again into ${dir})`);
    this.name = "PublishRefused";
  }
}

/** Lists every reason `dir` must not be published (empty when it is a complete render). */
export async function verifySessions(dir: string): Promise<string[]> {
  const problems = await verifyProfile(dir, true);
  for (const folder of PROFILE_FOLDERS) {
    if (existsSync(join(dir, folder))) problems.push(...(await verifyProfile(join(dir, folder), false)));
  }
  return problems;
}

// One profile's folder: its manifest, every file it lists at the recorded size and sha256, and (download) the site.
async function verifyProfile(dir: string, withSite: boolean): Promise<string[]> {
  const problems: string[] = [];
  if (withSite) {
    for (const name of SITE_FILES) if (!isFile(join(dir, name))) problems.push(`${join(dir, name)}: missing (the page and feed are written last by a complete render)`);
  }
  let tracks: Track[];
  try {
    tracks = (await readManifest(join(dir, "manifest.json"))).tracks;
  } catch (error) {
    problems.unshift((error as Error).message.split("\n")[0]!);
    return problems;
  }
  for (const track of tracks) problems.push(...(await verifyTrack(dir, track)));
  return problems;
}

async function verifyTrack(dir: string, track: Track): Promise<string[]> {
  const problems: string[] = [];
  const path = join(dir, track.file);
  if (!isFile(path)) return [`${path}: listed in the manifest (track ${track.id}) but missing`];
  const size = statSync(path).size;
  if (track.bytes !== undefined && size !== track.bytes) {
    problems.push(`${path}: ${size} bytes, the manifest records ${track.bytes} (truncated or replaced)`);
  } else if (track.sha256 !== undefined && (await sha256Of(path)) !== track.sha256) {
    problems.push(`${path}: sha256 differs from the manifest's (the file changed after the render)`);
  }
  // Companion files a track may name (the WebVTT transcript): listed means promised.
  const transcript = (track as { transcript?: unknown }).transcript;
  if (typeof transcript === "string" && !isFile(join(dir, transcript))) problems.push(`${join(dir, transcript)}: transcript of track ${track.id} is missing`);
  return problems;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
