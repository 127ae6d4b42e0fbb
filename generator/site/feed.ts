// The podcast feed (feed.xml): RSS 2.0 with Apple's itunes tags and enclosures, so every session can be
// followed in any podcast app. Deterministic: the same manifest and files give the same bytes.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";
import { formatClock } from "../../content/clock.js";
import { escapeXml as esc } from "../../content/xml.js";
import { fileHref, readFileFacts, type FileFacts } from "./format.js";
import { publishOrder, type Manifest, type Track } from "../../content/manifest.js";
import { SAFETY_POINTS } from "./page.js";
import { PRODUCT_NAME } from "../../content/facts.js";
import { sessionAnchor } from "./page-session.js";

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
  /** Stable guid prefix; an item's guid is `${guidPrefix}:${file stem}` (`…:routine-quick-gentle`), so re-renders are not new episodes. */
  guidPrefix?: string;
  /** Date of items without a manifest `publishedAt`; default the newest MP3's modification time (stable across no-op renders). */
  pubDate?: Date;
  /** The channel's podcast:guid; default the Podcasting 2.0 UUIDv5 of the feed URL (set it to keep the old one after a move). */
  podcastGuid?: string;
  /** Link Podcasting 2.0 chapters files (`<file stem>.chapters.json`, written by writeChaptersJson). */
  podcastChapters?: boolean;
}

export const DEFAULT_FEED_TITLE = PRODUCT_NAME;
const DEFAULT_DESCRIPTION =
  "Guided audio sessions for ten gentle upper back exercises: whole routines and single exercises, with chapters. " +
  "Not a substitute for professional medical advice. Stop if it hurts.";

/** The URL of a file below the base URL; throws a clear error for a base URL that is not absolute http(s). */
function publicUrl(baseUrl: string, file: string): string {
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
function chaptersFileFor(track: Track): string {
  return fileStem(track.file) + ".chapters.json";
}

// A track file's name without folder-independent extension: `routine-quick-gentle.mp3` → `routine-quick-gentle`.
function fileStem(file: string): string {
  return file.replace(/\.[^./]+$/, "");
}

// How many paces of each (kind, id) the feed carries: one pace keeps the plain title.
function countPaces(tracks: Track[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tracks) counts.set(`${t.kind}:${t.id}`, (counts.get(`${t.kind}:${t.id}`) ?? 0) + 1);
  return counts;
}

/** The Podcasting 2.0 podcast:guid of a feed URL: UUIDv5 in the "podcast" namespace of the URL without scheme and trailing slashes. */
export function podcastGuidFor(feedUrl: string): string {
  const name = feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
  const namespace = Buffer.from(PODCAST_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace UUID the Podcasting 2.0 guid tag fixes for podcast:guid. */
const PODCAST_NAMESPACE = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6";

/** An episode's title: the track's, with its pace when the feed carries several paces of it. */
function episodeTitle(track: Track, paces: number): string {
  return paces > 1 && track.pace ? `${track.title} (${track.pace} pace)` : track.title;
}

/** Renders the feed (pure); `facts` gives each track's byte size (required by Apple) and file time, by file. */
export function renderFeed(manifest: Manifest, options: FeedOptions, facts: Map<string, FileFacts>): string {
  const base = options.baseUrl;
  const title = options.title ?? DEFAULT_FEED_TITLE;
  const author = options.author ?? title;
  const owner = options.owner ?? { name: author };
  const pageUrl = options.pageUrl ?? publicUrl(base, "index.html");
  const artworkUrl = options.artworkUrl ?? publicUrl(base, "artwork.png");
  const tracks = publishOrder(manifest);
  const fallbackDate = options.pubDate ?? newestTime(facts) ?? new Date(Date.UTC(2026, 0, 1));
  const paceCount = countPaces(tracks);
  const dates: Date[] = [];
  const items = tracks.map((track, i) => {
    const bytes = facts.get(track.file)?.bytes;
    if (!bytes) {
      throw new Error(
        `feed: ${track.file} (track ${track.id}): size unknown, the file is missing and the manifest has no bytes (fix: render it first)`,
      );
    }
    // The manifest keeps each track's first render; without it, newest first by one minute per step.
    const pubDate = track.publishedAt ? new Date(track.publishedAt) : new Date(fallbackDate.getTime() - i * 60_000);
    dates.push(pubDate);
    const guid = `${options.guidPrefix ?? "upper-back-routine"}:${fileStem(track.file)}`;
    return renderItem(track, { i, bytes, pubDate, base, pageUrl, guid, chapters: options.podcastChapters ?? false, title: episodeTitle(track, paceCount.get(`${track.kind}:${track.id}`) ?? 1) });
  });
  // Changes only when an episode is added or re-encoded: the newest first-publication date or MP3 time.
  const lastBuild = new Date(Math.max(fallbackDate.getTime(), ...dates.map((d) => d.getTime())));
  const feedUrl = publicUrl(base, "feed.xml");
  const email = owner.email ? `<itunes:email>${esc(owner.email)}</itunes:email>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(title)}</title>
<link>${esc(pageUrl)}</link>
<atom:link href="${esc(feedUrl)}" rel="self" type="application/rss+xml"/>
<description>${esc(options.description ?? DEFAULT_DESCRIPTION)}</description>
<language>${esc(options.language ?? "en")}</language>
<lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
<generator>upper-back render</generator>
<image><url>${esc(artworkUrl)}</url><title>${esc(title)}</title><link>${esc(pageUrl)}</link></image>
<itunes:image href="${esc(artworkUrl)}"/>
<itunes:author>${esc(author)}</itunes:author>
<itunes:owner><itunes:name>${esc(owner.name)}</itunes:name>${email}</itunes:owner>
<itunes:category text="Health &amp; Fitness"><itunes:category text="Fitness"/></itunes:category>
<itunes:explicit>false</itunes:explicit>
<itunes:type>episodic</itunes:type>
<podcast:guid>${esc(options.podcastGuid ?? podcastGuidFor(feedUrl))}</podcast:guid>
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
  title: string;
}

function renderItem(track: Track, c: ItemContext): string {
  const chapterLines = track.chapters.length > 1 ? ["Chapters:", ...track.chapters.map((ch) => `${formatClock(ch.startMs)} ${ch.title}`)] : [];
  const description = [track.description ?? "", ...chapterLines, SAFETY_POINTS[0], SAFETY_POINTS[1]].filter(Boolean).join("\n");
  const chapters = c.chapters
    ? `\n<podcast:chapters url="${esc(publicUrl(c.base, chaptersFileFor(track)))}" type="application/json+chapters"/>`
    : "";
  const transcript = track.transcript ? `\n<podcast:transcript url="${esc(publicUrl(c.base, track.transcript))}" type="text/vtt"/>` : "";
  return `<item>
<title>${esc(c.title)}</title>
<description>${esc(description)}</description>
<link>${esc(c.pageUrl)}#${esc(sessionAnchor(track))}</link>
<guid isPermaLink="false">${esc(c.guid)}</guid>
<pubDate>${c.pubDate.toUTCString()}</pubDate>
<enclosure url="${esc(publicUrl(c.base, track.file))}" length="${c.bytes}" type="audio/mpeg"/>
<itunes:title>${esc(c.title)}</itunes:title>
<itunes:duration>${Math.round(track.durationMs / 1000)}</itunes:duration>
<itunes:episode>${c.i + 1}</itunes:episode>
<itunes:episodeType>full</itunes:episodeType>
<itunes:explicit>false</itunes:explicit>${chapters}${transcript}
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
