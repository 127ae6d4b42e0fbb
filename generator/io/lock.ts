// One render per output folder at a time: two renders writing one manifest would each drop the other's tracks.
// The lock is a file holding the owner's pid, created with link() so it is complete the moment it exists; a lock
// whose process is gone (kill -9, power loss) is taken over, and a live one is waited for, not failed on.
import { randomBytes } from "node:crypto";
import { watch } from "node:fs";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { abortReason } from "./abort.js";
import { tempPathFor } from "./atomic.js";
import { isProcessAlive } from "./pid.js";

/** The lock file's name inside the output folder (a dotfile: never published, never listed). */
export const LOCK_FILE = ".render.lock";
/** How often a waiting render re-checks that the holder still lives (a killed holder sends no event). */
const LIVENESS_CHECK_MS = 1000;

interface Holder {
  pid: number;
  host: string;
  token: string;
  started: string;
}

/** What `lockFolder` tells its caller while it works. */
export type LockEvent = { type: "waiting"; holder: Holder } | { type: "took-over"; holder: Holder };

/** A held lock; `release` removes it only if it is still ours. */
export interface FolderLock {
  path: string;
  release(): Promise<void>;
}

/** Takes the render lock of `dir` (creating the folder), waiting while another live render holds it. */
export async function lockFolder(dir: string, options: { signal?: AbortSignal; onEvent?: (event: LockEvent) => void } = {}): Promise<FolderLock> {
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw new Error(`${dir}: cannot create the output folder: ${(error as Error).message} (fix: check its permissions, or pass another --out)`);
  });
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex"), started: new Date().toISOString() };
  // A temporary name the stale-file sweep recognises, should this render be killed before it removes it.
  const draft = tempPathFor(path);
  await writeFile(draft, JSON.stringify(me));
  try {
    let waiting = false;
    for (;;) {
      options.signal?.throwIfAborted();
      try {
        await link(draft, path);
        return { path, release: () => release(path, me.token) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new Error(`${path}: cannot create the render lock: ${(error as Error).message} (fix: check the folder's permissions)`);
      }
      const holder = await readHolder(path);
      if (!holder) continue; // released between our link and our read: try again at once
      if (holder.host === me.host && !isProcessAlive(holder.pid)) {
        await release(path, holder.token);
        options.onEvent?.({ type: "took-over", holder });
        continue;
      }
      if (!waiting) options.onEvent?.({ type: "waiting", holder });
      waiting = true;
      await lockChanged(dir, options.signal);
    }
  } finally {
    await rm(draft, { force: true });
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Holder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // Not ours to judge beyond this: a lock we cannot read is treated as held by a dead process.
    return { pid: 0, host: hostname(), token: "", started: "" };
  }
}

// Removes the lock only while it still holds `token`, so a render never removes a lock another one took since.
async function release(path: string, token: string): Promise<void> {
  const holder = await readHolder(path);
  if (holder && holder.token === token) await rm(path, { force: true });
}

// Resolves when something in the folder changes (the holder released) or after a liveness interval.
function lockChanged(dir: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      watcher.close();
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => done(abortReason(signal!, "render: aborted while waiting for the render lock"));
    const watcher = watch(dir, (_event, name) => {
      if (name === LOCK_FILE) done();
    });
    const timer = setTimeout(() => done(), LIVENESS_CHECK_MS);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
