import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { siteOptionsFromArgs, withSiteOptions } from "../../../generator/site/options.js";
import { writeSite } from "../../../generator/site/site.js";
import { sampleManifest } from "./fixtures.js";
import { writeToneMp3 } from "./tone-mp3.js";

describe("writeSite", () => {
  it("writes artwork, chapters, page and feed next to real MP3s, and rewrites none of them a second time", async () => {
    const dir = await mkdtemp(join(tmpdir(), "site-"));
    await writeToneMp3(join(dir, "quick.mp3"), 3);
    await writeToneMp3(join(dir, "childs-pose.mp3"), 2);
    const first = await writeSite(sampleManifest(), dir, { baseUrl: "https://example.org/s" });
    expect(first.map((f) => [basename(f.path), f.changed])).toEqual([
      ["artwork.png", true],
      ["childs-pose.chapters.json", true],
      ["quick.chapters.json", true],
      ["index.html", true],
      ["feed.xml", true],
      ["icon-108.png", true],
      ["icon-512.png", true],
      ["privacy.html", true],
    ]);
    expect((await readdir(dir)).sort()).toEqual(
      ["artwork.png", "childs-pose.chapters.json", "childs-pose.mp3", "feed.xml", "icon-108.png", "icon-512.png", "index.html", "privacy.html", "quick.chapters.json", "quick.mp3"],
    );
    const second = await writeSite(sampleManifest(), dir, { baseUrl: "https://example.org/s" });
    expect(second.filter((f) => f.changed)).toEqual([]);
    const feed = await new Parser().parseString(await readFile(join(dir, "feed.xml"), "utf8"));
    expect(feed.items[0]!.enclosure!.url).toBe("https://example.org/s/quick.mp3");
  });

  it("uses a given artwork URL instead of generating one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "site-"));
    await writeToneMp3(join(dir, "quick.mp3"), 1);
    await writeToneMp3(join(dir, "childs-pose.mp3"), 1);
    await writeSite(sampleManifest(), dir, { feed: { artworkUrl: "https://cdn.example.org/cover.jpg" } });
    expect(await readdir(dir)).not.toContain("artwork.png");
    expect(await readFile(join(dir, "feed.xml"), "utf8")).toContain('<itunes:image href="https://cdn.example.org/cover.jpg"/>');
  });
});

describe("publishing flags", () => {
  it("map --base-url, --podcast-* and --artwork-url onto writeSite options", async () => {
    const args = await withSiteOptions(yargs([])).parse([
      "--base-url", "https://example.org/s", "--podcast-title", "Back & neck", "--podcast-owner-email", "me@example.org",
    ]);
    expect(siteOptionsFromArgs(args)).toEqual({
      baseUrl: "https://example.org/s",
      page: { title: "Back & neck" },
      feed: { title: "Back & neck", owner: { name: "Back & neck", email: "me@example.org" } },
    });
  });

  it("default the base URL to the local preview address", async () => {
    const args = await withSiteOptions(yargs([])).parse([]);
    expect(siteOptionsFromArgs(args).baseUrl).toBe("http://localhost:8080/sessions");
  });
});
