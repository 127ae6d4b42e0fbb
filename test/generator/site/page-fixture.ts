// Shared set-up of the browser tests: Debian's Chromium (installed by scripts/ensure-chromium.sh when
// missing), real MP3s made by ffmpeg, the real page written by writeIndexHtml, served over HTTP on loopback.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import type { Manifest } from "../../../content/manifest.js";
import { writeIndexHtml } from "../../../generator/site/page.js";
import { serveStatic, type StaticServer } from "./serve-static.js";
import { writeToneMp3 } from "./tone-mp3.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ensureChromium = fileURLToPath(new URL("../../../scripts/ensure-chromium.sh", import.meta.url));

/** Generous: on a fresh machine the first run installs Chromium with apt-get. */
export const SETUP_TIMEOUT_MS = 900_000;

export const pageManifest: Manifest = {
  tracks: [
    {
      id: "childs-pose", kind: "exercise", title: "Child's pose & rest", file: "childs-pose.mp3", durationMs: 8_000, pace: "standard",
      description: "Kneel, sit back on your heels & <breathe>.",
      chapters: [{ id: "childs-pose", title: "Child's pose", startMs: 0, endMs: 8_000 }],
      segments: [{ type: "pause", startMs: 0, endMs: 8_000, purpose: "hold" }],
    },
    {
      id: "quick", kind: "routine", title: "Quick routine", file: "quick.mp3", durationMs: 20_000, pace: "standard",
      description: "Two gentle exercises for a short break at your desk.",
      chapters: [
        { id: "neck-rotation", title: "Neck rotation", startMs: 0, endMs: 12_000 },
        { id: "childs-pose", title: "Child's pose", startMs: 12_000, endMs: 20_000 },
      ],
      segments: [
        { type: "speech", startMs: 0, endMs: 12_000, text: "Neck rotation." },
        { type: "speech", startMs: 12_000, endMs: 20_000, text: "Child's pose." },
      ],
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
  await writeToneMp3(join(dir, "quick.mp3"), 20);
  await writeToneMp3(join(dir, "childs-pose.mp3"), 8, 330);
  await writeIndexHtml(pageManifest, dir);
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
