// The real download page in Debian's Chromium over HTTP on loopback, with real MP3s: a session plays,
// chapter links seek (click and keyboard), and without JavaScript the fragments and the download link work.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SETUP_TIMEOUT_MS, startPageFixture, type PageFixture } from "./page-fixture.js";

let fx: PageFixture;
beforeAll(async () => {
  fx = await startPageFixture();
}, SETUP_TIMEOUT_MS);
afterAll(() => fx?.close());

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
    const page = await fx.openPage();
    const playing = waitForPlaybackPast(page, "session-routine-quick-standard-audio", 0.5);
    await page.evaluate(() => (document.getElementById("session-routine-quick-standard-audio") as HTMLAudioElement).play());
    expect(await playing).toBeGreaterThan(0.5);
    await page.context().close();
  });

  it("seeks to a chapter's start when its link is clicked, and plays from there", async () => {
    const page = await fx.openPage();
    const link = page.locator('#session-routine-quick-standard a[data-start="12"]');
    expect(await link.getAttribute("href")).toBe("routine-quick.mp3#t=12");
    const played = waitForSeekAndPlay(page, "session-routine-quick-standard-audio", 12);
    await link.click();
    const { seekedAt, playingAt } = await played;
    expect(seekedAt).toBeCloseTo(12, 0);
    expect(playingAt).toBeGreaterThan(seekedAt);
    await expect.poll(() => link.getAttribute("aria-current")).toBe("true");
    expect(page.url()).toBe(`${fx.server.url}/index.html`);
    await page.context().close();
  });

  it("seeks from the keyboard: Enter on a focused chapter link", async () => {
    const page = await fx.openPage();
    const link = page.locator('#session-routine-quick-standard a[data-start="12"]');
    const played = waitForSeekAndPlay(page, "session-routine-quick-standard-audio", 12);
    await link.focus();
    const outline = await link.evaluate((a) => getComputedStyle(a).outlineStyle + " " + getComputedStyle(a).outlineWidth);
    expect(outline).toBe("solid 3px");
    await page.keyboard.press("Enter");
    expect((await played).seekedAt).toBeCloseTo(12, 0);
    await page.context().close();
  });

  it("without JavaScript a chapter link opens the MP3 at the chapter (media fragment)", async () => {
    const page = await fx.openPage({ javaScriptEnabled: false });
    await page.locator('#session-routine-quick-standard a[data-start="12"]').click();
    await page.waitForURL(`${fx.server.url}/routine-quick.mp3#t=12`);
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

describe("download without JavaScript", () => {
  it("the download link saves the whole MP3 under its own name", async () => {
    const page = await fx.openPage({ javaScriptEnabled: false });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#session-routine-quick-standard a.download").click()]);
    expect(download.suggestedFilename()).toBe("routine-quick.mp3");
    const saved = join(fx.dir, "downloaded.mp3");
    await download.saveAs(saved);
    expect((await stat(saved)).size).toBe((await stat(join(fx.dir, "routine-quick.mp3"))).size);
    await page.context().close();
  });
});


describe("download page on a phone (390×844)", () => {
  it("plays the quick routine from the first screen: its player is visible without scrolling", async () => {
    const page = await fx.openPage();
    const player = page.locator("#session-routine-quick-standard-audio");
    expect(await player.isVisible()).toBe(true);
    const box = (await player.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await page.context().close();
  });

  it("lists routines shortest first, then single exercises in the default routine's order (not alphabetical)", async () => {
    const page = await fx.openPage();
    expect(await page.locator("h3").allTextContents()).toEqual(["Quick routine", "Upper back routine", "Neck rotation", "Child's pose & rest"]);
    await page.context().close();
  });

  it("shows each card's position and equipment from the catalogue", async () => {
    const page = await fx.openPage();
    expect(await page.locator("#session-exercise-childs-pose .about").textContent()).toBe("Kneeling · Needs a mat");
    expect(await page.locator("#session-exercise-neck-rotation .about").textContent()).toBe("Seated or standing · No equipment");
    await page.context().close();
  });

  it("switches pace without JavaScript: one pace's player at a time, each with its own length", async () => {
    const page = await fx.openPage({ javaScriptEnabled: false });
    const card = page.locator("#session-routine-quick");
    const visiblePaces = () => card.locator(".pace-panel:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-pace")));
    expect(await visiblePaces()).toEqual(["standard"]);
    await card.locator("label", { hasText: "Gentle" }).click();
    expect(await visiblePaces()).toEqual(["gentle"]);
    expect(await card.locator(".pace-panel:visible .meta time").textContent()).toBe("30 s");
    expect(await card.locator(".pace-panel:visible audio").getAttribute("src")).toBe("routine-quick-gentle.mp3");
    await page.context().close();
  });

  it("pauses the card's player when another pace is chosen", async () => {
    const page = await fx.openPage();
    const playing = waitForPlaybackPast(page, "session-routine-quick-standard-audio", 0.3);
    await page.evaluate(() => (document.getElementById("session-routine-quick-standard-audio") as HTMLAudioElement).play());
    await playing;
    await page.locator("#session-routine-quick label", { hasText: "Deeper" }).click();
    expect(await page.evaluate(() => (document.getElementById("session-routine-quick-standard-audio") as HTMLAudioElement).paused)).toBe(true);
    await page.context().close();
  });

  it("expands a card to its steps: the transcript, with the holds between", async () => {
    const page = await fx.openPage();
    const steps = page.locator("#session-routine-quick-standard details.steps");
    expect(await steps.locator("ol").isVisible()).toBe(false);
    await steps.locator("summary").click();
    expect(await steps.locator("li").allTextContents()).toEqual([
      "Welcome. Stop if anything hurts.",
      "Neck rotation: turn your head slowly to the right. (hold 6 s)",
      "Child's pose & rest. (pause 6 s)",
    ]);
    await page.context().close();
  });

  it("tells podcast listeners to switch off skip-silence", async () => {
    const page = await fx.openPage();
    expect(await page.locator(".tip").textContent()).toMatch(/Switch off skip-silence \(Overcast Smart Speed, Pocket Casts Trim Silence/);
    await page.context().close();
  });
});
