// How each published file is served: its Content-Type, how long browsers and CloudFront may cache it, and in
// which order it goes up (media before the documents that point at it).

const TYPES: Record<string, string> = {
  ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
  ".xml": "application/rss+xml",
  ".rss": "application/rss+xml",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".vtt": "text/vtt; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

function extension(file: string): string {
  const dot = file.lastIndexOf(".");
  return dot >= 0 && dot > file.lastIndexOf("/") ? file.slice(dot).toLowerCase() : "";
}

/** Content-Type for a published file; feed.xml is a podcast feed, so XML is served as RSS. */
export function contentTypeOf(file: string): string {
  return TYPES[extension(file)] ?? "application/octet-stream";
}

// Documents (manifest, page, feed) change in place on every render, so caches must recheck them soon; media is
// re-rendered rarely and is large, so it may stay cached for a day (no invalidation needed, see docs/DEPLOY.md).
const DOCUMENT_TYPES = new Set([".json", ".html", ".xml", ".rss"]);

/** Cache-Control for a published file. */
export function cacheControlOf(file: string): string {
  return DOCUMENT_TYPES.has(extension(file)) ? "public, max-age=300, must-revalidate" : "public, max-age=86400";
}

/** Upload rank: media and assets first, documents last, so a page or feed never points at a missing file. */
export function uploadRank(file: string): number {
  return DOCUMENT_TYPES.has(extension(file)) ? 1 : 0;
}
