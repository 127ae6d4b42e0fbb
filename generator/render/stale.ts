// A render killed hard (SIGKILL, power loss) cannot remove its temporary file; the next render does.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { isProcessAlive } from "../io/pid.js";

// The names tempPathFor() gives: `.<final name>.<pid>-<8 hex>.tmp<ext>`.
const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp(\.[A-Za-z0-9]+)?$/;

/** Removes temporary files in `dir` (and its chimes/ folder) left by renders whose process is gone. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of [dir, join(dir, "chimes")]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match || isProcessAlive(Number(match[1]))) continue;
      await rm(join(folder, name), { force: true });
      removed.push(join(folder, name));
    }
  }
  return removed;
}
