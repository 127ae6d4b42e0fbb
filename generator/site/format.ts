// Small pure helpers shared by the page and the feed: escaping once at the markup boundary, and the
// several ways a duration or a size is shown to people and to podcast apps.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Track } from "../../content/manifest.js";


/** A length as people read it: `45 s`, `3 min 30 s`, `12 min` (seconds dropped from 10 min on), `1 h 5 min`. */
export function formatDuration(ms: number): string {
  const exact = Math.round(ms / 1000);
  const total = exact >= 600 ? Math.round(exact / 60) * 60 : exact;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** ISO 8601 duration for `<time datetime>`: `PT12M30S`. */
export function isoDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

/** A file size for a download link: `850 kB`, `12.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Seconds for a media fragment (`#t=12.5`), without trailing zeros. */
export function fragmentSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/** A track file's URL path relative to the page or base URL, percent-encoded per segment. */
export function fileHref(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

export interface FileFacts {
  bytes?: number;
  mtime?: Date;
}

/** Size (from the manifest, else from disk) and modification time of each track's file, keyed by file; missing files give {}. */
export async function readFileFacts(tracks: Track[], outDir: string): Promise<Map<string, FileFacts>> {
  const facts = new Map<string, FileFacts>();
  for (const track of tracks) {
    const info = await stat(join(outDir, track.file)).catch(() => undefined);
    facts.set(track.file, { bytes: track.bytes ?? info?.size, mtime: info?.mtime });
  }
  return facts;
}
