// I/O errors as people can act on them: which file, what happened, and the fix (a bare "ENOSPC" helps nobody).

const KNOWN: Record<string, { cause: string; fix: string }> = {
  ENOSPC: { cause: "no space left on device", fix: "free space on that disk, or render into another folder with --out" },
  EDQUOT: { cause: "disk quota exceeded", fix: "free space within your disk quota, or render into another folder with --out" },
  EACCES: { cause: "permission denied", fix: "make the folder writable for this user, or render into another folder with --out" },
  EPERM: { cause: "operation not permitted", fix: "make the folder writable for this user, or render into another folder with --out" },
  EROFS: { cause: "read-only file system", fix: "render into another folder with --out" },
  EMFILE: { cause: "too many open files", fix: "lower --concurrency or raise the open-file limit (ulimit -n)" },
};

/** The error's errno code, also when ffmpeg reported it in words ("No space left on device"). */
export function ioErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code; // errno codes only, not ABORT_ERR or ERR_*
  const text = error instanceof Error ? error.message : String(error);
  if (/No space left on device/i.test(text)) return "ENOSPC";
  if (/Disk quota exceeded/i.test(text)) return "EDQUOT";
  if (/Read-only file system/i.test(text)) return "EROFS";
  if (/Permission denied/i.test(text)) return "EACCES";
  return undefined;
}

/** Wraps an error from writing `path` into one line naming the file, the cause and (for known causes) the fix. */
export function fileError(error: unknown, path: string, doing = "writing"): Error {
  const code = ioErrorCode(error);
  const known = code ? KNOWN[code] : undefined;
  // A known cause replaces the tool's own words (ffmpeg's progress lines say nothing about the disk).
  const cause = known ? `${known.cause} (${code})` : (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return new Error(`${doing} ${path} failed: ${cause}${known ? ` (fix: ${known.fix})` : ""}`, { cause: error });
}
