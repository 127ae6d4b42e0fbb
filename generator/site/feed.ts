// The podcast feed (feed.xml): RSS 2.0 with Apple's itunes tags and enclosures, so every session can be
// followed in any podcast app. Deterministic: the same manifest and files give the same bytes.
import { join } from "node:path";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";
import { formatClock } from "../../content/clock.js";
import { escapeXml as esc } from "../../content/xml.js";
import { fileHref, readFileFacts, type FileFacts } from "./format.js";
import { publishOrder, type Manifest, type Track } from "../../content/manifest.js";
import { SAFETY_POINTS } from "./page.js";
import { PRODUCT_NAME } from "../../content/facts.js";

/** Where the sessions are served when no `--base-url` is given: the local preview server, clearly not public. */
export const DEFAULT_BASE_URL = "http://localhost:8080/sessions";

export interface FeedOptions {
  /** Public http(s) URL of the folder holding the MP3s, the page and the feed (`--base-url`). */
  baseUrl: string;
  title?: string;
  description?: string;
  /** RSS language code. */
  language?: string;
  author?: string;
  /** itunes:owner; Apple mails the email to verify ownership (leave it out for a private feed). */
  owner?: { name: string; email?: string };
  /** Square 1400–3000 px JPEG or PNG; default `${baseUrl}/artwork.png` (publishSite writes one). */
  artworkUrl?: string;
  /** Channel link (the download page); default `${baseUrl}/index.html`. */
  pageUrl?: string;
  /** Stable guid prefix; an item's guid is `${guidPrefix}:${track.id}`, so re-renders are not new episodes. */
  guidPrefix?: string;
  /** Publication date of the newest item; default the newest MP3's modification time (stable across no-op renders). */
  pubDate?: Date;
  /** Link Podcasting 2.0 chapters files (`<file stem>.chapters.json`, written by writeChaptersJson). */
  podcastChapters?: boolean;
}

export const DEFAULT_FEED_TITLE = PRODUCT_NAME;
const DEFAULT_DESCRIPTION =
  "Guided audio sessions for ten gentle upper back exercises: whole routines and single exercises, with chapters. " +
  "Not a substitute for professional medical advice. Stop if it hurts.";

/** The URL of a file below the base URL; throws a clear error for a base URL that is not absolute http(s). */
export function publicUrl(baseUrl: string, file: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`--base-url must be an absolute http(s) URL, e.g. https://example.com/sessions (got "${baseUrl}")`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`--base-url must use http or https, e.g. https://example.com/sessions (got "${baseUrl}")`);
  }
  return `${baseUrl.replace(/\/+$/, "")}/${fileHref(file)}`;
}

/** The Podcasting 2.0 chapters file name next to a track's MP3: `quick.mp3` → `quick.chapters.json`. */
export function chaptersFileFor(track: Track): string {
  return track.file.replace(/\.[^./]+$/, "") + ".chapters.json";
}

/** Renders the feed (pure); `facts` gives each track's byte size (required by Apple) and file time. */
export function renderFeed(manifest: Manifest, options: FeedOptions, facts: Map<string, FileFacts>): string {
  const base = options.baseUrl;
  const title = options.title ?? DEFAULT_FEED_TITLE;
  const author = options.author ?? title;
  const owner = options.owner ?? { name: author };
  const pageUrl = options.pageUrl ?? publicUrl(base, "index.html");
  const artworkUrl = options.artworkUrl ?? publicUrl(base, "artwork.png");
  const tracks = publishOrder(manifest);
  const newest = options.pubDate ?? newestTime(facts) ?? new Date(Date.UTC(2026, 0, 1));
  const items = tracks.map((track, i) => {
    const bytes = facts.get(track.id)?.bytes;
    if (!bytes) {
      throw new Error(
        `feed: ${track.file} (track ${track.id}): size unknown, the file is missing and the manifest has no bytes (fix: render it first)`,
      );
    }
    // Newest first in apps that sort by date: the first track (a routine) is the newest by one minute per step.
    const pubDate = new Date(newest.getTime() - i * 60_000);
    return renderItem(track, { i, bytes, pubDate, base, pageUrl, guid: `${options.guidPrefix ?? "upper-back-routine"}:${track.id}`, chapters: options.podcastChapters ?? false });
  });
  const email = owner.email ? `<itunes:email>${esc(owner.email)}</itunes:email>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(title)}</title>
<link>${esc(pageUrl)}</link>
<atom:link href="${esc(publicUrl(base, "feed.xml"))}" rel="self" type="application/rss+xml"/>
<description>${esc(options.description ?? DEFAULT_DESCRIPTION)}</description>
<language>${esc(options.language ?? "en")}</language>
<lastBuildDate>${newest.toUTCString()}</lastBuildDate>
<generator>upper-back render</generator>
<image><url>${esc(artworkUrl)}</url><title>${esc(title)}</title><link>${esc(pageUrl)}</link></image>
<itunes:image href="${esc(artworkUrl)}"/>
<itunes:author>${esc(author)}</itunes:author>
<itunes:owner><itunes:name>${esc(owner.name)}</itunes:name>${email}</itunes:owner>
<itunes:category text="Health &amp; Fitness"><itunes:category text="Fitness"/></itunes:category>
<itunes:explicit>false</itunes:explicit>
<itunes:type>episodic</itunes:type>
${items.join("\n")}
</channel>
</rss>
`;
}

