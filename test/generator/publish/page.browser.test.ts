// Opens the real download page in Debian's Chromium (installed by scripts/ensure-chromium.sh when missing),
// served over HTTP on loopback with real MP3s made by ffmpeg: a session plays and chapter links seek.
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../../generator/publish/manifest.js";
import { writeIndexHtml } from "../../../generator/publish/page.js";
import { serveStatic, type StaticServer } from "./serve-static.js";
import { writeToneMp3 } from "./tone-mp3.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ensureChromium = fileURLToPath(new URL("../../../scripts/ensure-chromium.sh", import.meta.url));

const manifest: Manifest = {
  tracks: [
    {
      id: "childs-pose", kind: "exercise", title: "Child's pose & rest", file: "childs-pose.mp3", durationMs: 8_000,
      description: "Kneel, sit back on your heels & <breathe>.",
      chapters: [{ id: "childs-pose", title: "Child's pose", startMs: 0, endMs: 8_000 }],
      segments: [{ type: "pause", startMs: 0, endMs: 8_000, purpose: "hold" }],
    },
    {
      id: "quick", kind: "routine", title: "Quick routine", file: "quick.mp3", durationMs: 20_000,
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

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await promisify(execFile)("bash", [ensureChromium], { env: { ...process.env, CHROMIUM_PATH: CHROMIUM }, maxBuffer: 64 << 20 });
  dir = await mkdtemp(join(tmpdir(), "publish-page-"));
  await writeToneMp3(join(dir, "quick.mp3"), 20);
  await writeToneMp3(join(dir, "childs-pose.mp3"), 8, 330);
  await writeIndexHtml(manifest, dir);
  server = await serveStatic(dir);
  // Playwright's launch gives Chromium a fresh, empty --user-data-dir of its own (and removes it on close).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}/index.html`);
  return page;
}

// Resolves in the page once the audio's currentTime passes `after` while playing (no sleeps: the media events).
function waitForPlaybackPast(page: Page, audioId: string, after: number): Promise<number> {
  return page.evaluate(
    ([id, t]) =>
      new Promise<number>((resolve, reject) => {
        const audio = document.getElementById(id) as HTMLAudioElement;
        const check = () => {
          if (!audio.paused && audio.currentTime > t) {
            audio.removeEventListener("timeupdate", check);
            resolve(audio.currentTime);
          }
        };
        audio.addEventListener("timeupdate", check);
        audio.addEventListener("error", () => reject(new Error(`media error ${audio.error?.code}: ${audio.error?.message}`)));
        check();
      }),
    [audioId, after] as const,
  );
}

// Resolves with where playback is once it has seeked to `target` and advanced past it; rejects at once if
// the player plays from elsewhere instead (the click did not seek).
function waitForSeekAndPlay(page: Page, audioId: string, target: number): Promise<{ seekedAt: number; playingAt: number }> {
  return page.evaluate(
    ([id, t]) =>
      new Promise<{ seekedAt: number; playingAt: number }>((resolve, reject) => {
        const audio = document.getElementById(id) as HTMLAudioElement;
        let seekedAt: number | undefined;
        audio.addEventListener("seeked", () => (seekedAt ??= audio.currentTime));
        audio.addEventListener("timeupdate", () => {
          if (audio.paused || audio.seeking) return;
          if (Math.abs(audio.currentTime - t) > 2) reject(new Error(`playing at ${audio.currentTime} s, not at the chapter (${t} s)`));
          else if (seekedAt !== undefined && audio.currentTime > seekedAt) resolve({ seekedAt, playingAt: audio.currentTime });
        });
      }),
    [audioId, target] as const,
  );
}

describe("download page in Chromium", () => {
  it("plays a session: currentTime advances", async () => {
    const page = await openPage();
    const playing = waitForPlaybackPast(page, "session-quick-audio", 0.5);
    await page.evaluate(() => (document.getElementById("session-quick-audio") as HTMLAudioElement).play());
    expect(await playing).toBeGreaterThan(0.5);
    await page.context().close();
  });

  it("seeks to a chapter's start when its link is clicked, and plays from there", async () => {
    const page = await openPage();
    const link = page.locator('#session-quick a[data-start="12"]');
    expect(await link.getAttribute("href")).toBe("quick.mp3#t=12");
    const played = waitForSeekAndPlay(page, "session-quick-audio", 12);
    await link.click();
    const { seekedAt, playingAt } = await played;
    expect(seekedAt).toBeCloseTo(12, 0);
    expect(playingAt).toBeGreaterThan(seekedAt);
    await expect.poll(() => link.getAttribute("aria-current")).toBe("true");
    expect(page.url()).toBe(`${server.url}/index.html`);
    await page.context().close();
  });

  it("seeks from the keyboard: Enter on a focused chapter link", async () => {
    const page = await openPage();
    const link = page.locator('#session-quick a[data-start="12"]');
    const played = waitForSeekAndPlay(page, "session-quick-audio", 12);
    await link.focus();
    const outline = await link.evaluate((a) => getComputedStyle(a).outlineStyle + " " + getComputedStyle(a).outlineWidth);
    expect(outline).toBe("solid 3px");
    await page.keyboard.press("Enter");
    expect((await played).seekedAt).toBeCloseTo(12, 0);
    await page.context().close();
  });

  it("without JavaScript a chapter link opens the MP3 at the chapter (media fragment)", async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.locator('#session-quick a[data-start="12"]').click();
    await page.waitForURL(`${server.url}/quick.mp3#t=12`);
    // Chromium's media document plays the file itself; its element starts at the fragment's time.
    const start = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const media = document.querySelector("video, audio") as HTMLMediaElement;
          if (media.readyState >= 1) resolve(media.currentTime);
          else media.addEventListener("loadedmetadata", () => resolve(media.currentTime), { once: true });
        }),
    );
    expect(start).toBeCloseTo(12, 0);
    await page.context().close();
  });
});

