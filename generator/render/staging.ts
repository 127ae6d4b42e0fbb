// A render's outputs are staged in a hidden folder inside the output folder and switched into place last, so
// after any failure the folder holds the previous complete set (MP3s, manifests, page, feed) and never a mix.
import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, rm, stat, symlink } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileError } from "../io/errors.js";

const STAGE_PREFIX = ".staging-";

/** A staging folder mirroring the output folder (`<out>/.staging-<pid>-<hex>/alexa/…` for `<out>/alexa/…`). */
export interface Stage {
  root: string;
  /** The staged counterpart of a folder below the output folder. */
  dirFor(liveDir: string): string;
  /** Makes live files visible in the stage without copying (hard links), so writers see the whole set. */
  mirror(liveDir: string, files: readonly string[]): Promise<void>;
  /** Moves every staged file that differs from the live one into place (media first, page and feed last). */
  commit(): Promise<{ written: number; unchanged: number }>;
  /** Drops the stage: the live folder keeps its previous set. */
  discard(): Promise<void>;
}

/**
 * Opens a stage in `outDir`. Called under the folder's render lock, so any other staging folder there belongs to
 * a render that was killed and is removed.
 */
export async function openStage(outDir: string): Promise<Stage> {
  for (const name of await readdir(outDir).catch(() => [] as string[])) {
    if (name.startsWith(STAGE_PREFIX)) await rm(join(outDir, name), { recursive: true, force: true });
  }
  const root = join(outDir, `${STAGE_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(root, { recursive: true }).catch((error: unknown) => {
    throw fileError(error, root, "creating");
  });
  const dirFor = (liveDir: string) => join(root, relative(outDir, liveDir));
  return {
    root,
    dirFor,
    async mirror(liveDir, files) {
      for (const file of files) {
        const from = join(liveDir, file);
        const to = join(dirFor(liveDir), file);
        await mkdir(dirname(to), { recursive: true });
        // A file system without hard links gets a symlink: writers only stat and read these files.
        await link(from, to).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
          return symlink(from, to);
        });
      }
    },
    async commit() {
      const staged = (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)))
        .sort((a, b) => switchRank(a) - switchRank(b) || a.localeCompare(b));
      let written = 0;
      for (const rel of staged) {
        const from = join(root, rel);
        const to = join(outDir, rel);
        if (await sameContent(from, to)) continue;
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to).catch((error: unknown) => {
          throw fileError(error, to, "moving the new file into place at");
        });
        written++;
      }
      await rm(root, { recursive: true, force: true });
      return { written, unchanged: staged.length - written };
    },
    discard: () => rm(root, { recursive: true, force: true }),
  };
}

// Media before the documents that name it; the manifests, page and feed (what people and the skill read) last.
function switchRank(rel: string): number {
  if (rel.endsWith("manifest.json")) return 2;
  if (rel.endsWith("index.html") || rel.endsWith("feed.xml")) return 3;
  return rel.endsWith(".json") ? 1 : 0;
}

// True for a mirrored file (same inode) or a rewritten one holding the same bytes, which keeps its mtime.
async function sameContent(staged: string, live: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(staged), stat(live).catch(() => undefined)]);
  if (!b) return false;
  if (a.ino === b.ino && a.dev === b.dev) return true;
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([readFile(staged), readFile(live)]);
  return x.equals(y);
}
