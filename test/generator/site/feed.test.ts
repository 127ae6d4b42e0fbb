import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL, podcastGuidFor, renderFeed, writeChaptersJson, writeFeed } from "../../../generator/site/feed.js";
import { pacedManifest, sampleManifest } from "./fixtures.js";

const BASE = "https://example.org/upper-back/sessions";
const parser = new Parser({ customFields: { feed: ["language"] } });

// A folder with stand-in MP3 files of known sizes (the feed needs only their byte length and time).
async function sessionsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "feed-"));
  await writeFile(join(dir, "quick.mp3"), Buffer.alloc(123_456));
  await writeFile(join(dir, "childs-pose.mp3"), Buffer.alloc(65_432));
  return dir;
}

async function writeAndParse(options: Partial<Parameters<typeof writeFeed>[2]> = {}) {
  const dir = await sessionsDir();
  await writeFeed(sampleManifest(), dir, { baseUrl: BASE, pubDate: new Date("2026-11-24T02:00:00Z"), ...options });
  const xml = await readFile(join(dir, "feed.xml"), "utf8");
  return { dir, xml, feed: await parser.parseString(xml) };
}

describe("podcast feed", () => {
  it("parses with rss-parser and has every channel field Apple Podcasts requires", async () => {
    const { feed } = await writeAndParse({ owner: { name: "Upper Back Routine", email: "podcast@example.org" } });
    expect(feed.title).toBe("Upper Back Routine");
    expect(feed.description).toContain("Not a substitute for professional medical advice");
    expect((feed as unknown as { language: string }).language).toBe("en");
    expect(feed.link).toBe(`${BASE}/index.html`);
    expect(feed.itunes?.image).toBe(`${BASE}/artwork.png`);
    expect(feed.itunes?.categoriesWithSubs).toEqual([{ name: "Health & Fitness", subs: [{ name: "Fitness" }] }]);
    expect(feed.itunes?.explicit).toBe("false");
    expect(feed.itunes?.author).toBe("Upper Back Routine");
    expect(feed.itunes?.owner).toEqual({ name: "Upper Back Routine", email: "podcast@example.org" });
  });

  it("gives every episode a title, an audio/mpeg enclosure with its byte length, a stable guid, a date and a duration", async () => {
    const { feed } = await writeAndParse();
    expect(feed.items.map((i) => i.title)).toEqual(["Quick routine: neck & shoulders", "Child's pose"]);
    const [routine, exercise] = feed.items;
    expect(routine!.enclosure).toEqual({ url: `${BASE}/quick.mp3`, length: "123456", type: "audio/mpeg" });
    expect(exercise!.enclosure).toEqual({ url: `${BASE}/childs-pose.mp3`, length: "65432", type: "audio/mpeg" });
    expect(feed.items.map((i) => i.guid)).toEqual(["upper-back-routine:quick", "upper-back-routine:childs-pose"]);
    expect(feed.items.map((i) => i.itunes?.duration)).toEqual(["126", "65"]);
    expect(feed.items.map((i) => i.itunes?.episode)).toEqual(["1", "2"]);
    expect(routine!.isoDate).toBe("2026-11-24T02:00:00.000Z");
    expect(Date.parse(exercise!.isoDate!)).toBeLessThan(Date.parse(routine!.isoDate!));
    expect(routine!.link).toBe(`${BASE}/index.html#session-routine-quick`);
  });

  it("escapes child's pose and & exactly once", async () => {
    const { xml, feed } = await writeAndParse();
    expect(xml).toContain("<title>Child&apos;s pose</title>");
    expect(xml).toContain("neck &amp; shoulders");
    expect(xml).not.toMatch(/&amp;(amp|#39|lt|gt|quot);/);
    const exercise = feed.items[1]!;
    expect(exercise.content).toContain("Kneel & sit back on your heels; rest your forehead <gently>.");
  });

  it("lists chapter times in the episode notes and links Podcasting 2.0 chapters files", async () => {
    const { dir, xml, feed } = await writeAndParse({ podcastChapters: true });
    expect(feed.items[0]!.content).toContain("Chapters:\n0:00 Neck rotation\n1:00 Child's pose");
    expect(xml).toContain(`<podcast:chapters url="${BASE}/quick.chapters.json" type="application/json+chapters"/>`);
    await writeChaptersJson(sampleManifest(), dir);
    expect(JSON.parse(await readFile(join(dir, "quick.chapters.json"), "utf8"))).toEqual({
      version: "1.2.0",
      chapters: [
        { startTime: 0, endTime: 60, title: "Neck rotation" },
        { startTime: 60, endTime: 125.5, title: "Child's pose" },
      ],
    });
  });

  it("writes the same bytes again for the same input, and does not rewrite the file", async () => {
    const dir = await sessionsDir();
    const first = await writeFeed(sampleManifest(), dir, { baseUrl: BASE });
    const second = await writeFeed(sampleManifest(), dir, { baseUrl: BASE });
    expect([first.changed, second.changed]).toEqual([true, false]);
  });

  it("refuses a track whose size is unknown, naming the file and the fix", () => {
    expect(() => renderFeed(sampleManifest(), { baseUrl: BASE }, new Map())).toThrow(
      "feed: quick.mp3 (track quick): size unknown, the file is missing and the manifest has no bytes (fix: render it first)",
    );
  });

  it("refuses a base URL that is not absolute http(s)", () => {
    const facts = new Map([["quick.mp3", { bytes: 1 }], ["childs-pose.mp3", { bytes: 1 }]]);
    expect(() => renderFeed(sampleManifest(), { baseUrl: "dist/sessions" }, facts)).toThrow(/--base-url must be an absolute http\(s\) URL/);
    expect(() => renderFeed(sampleManifest(), { baseUrl: "ftp://x/y" }, facts)).toThrow(/--base-url must use http or https/);
    expect(renderFeed(sampleManifest(), { baseUrl: DEFAULT_BASE_URL }, facts)).toContain(`url="${DEFAULT_BASE_URL}/quick.mp3"`);
  });

  it("derives podcast:guid from the feed URL as the Podcasting 2.0 spec does (its own two examples)", async () => {
    expect(podcastGuidFor("https://mp3s.nashownotes.com/pc20rss.xml")).toBe("917393e3-1b1e-5cef-ace4-edaa54e1f810");
    expect(podcastGuidFor("http://podnews.net/rss/")).toBe("9b024349-ccf0-5f69-a609-6b82873eab3c");
    const { xml } = await writeAndParse();
    expect(xml).toContain(`<podcast:guid>${podcastGuidFor(`${BASE}/feed.xml`)}</podcast:guid>`);
    expect(podcastGuidFor(`${BASE}/feed.xml`)).not.toBe(podcastGuidFor("https://example.org/other/feed.xml"));
  });
});

describe("podcast feed with three paces", () => {
  const facts = () => new Map(pacedManifest().tracks.map((t) => [t.file, { bytes: 1000 }]));
  const parse = (xml: string) => parser.parseString(xml);

  it("carries every pace of every track as its own episode, named by its pace, with a guid of its own", async () => {
    const feed = await parse(renderFeed(pacedManifest(), { baseUrl: BASE }, facts()));
    expect(feed.items.map((i) => i.title)).toEqual([
      "Quick routine: neck & shoulders (gentle pace)", "Quick routine: neck & shoulders (standard pace)", "Quick routine: neck & shoulders (deeper pace)",
      "Child's pose (gentle pace)", "Child's pose (standard pace)", "Child's pose (deeper pace)",
    ]);
    expect(feed.items.map((i) => i.enclosure?.url)).toEqual(
      ["routine-quick-gentle", "routine-quick", "routine-quick-deeper", "exercise-childs-pose-gentle", "exercise-childs-pose", "exercise-childs-pose-deeper"].map((s) => `${BASE}/${s}.mp3`),
    );
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(6);
    expect(feed.items.map((i) => i.itunes?.duration)).toEqual(["188", "126", "157", "98", "65", "81"]);
  });

  it("links each episode's WebVTT transcript with podcast:transcript", () => {
    const xml = renderFeed(pacedManifest(), { baseUrl: BASE }, facts());
    expect(xml).toContain(`<podcast:transcript url="${BASE}/routine-quick-gentle.vtt" type="text/vtt"/>`);
    expect(xml.match(/<podcast:transcript /g)).toHaveLength(6);
  });

  it("dates episodes by their first publication in the manifest, not by file times, and builds from the newest", () => {
    const manifest = pacedManifest();
    manifest.tracks[4]!.publishedAt = "2026-11-28T10:30:00.000Z";
    const xml = renderFeed(manifest, { baseUrl: BASE }, new Map([...facts()].map(([f, v]) => [f, { ...v, mtime: new Date("2026-11-01T00:00:00Z") }])));
    const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => new Date(m[1]!).toISOString());
    expect(dates).toEqual([0, 1, 2, 3, 4, 5].map((i) => (i === 1 ? "2026-11-28T10:30:00.000Z" : "2026-11-20T09:00:00.000Z")));
    expect(xml).toContain("<lastBuildDate>Sat, 28 Nov 2026 10:30:00 GMT</lastBuildDate>");
  });

  it("puts the owner's email in itunes:owner", async () => {
    const feed = await parse(renderFeed(pacedManifest(), { baseUrl: BASE, owner: { name: "Back Care", email: "owner@example.org" } }, facts()));
    expect(feed.itunes?.owner).toEqual({ name: "Back Care", email: "owner@example.org" });
  });
});