// The accessible name Chromium itself computes for an element (what a screen reader announces).
async function accessibleName(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const { result } = await cdp.send("Runtime.evaluate", { expression: `document.querySelector(${JSON.stringify(selector)})` });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { objectId: result.objectId, fetchRelatives: false });
  await cdp.detach();
  return String(nodes[0]?.name?.value ?? "");
}

// WCAG contrast ratio of each selected element's text against the first opaque background behind it.
function contrastRatios(page: Page, selectors: string[]): Promise<Record<string, number>> {
  return page.evaluate((list) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const out: Record<string, number> = {};
    for (const sel of list) {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no element for ${sel}`);
      let bg: Element | null = el;
      while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] ?? 1) === 0) bg = bg.parentElement;
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(getComputedStyle(bg ?? document.body).backgroundColor))];
      out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
    return out;
  }, selectors);
}

describe("download page accessibility", () => {
  it("has a language, one main landmark, a banner and a contentinfo", async () => {
    const page = await openPage();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("main").count()).toBe(1);
    expect(await page.getByRole("banner").count()).toBe(1);
    expect(await page.getByRole("contentinfo").count()).toBe(1);
    expect(await page.getByRole("navigation", { name: "On this page" }).getByRole("link").allTextContents()).toEqual([
      "Routines", "Exercises", "Podcast feed",
    ]);
    await page.context().close();
  });

  it("orders headings without skipping levels, routines before exercises", async () => {
    const page = await openPage();
    const headings = await page.$$eval("h1, h2, h3, h4, h5, h6", (els) => els.map((h) => [Number(h.tagName[1]), h.textContent ?? ""] as const));
    expect(headings.filter(([level]) => level === 1)).toHaveLength(1);
    expect(headings[0]![0]).toBe(1);
    headings.slice(1).forEach(([level], i) => expect(level).toBeLessThanOrEqual(headings[i]![0] + 1));
    const h2s = headings.filter(([level]) => level === 2).map(([, text]) => text);
    expect(h2s).toEqual(["Before you start", "Routines", "Single exercises"]);
    await page.context().close();
  });

  it("gives every player, chapter list and download link an accessible name that says which session", async () => {
    const page = await openPage();
    expect(await accessibleName(page, "#session-quick-audio")).toBe("Quick routine");
    expect(await accessibleName(page, "#session-childs-pose-audio")).toBe("Child's pose & rest");
    expect(await accessibleName(page, "#session-quick ol.chapters")).toBe("Chapters");
    expect(await accessibleName(page, "#session-quick a.download")).toMatch(/^Download MP3 \(\d+ kB\): Quick routine$/);
    await page.context().close();
  });

  it("shows the safety note before the sessions, with every point", async () => {
    const page = await openPage();
    const safety = page.getByRole("region", { name: "Before you start" });
    const text = (await safety.textContent()) ?? "";
    for (const point of ["Stop if it hurts", "not a substitute for professional medical advice", "neck or shoulder pain, skip neck rotation", "pregnant, injured"]) {
      expect(text).toContain(point);
    }
    const safetyFirst = await page.evaluate(() => {
      const note = document.querySelector(".safety")!;
      const firstSession = document.querySelector(".session")!;
      return Boolean(note.compareDocumentPosition(firstSession) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(safetyFirst).toBe(true);
    await page.context().close();
  });

  it("shows titles and descriptions as text, escaped once", async () => {
    const page = await openPage();
    expect(await page.locator("#session-childs-pose-title").textContent()).toBe("Child's pose & rest");
    expect(await page.locator("#session-childs-pose .desc").textContent()).toBe("Kneel, sit back on your heels & <breathe>.");
    expect(await page.locator("breathe").count()).toBe(0);
    await page.context().close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`keeps text contrast at WCAG AA (4.5:1) or better in the ${colorScheme} scheme`, async () => {
      const page = await openPage();
      await page.emulateMedia({ colorScheme });
      const ratios = await contrastRatios(page, [
        "h1", ".lede", ".jump a", ".safety li", "h3", ".meta", ".desc", ".chapters .ch-title", ".chapters .ch-time", ".download", "footer p", "footer a",
      ]);
      for (const [selector, ratio] of Object.entries(ratios)) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    });
  }

  it("turns smooth scrolling off for people who ask for reduced motion", async () => {
    const page = await openPage();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("smooth");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    await page.context().close();
  });

  it("fits a phone screen without sideways scrolling (screenshot kept outside the repo)", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const shots = join(tmpdir(), "upper-back-publish");
    await mkdir(shots, { recursive: true });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(shots, `page-phone-${scheme}.png`), fullPage: true });
    }
    console.info(`phone screenshots: ${shots}/page-phone-{light,dark}.png`);
    await context.close();
  });
});
