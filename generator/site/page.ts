// The download page (index.html): every session with its paces, a player, its length, steps, chapters that
// seek, a plain download link, and the safety note. Static, self-contained, and usable without JavaScript.
import { join } from "node:path";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";
import { readFileFacts } from "./format.js";
import type { Catalog } from "../../content/load.js";
import { escapeXml as esc } from "../../content/xml.js";
import { publishOrder, type Manifest, type Track } from "../../content/manifest.js";
import { PAGE_CSS, PAGE_SCRIPT } from "./page-assets.js";
import { PRODUCT_NAME } from "../../content/facts.js";
import { defaultTrack, PACE_ORDER, paceOf, renderSession, type SessionGroup } from "./page-session.js";
import { exerciseOrder, sessionFactsFrom } from "./session-facts.js";

export interface PageOptions {
  /** Page title and main heading. */
  title?: string;
  /** One sentence under the heading. */
  lede?: string;
  /** BCP 47 language of the page. */
  lang?: string;
  /** Link to the podcast feed, relative to the page; `null` leaves it out. */
  feedHref?: string | null;
  /** The content: each card's position and equipment, and single exercises in the default routine's order. */
  catalog?: Catalog;
}

const DEFAULT_PAGE_TITLE = PRODUCT_NAME;
const DEFAULT_LEDE = "Ten gentle upper back exercises, guided by voice: play, download or subscribe.";

/** The safety points every listing of the sessions carries (page and feed). */
export const SAFETY_POINTS = [
  "Move slowly and gently. Stop if it hurts: mild stretching is fine, pain is not.",
  "These sessions are not a substitute for professional medical advice, diagnosis or treatment.",
  "If you have neck or shoulder pain, skip neck rotation and any movement that turns your neck.",
  "Talk to a doctor or physiotherapist before you start if you are pregnant, injured or recovering from surgery.",
] as const;

/** Per-track file size, when known; the page leaves the size out rather than guess. */
export type SizeLookup = (track: Track) => number | undefined;

/** The tip that keeps the holds: players' silence skipping would cut them. */
const SKIP_SILENCE_TIP =
  "Listening in a podcast app? Switch off skip-silence (Overcast Smart Speed, Pocket Casts Trim Silence and the like): it would cut the holds short.";

/**
 * Groups tracks by (kind, id) with their paces in PACE_ORDER. Routines come shortest first, so the quick one
 * plays from the first screen of a phone; exercises follow the default routine's order when the catalogue is known.
 */
function sessionGroups(manifest: Manifest, exerciseIds?: readonly string[]): SessionGroup[] {
  const groups = new Map<string, SessionGroup>();
  for (const track of publishOrder(manifest)) {
    const key = `${track.kind}:${track.id}`;
    const group = groups.get(key) ?? { kind: track.kind, id: track.id, tracks: [] };
    group.tracks.push(track);
    groups.set(key, group);
  }
  const paceRank = (t: Track) => {
    const i = (PACE_ORDER as readonly string[]).indexOf(paceOf(t));
    return i < 0 ? PACE_ORDER.length : i;
  };
  const all = [...groups.values()];
  for (const group of all) group.tracks.sort((a, b) => paceRank(a) - paceRank(b));
  const routines = all.filter((g) => g.kind === "routine").sort((a, b) => defaultTrack(a).durationMs - defaultTrack(b).durationMs);
  const rank = (g: SessionGroup) => {
    const i = exerciseIds?.indexOf(g.id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const exercises = all.filter((g) => g.kind === "exercise").sort((a, b) => rank(a) - rank(b));
  return [...routines, ...exercises];
}

// Hides the panels of the paces not chosen, per pace the page offers (browsers without :has show them all).
function paceCss(groups: SessionGroup[]): string {
  const paces = [...new Set(groups.flatMap((g) => g.tracks.map(paceOf)))].filter((p) => /^[a-z0-9-]+$/.test(p));
  return paces.map((p) => `.session:has(.paces input[value="${p}"]:checked) .pace-panel:not([data-pace="${p}"]){display:none}`).join("\n");
}

/** Renders the page as a string (pure): routines first, then exercises; all text escaped once. */
function renderIndexHtml(manifest: Manifest, options: PageOptions = {}, sizeOf: SizeLookup = (t) => t.bytes): string {
  const title = options.title ?? DEFAULT_PAGE_TITLE;
  const feedHref = options.feedHref === undefined ? "feed.xml" : options.feedHref;
  const facts = options.catalog ? sessionFactsFrom(options.catalog) : () => undefined;
  const groups = sessionGroups(manifest, options.catalog && exerciseOrder(options.catalog));
  const routines = groups.filter((g) => g.kind === "routine");
  const exercises = groups.filter((g) => g.kind === "exercise");
  const card = (g: SessionGroup) => renderSession(g, facts(g.kind, g.id), sizeOf);
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
<style>${PAGE_CSS}${paceCss(groups)}</style>
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
${renderGroup("routines", "Routines", routines.map(card), "ul")}
<p class="tip">${esc(SKIP_SILENCE_TIP)}</p>
${renderGroup("exercises", "Single exercises", exercises.map(card), "ol")}
</main>
<footer><div class="wrap">
${feedFooter}
<p>${sessionCount(groups)}. Each MP3 carries chapters, so players that show chapters can skip between exercises.</p>
</div></footer>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function sessionCount(groups: SessionGroup[]): string {
  const tracks = groups.reduce((n, g) => n + g.tracks.length, 0);
  const sessions = groups.length === 1 ? "1 session" : `${groups.length} sessions`;
  return tracks > groups.length ? `${sessions} in ${tracks} recordings (one per pace)` : sessions;
}

// Exercises are an ordered list: the order is the default routine's, and the number is the place in it.
function renderGroup(id: string, heading: string, cards: string[], list: "ul" | "ol"): string {
  if (cards.length === 0) return "";
  return `<section aria-labelledby="${id}-title">
<h2 id="${id}-title">${esc(heading)}</h2>
<${list} class="sessions">
${cards.map((c) => `<li>${c}</li>`).join("\n")}
</${list}>
</section>`;
}

/** Writes `outDir/index.html` atomically (file sizes from the manifest or from disk); rewrites only on change. */
export async function writeIndexHtml(manifest: Manifest, outDir: string, options: PageOptions = {}): Promise<WrittenFile> {
  const facts = await readFileFacts(manifest.tracks, outDir);
  const html = renderIndexHtml(manifest, options, (t) => facts.get(t.file)?.bytes);
  const path = join(outDir, "index.html");
  return { path, changed: await writeFileAtomicIfChanged(path, html) };
}
