import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { PREVIEW_OWNER_EMAIL, siteOptionsFromArgs, withSiteOptions } from "../../../generator/site/options.js";
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

  it("default the base URL to the local preview address, whose feed names a placeholder owner email", async () => {
    const args = await withSiteOptions(yargs([])).parse([]);
    expect(siteOptionsFromArgs(args).baseUrl).toBe("http://localhost:8080/sessions");
    expect(siteOptionsFromArgs(args).feed?.owner).toEqual({ name: "Upper Back Routine", email: PREVIEW_OWNER_EMAIL });
  });

  it("refuse a public base URL without an owner email, naming the flag and the variable", async () => {
    const args = await withSiteOptions(yargs([])).parse(["--base-url", "https://example.org/s"]);
    delete args["podcast-owner-email"];
    expect(() => siteOptionsFromArgs(args)).toThrow(
      "--base-url https://example.org/s is public, so the feed needs an owner email for itunes:owner (fix: pass --podcast-owner-email you@example.org, or set PODCAST_OWNER_EMAIL)",
    );
  });

  it("keep a given podcast:guid, and refuse one that is not a UUID", async () => {
    const parse = (guid: string) => withSiteOptions(yargs([])).parse(["--podcast-guid", guid]);
    expect(siteOptionsFromArgs(await parse("917393E3-1B1E-5CEF-ACE4-EDAA54E1F810")).feed?.podcastGuid).toBe("917393e3-1b1e-5cef-ace4-edaa54e1f810");
    expect(() => siteOptionsFromArgs({ "base-url": "http://localhost:8080/sessions", "podcast-guid": "my-show" })).toThrow(
      '--podcast-guid must be a UUID such as 917393e3-1b1e-5cef-ace4-edaa54e1f810 (got "my-show")',
    );
  });

  it("take the owner email from PODCAST_OWNER_EMAIL when the flag is not given", async () => {
    const saved = process.env.PODCAST_OWNER_EMAIL;
    process.env.PODCAST_OWNER_EMAIL = "back@example.org";
    try {
      const args = await withSiteOptions(yargs([])).parse(["--base-url", "https://example.org/s"]);
      expect(siteOptionsFromArgs(args).feed?.owner?.email).toBe("back@example.org");
    } finally {
      if (saved === undefined) delete process.env.PODCAST_OWNER_EMAIL;
      else process.env.PODCAST_OWNER_EMAIL = saved;
    }
  });
});
