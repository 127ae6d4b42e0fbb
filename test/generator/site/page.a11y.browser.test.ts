// Accessibility of the real download page in Debian's Chromium: names as Chromium computes them, landmarks,
// heading order, the safety note, escaping, contrast in both colour schemes, reduced motion, phone width.
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SETUP_TIMEOUT_MS, startPageFixture, type PageFixture } from "./page-fixture.js";

let fx: PageFixture;
beforeAll(async () => {
  fx = await startPageFixture();
}, SETUP_TIMEOUT_MS);
afterAll(() => fx?.close());

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
    const page = await fx.openPage();
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
    const page = await fx.openPage();
    const headings = await page.$$eval("h1, h2, h3, h4, h5, h6", (els) => els.map((h) => [Number(h.tagName[1]), h.textContent ?? ""] as const));
    expect(headings.filter(([level]) => level === 1)).toHaveLength(1);
    expect(headings[0]![0]).toBe(1);
    headings.slice(1).forEach(([level], i) => expect(level).toBeLessThanOrEqual(headings[i]![0] + 1));
    const h2s = headings.filter(([level]) => level === 2).map(([, text]) => text);
    expect(h2s).toEqual(["Before you start", "Routines", "Single exercises"]);
    await page.context().close();
  });

  it("gives every player, chapter list and download link an accessible name that says which session", async () => {
    const page = await fx.openPage();
    expect(await accessibleName(page, "#session-routine-quick-standard-audio")).toBe("Quick routine, standard pace");
    expect(await accessibleName(page, "#session-exercise-childs-pose-standard-audio")).toBe("Child's pose & rest, standard pace");
    expect(await accessibleName(page, "#session-exercise-neck-rotation-standard-audio")).toBe("Neck rotation");
    expect(await accessibleName(page, "#session-routine-quick-standard ol.chapters")).toBe("Chapters");
    expect(await accessibleName(page, "#session-routine-quick-standard a.download")).toMatch(/^Download MP3 \(\d+ kB\): Quick routine, standard pace$/);
    expect(await accessibleName(page, "#session-routine-quick fieldset.paces")).toBe("Pace");
    expect(await accessibleName(page, '#session-routine-quick input[value="gentle"]')).toMatch(/^Gentle 30 s$/);
    await page.context().close();
  });

  it("shows the safety note before the sessions, with every point", async () => {
    const page = await fx.openPage();
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
    const page = await fx.openPage();
    expect(await page.locator("#session-exercise-childs-pose-title").textContent()).toBe("Child's pose & rest");
    expect(await page.locator("#session-exercise-childs-pose .desc").textContent()).toBe("Kneel, sit back on your heels & <breathe>.");
    expect(await page.locator("breathe").count()).toBe(0);
    await page.context().close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`keeps text contrast at WCAG AA (4.5:1) or better in the ${colorScheme} scheme`, async () => {
      const page = await fx.openPage();
      await page.emulateMedia({ colorScheme });
      const ratios = await contrastRatios(page, [
        "h1", ".lede", ".jump a", ".safety li", "h3", ".meta", ".desc", ".chapters .ch-title", ".chapters .ch-time", ".download", "footer p", "footer a",
        ".tip", ".paces legend", ".paces .pace-name", ".pace-time", ".steps summary", ".steps .pause", ".transcript",
      ]);
      for (const [selector, ratio] of Object.entries(ratios)) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    });
  }

  it("turns smooth scrolling off for people who ask for reduced motion", async () => {
    const page = await fx.openPage();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("smooth");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    await page.context().close();
  });

  it("fits a phone screen without sideways scrolling (screenshot kept outside the repo)", async () => {
    const context = await fx.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${fx.server.url}/index.html`);
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
