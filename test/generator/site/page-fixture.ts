// Shared set-up of the browser tests: Debian's Chromium (installed by scripts/ensure-chromium.sh when
// missing), real MP3s made by ffmpeg, the real page written by writeIndexHtml, served over HTTP on loopback.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { loadCatalog } from "../../../content/load.js";
import type { Manifest, Track } from "../../../content/manifest.js";
import { writeIndexHtml } from "../../../generator/site/page.js";
import { serveStatic, type StaticServer } from "./serve-static.js";
import { writeToneMp3 } from "./tone-mp3.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ensureChromium = fileURLToPath(new URL("../../../scripts/ensure-chromium.sh", import.meta.url));

/** Generous: on a fresh machine the first run installs Chromium with apt-get. */
export const SETUP_TIMEOUT_MS = 900_000;

// Paces change length: gentle is longer, deeper a little longer than standard.
const PACE_SCALE = { gentle: 1.5, standard: 1, deeper: 1.25 } as const;
type Pace = keyof typeof PACE_SCALE;
const fileFor = (kind: string, id: string, pace: Pace) => `${kind}-${id}${pace === "standard" ? "" : `-${pace}`}.mp3`;

function quickAt(pace: Pace): Track {
  const s = PACE_SCALE[pace];
  return {
    id: "quick", kind: "routine", title: "Quick routine", file: fileFor("routine", "quick", pace), pace, durationMs: 20_000 * s,
    description: "Two gentle exercises for a short break at your desk.",
    chapters: [
      { id: "introduction", title: "Introduction", startMs: 0, endMs: 4_000 * s },
      { id: "neck-rotation", title: "Neck rotation", startMs: 4_000 * s, endMs: 12_000 * s },
      { id: "childs-pose", title: "Child's pose", startMs: 12_000 * s, endMs: 20_000 * s },
    ],
    segments: [
      { type: "speech", startMs: 0, endMs: 3_000, text: "Welcome. Stop if anything hurts." },
      { type: "speech", startMs: 4_000 * s, endMs: 4_000 * s + 2_000, text: "Neck rotation: turn your head slowly to the right." },
      { type: "pause", startMs: 4_000 * s + 2_000, endMs: 12_000 * s, purpose: "hold" },
      { type: "speech", startMs: 12_000 * s, endMs: 12_000 * s + 2_000, text: "Child's pose & rest." },
    ],
  };
}

function childsPoseAt(pace: Pace): Track {
  const s = PACE_SCALE[pace];
  return {
    id: "childs-pose", kind: "exercise", title: "Child's pose & rest", file: fileFor("exercise", "childs-pose", pace), pace, durationMs: 8_000 * s,
    description: "Kneel, sit back on your heels & <breathe>.",
    chapters: [{ id: "childs-pose", title: "Child's pose", startMs: 0, endMs: 8_000 * s }],
    segments: [
      { type: "speech", startMs: 0, endMs: 1_500, text: "Kneel & sit back on your heels." },
      { type: "pause", startMs: 1_500, endMs: 8_000 * s, purpose: "hold" },
    ],
  };
}

/**
 * A catalogue-shaped manifest in the order a render writes it (default routine first, exercises alphabetical):
 * the quick routine and child's pose at all three paces, the long default routine and neck rotation at standard only.
 */
export const pageManifest: Manifest = {
  tracks: [
    {
      id: "upper-back", kind: "routine", title: "Upper back routine", file: "routine-upper-back.mp3", pace: "standard", durationMs: 30_000,
      description: "All ten exercises, seated, then standing, then on the floor.",
      chapters: [{ id: "introduction", title: "Introduction", startMs: 0, endMs: 30_000 }],
      segments: [{ type: "speech", startMs: 0, endMs: 2_000, text: "Welcome to the full routine." }],
    },
    ...(["gentle", "standard", "deeper"] as const).map(quickAt),
    ...(["gentle", "standard", "deeper"] as const).map(childsPoseAt),
    {
      id: "neck-rotation", kind: "exercise", title: "Neck rotation", file: "exercise-neck-rotation.mp3", pace: "standard", durationMs: 6_000,
      description: "Turn your head slowly from side to side.",
      chapters: [{ id: "neck-rotation", title: "Neck rotation", startMs: 0, endMs: 6_000 }],
      segments: [{ type: "speech", startMs: 0, endMs: 2_000, text: "Turn your head to the right." }],
    },
  ],
};

export interface PageFixture {
  dir: string;
  server: StaticServer;
  browser: Browser;
  /** A new context (phone-sized unless overridden) with the page loaded. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Installs Chromium if needed, renders the MP3s and the page, serves them and launches the browser. */
export async function startPageFixture(): Promise<PageFixture> {
  await promisify(execFile)("bash", [ensureChromium], { env: { ...process.env, CHROMIUM_PATH: CHROMIUM }, maxBuffer: 64 << 20 });
  const dir = await mkdtemp(join(tmpdir(), "publish-page-"));
  for (const track of pageManifest.tracks) await writeToneMp3(join(dir, track.file), track.durationMs / 1000, track.kind === "routine" ? 440 : 330);
  await writeIndexHtml(pageManifest, dir, { catalog: loadCatalog() });
  const server = await serveStatic(dir);
  // Playwright's launch gives Chromium a fresh, empty --user-data-dir of its own (and removes it on close).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
  return {
    dir,
    server,
    browser,
    async openPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
      const page = await context.newPage();
      await page.goto(`${server.url}/index.html`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
