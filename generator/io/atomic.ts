// Every output of a render is written to a temporary name in the same folder and renamed when complete,
// so an interrupted or failed render never leaves a half-written MP3, manifest, page or feed behind.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { fileError, ioErrorCode } from "./errors.js";

/**
 * A temporary path next to `finalPath` that keeps its extension (ffmpeg picks the format from it):
 * `dist/sessions/quick.mp3` → `dist/sessions/.quick.mp3.<pid>-<random>.tmp.mp3`. Hidden by the leading dot.
 */
export function tempPathFor(finalPath: string): string {
  const ext = extname(finalPath);
  const token = `${process.pid}-${randomBytes(4).toString("hex")}`;
  return join(dirname(finalPath), `.${basename(finalPath)}.${token}.tmp${ext}`);
}

/**
 * Lets a producer that writes a file by path (ffmpeg, a stream) write it atomically: `produce` gets a
 * temporary path in the same folder; on success it is renamed to `finalPath`, on failure it is removed
 * and the error is rethrown. The folder is created if missing.
 */
export async function withAtomicFile<T>(finalPath: string, produce: (tempPath: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(finalPath), { recursive: true }).catch((error: unknown) => {
    throw fileError(error, dirname(finalPath), "creating the folder");
  });
  const tempPath = tempPathFor(finalPath);
  try {
    const result = await produce(tempPath);
    await syncFile(tempPath);
    await rename(tempPath, finalPath);
    return result;
  } catch (error) {
    await rm(tempPath, { force: true });
    // A disk, quota or permission problem is named with its file and fix; anything else passes unchanged.
    throw ioErrorCode(error) ? fileError(error, finalPath) : error;
  }
}

/** Writes `data` to `path` atomically (temp file in the same folder, fsync, rename); creates the folder. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withAtomicFile(path, async (tempPath) => {
    const handle = await open(tempPath, "wx");
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  });
}

// Flushes the file's bytes to disk before the rename makes it visible, so a crash cannot expose an empty file.
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** One output file of the publish step and whether this run rewrote it. */
export interface WrittenFile {
  path: string;
  /** False when the file already held exactly these bytes (nothing rewritten). */
  changed: boolean;
}

/**
 * Writes atomically only when the bytes differ from what is already there, so a second render with nothing
 * changed rewrites no file (and keeps mtimes). Returns true when the file was written.
 */
export async function writeFileAtomicIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  const wanted = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const existing = await readFile(path).catch(() => undefined);
  if (existing !== undefined && existing.equals(wanted)) return false;
  await writeFileAtomic(path, wanted);
  return true;
}
