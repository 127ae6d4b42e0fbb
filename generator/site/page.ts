// The download page (index.html): every session with a player, its length, chapters that seek, a plain
// download link, and the safety note. Static, self-contained, and usable without JavaScript.
import { join } from "node:path";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";
import {
  fileHref,
  formatBytes,
  formatDuration,
  fragmentSeconds,
  isoDuration,
  readFileFacts,
} from "./format.js";
import { formatClock } from "../../content/clock.js";
import { escapeXml as esc } from "../../content/xml.js";
import { publishOrder, type Manifest, type Track } from "../../content/manifest.js";
import { PAGE_CSS, PAGE_SCRIPT } from "./page-assets.js";
import { PRODUCT_NAME } from "../../content/facts.js";

export interface PageOptions {
  /** Page title and main heading. */
  title?: string;
  /** One sentence under the heading. */
  lede?: string;
  /** BCP 47 language of the page. */
  lang?: string;
  /** Link to the podcast feed, relative to the page; `null` leaves it out. */
  feedHref?: string | null;
}

export const DEFAULT_PAGE_TITLE = PRODUCT_NAME;
const DEFAULT_LEDE =
  "Guided audio sessions for ten gentle upper back exercises. Play them here, download the MP3s, or subscribe in a podcast app.";

/** The safety points every listing of the sessions carries (page and feed). */
export const SAFETY_POINTS = [
  "Move slowly and gently. Stop if it hurts: mild stretching is fine, pain is not.",
  "These sessions are not a substitute for professional medical advice, diagnosis or treatment.",
  "If you have neck or shoulder pain, skip neck rotation and any movement that turns your neck.",
  "Talk to a doctor or physiotherapist before you start if you are pregnant, injured or recovering from surgery.",
] as const;

/** Per-track file size, when known; the page leaves the size out rather than guess. */
export type SizeLookup = (track: Track) => number | undefined;

/** Renders the page as a string (pure): routines first, then exercises; all text escaped once. */
export function renderIndexHtml(manifest: Manifest, options: PageOptions = {}, sizeOf: SizeLookup = (t) => t.bytes): string {
  const title = options.title ?? DEFAULT_PAGE_TITLE;
  const feedHref = options.feedHref === undefined ? "feed.xml" : options.feedHref;
  const tracks = publishOrder(manifest);
  const routines = tracks.filter((t) => t.kind === "routine");
  const exercises = tracks.filter((t) => t.kind === "exercise");
  const feedLink = feedHref ? `<link rel="alternate" type="application/rss+xml" title="${esc(title)} (podcast)" href="${esc(feedHref)}">` : "";
  const feedFooter = feedHref
    ? `<p>Listen in a podcast app: copy the <a href="${esc(feedHref)}">podcast feed (RSS)</a> link into your app's "follow by URL".</p>`
    : "";
  return `<!doctype html>
<html lang="${esc(options.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — guided audio sessions</title>
<meta name="description" content="${esc(options.lede ?? DEFAULT_LEDE)}">
<meta name="color-scheme" content="light dark">
${feedLink}
<style>${PAGE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the sessions</a>
<header class="site"><div class="wrap">
<h1>${esc(title)}</h1>
<p class="lede">${esc(options.lede ?? DEFAULT_LEDE)}</p>
<nav aria-label="On this page"><ul class="jump">
${routines.length ? `<li><a href="#routines-title">Routines</a></li>` : ""}
${exercises.length ? `<li><a href="#exercises-title">Exercises</a></li>` : ""}
${feedHref ? `<li><a href="${esc(feedHref)}">Podcast feed</a></li>` : ""}
</ul></nav>
</div></header>
<main id="main" class="wrap" tabindex="-1">
<section class="safety" aria-labelledby="safety-title">
<h2 id="safety-title">Before you start</h2>
<ul>
${SAFETY_POINTS.map((point) => `<li>${esc(point)}</li>`).join("\n")}
</ul>
</section>
${renderGroup("routines", "Routines", routines, sizeOf)}
${renderGroup("exercises", "Single exercises", exercises, sizeOf)}
</main>
<footer><div class="wrap">
${feedFooter}
<p>${tracks.length === 1 ? "1 session" : `${tracks.length} sessions`}. Each MP3 carries chapters, so players that show chapters can skip between exercises.</p>
</div></footer>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function renderGroup(id: string, heading: string, tracks: Track[], sizeOf: SizeLookup): string {
  if (tracks.length === 0) return "";
  return `<section aria-labelledby="${id}-title">
<h2 id="${id}-title">${esc(heading)}</h2>
<ul class="sessions">
${tracks.map((t) => `<li>${renderSession(t, sizeOf(t))}</li>`).join("\n")}
</ul>
</section>`;
}

function renderSession(track: Track, bytes: number | undefined): string {
  const base = `session-${track.id}`;
  const href = fileHref(track.file);
  const chapterCount = track.chapters.length;
  const meta = [
    `<time datetime="${isoDuration(track.durationMs)}">${formatDuration(track.durationMs)}</time>`,
    chapterCount > 1 ? `${chapterCount} chapters` : "",
  ].filter(Boolean);
  const chapters = track.chapters
    .map(
      (c) =>
        `<li><a href="${href}#t=${fragmentSeconds(c.startMs)}" data-audio="${base}-audio" data-start="${fragmentSeconds(c.startMs)}" ` +
        `data-end="${fragmentSeconds(c.endMs)}"><span class="ch-title">${esc(c.title)}</span> ` +
        `<span class="ch-time"><span class="visually-hidden">at </span>${formatClock(c.startMs)}</span></a></li>`,
    )
    .join("\n");
  const fileName = track.file.split("/").pop() ?? track.file;
  const size = bytes ? formatBytes(bytes) : "";
  return `<article class="session" id="${base}" aria-labelledby="${base}-title">
<h3 id="${base}-title">${esc(track.title)}</h3>
<p class="meta">${meta.join(" · ")}</p>
${track.description ? `<p class="desc">${esc(track.description)}</p>` : ""}
<audio id="${base}-audio" controls preload="none" src="${href}" aria-label="${esc(track.title)}">
<a href="${href}">${esc(track.title)} (MP3)</a>
</audio>
${
  chapterCount > 1
    ? `<h4 id="${base}-chapters">Chapters</h4>
<ol class="chapters" aria-labelledby="${base}-chapters">
${chapters}
</ol>`
    : ""
}
<a class="download" href="${href}" download="${esc(fileName)}" aria-label="Download MP3${size ? ` (${size})` : ""}: ${esc(track.title)}"><span aria-hidden="true">↓</span> Download MP3${size ? ` <span class="size">(${size})</span>` : ""}</a>
</article>`;
}

/** Writes `outDir/index.html` atomically (file sizes from the manifest or from disk); rewrites only on change. */
export async function writeIndexHtml(manifest: Manifest, outDir: string, options: PageOptions = {}): Promise<WrittenFile> {
  const facts = await readFileFacts(manifest.tracks, outDir);
  const html = renderIndexHtml(manifest, options, (t) => facts.get(t.id)?.bytes);
  const path = join(outDir, "index.html");
  return { path, changed: await writeFileAtomicIfChanged(path, html) };
}