interface ItemContext {
  i: number;
  bytes: number;
  pubDate: Date;
  base: string;
  pageUrl: string;
  guid: string;
  chapters: boolean;
}

function renderItem(track: Track, c: ItemContext): string {
  const chapterLines = track.chapters.length > 1 ? ["Chapters:", ...track.chapters.map((ch) => `${formatClock(ch.startMs)} ${ch.title}`)] : [];
  const description = [track.description ?? "", ...chapterLines, SAFETY_POINTS[0], SAFETY_POINTS[1]].filter(Boolean).join("\n");
  const chapters = c.chapters
    ? `\n<podcast:chapters url="${esc(publicUrl(c.base, chaptersFileFor(track)))}" type="application/json+chapters"/>`
    : "";
  return `<item>
<title>${esc(track.title)}</title>
<description>${esc(description)}</description>
<link>${esc(c.pageUrl)}#session-${esc(track.id)}</link>
<guid isPermaLink="false">${esc(c.guid)}</guid>
<pubDate>${c.pubDate.toUTCString()}</pubDate>
<enclosure url="${esc(publicUrl(c.base, track.file))}" length="${c.bytes}" type="audio/mpeg"/>
<itunes:title>${esc(track.title)}</itunes:title>
<itunes:duration>${Math.round(track.durationMs / 1000)}</itunes:duration>
<itunes:episode>${c.i + 1}</itunes:episode>
<itunes:episodeType>full</itunes:episodeType>
<itunes:explicit>false</itunes:explicit>${chapters}
</item>`;
}

function newestTime(facts: Map<string, FileFacts>): Date | undefined {
  const times = [...facts.values()].flatMap((f) => (f.mtime ? [f.mtime.getTime()] : []));
  // Whole seconds: RSS dates have no milliseconds, and this keeps the feed's bytes stable.
  return times.length ? new Date(Math.floor(Math.max(...times) / 1000) * 1000) : undefined;
}

/** Writes `outDir/feed.xml` atomically (sizes and dates from the manifest or the files); rewrites only on change. */
export async function writeFeed(manifest: Manifest, outDir: string, options: FeedOptions): Promise<WrittenFile> {
  const facts = await readFileFacts(manifest.tracks, outDir);
  const xml = renderFeed(manifest, options, facts);
  const path = join(outDir, "feed.xml");
  return { path, changed: await writeFileAtomicIfChanged(path, xml) };
}

/** Writes one Podcasting 2.0 chapters file per track with chapters (`quick.chapters.json`), for podcast:chapters. */
export async function writeChaptersJson(manifest: Manifest, outDir: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const track of manifest.tracks) {
    const doc = {
      version: "1.2.0",
      chapters: track.chapters.map((c) => ({ startTime: c.startMs / 1000, endTime: c.endMs / 1000, title: c.title })),
    };
    const path = join(outDir, chaptersFileFor(track));
    written.push({ path, changed: await writeFileAtomicIfChanged(path, `${JSON.stringify(doc, null, 2)}\n`) });
  }
  return written;
}
