// Every temporary folder a render makes (per-track work folders, chime encodes, ffmpeg's files) lives in one
// folder per run named with the pid: removed on every exit path, and a run killed with -9 leaves a folder the
// next render recognises as stale (its pid is gone) and removes.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isProcessAlive } from "./pid.js";

const RUN_DIR = /^upper-back-run-(\d+)-[0-9a-f]{8}$/;

/** Removes run folders in `base` (the system temp folder) whose process is gone; returns what it removed. */
async function removeStaleRunDirs(base = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(base).catch(() => [] as string[])) {
    const match = RUN_DIR.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    await rm(join(base, name), { recursive: true, force: true });
    removed.push(join(base, name));
  }
  return removed;
}

/**
 * For a CLI process that runs one render: cleans stale run folders, makes this run's folder and points TMPDIR at
 * it (os.tmpdir() reads TMPDIR on every call, so every temporary folder of the render lands inside). `remove`
 * restores TMPDIR and deletes the folder.
 */
export async function useRunTempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const base = tmpdir();
  await removeStaleRunDirs(base);
  const path = join(base, `upper-back-run-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(path, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = path;
  return {
    path,
    async remove() {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      await rm(path, { recursive: true, force: true });
    },
  };
}
