// The publishing side of a real render (espeak, ffmpeg, both profiles) of the small catalogue: transcripts
// beside every MP3, the feed's Podcasting 2.0 tags, ID3 CTOC and cover, and dates that re-renders keep.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest, type Manifest } from "../../../content/manifest.js";
import { probe } from "../../../generator/audio/ffmpeg.js";
import { readId3Frames } from "../../../generator/audio/id3-toc.js";
import { PROFILES, profilesFor } from "../../../generator/audio/profiles.js";
import { renderCatalog, type RenderOptions } from "../../../generator/render/render.js";
import { writeArtwork } from "../../../generator/site/artwork.js";
import { podcastGuidFor } from "../../../generator/site/feed.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { miniCatalog } from "../render/mini-catalog.js";

const BASE = "https://example.com/sessions";
let root: string;
let outDir: string;
let engine: TtsEngine;
let options: RenderOptions;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-site-"));
  outDir = join(root, "sessions");
  engine = await createEspeakEngine();
  const site = { baseUrl: BASE, feed: { owner: { name: "Back Care", email: "owner@example.org" } } };
  options = { catalog: miniCatalog(), engine, outDir, clipCacheDir: join(root, "clips"), profiles: profilesFor("both"), pace: "standard", site };
  options.artworkFile = (await writeArtwork(outDir)).path;
  await renderCatalog(options);
});

afterAll(async () => {
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

const manifestOf = (dir: string) => readManifest(join(dir, "manifest.json"));
const pubDates = (xml: string) => [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => m[1]);

describe("a render's transcripts, tags and dates", () => {
  it.each([PROFILES.download, PROFILES.alexa])("$id: every MP3 has its WebVTT transcript beside it, a cue per spoken line", async (profile) => {
    const dir = join(outDir, profile.subdir);
    const manifest = await manifestOf(dir);
    expect(manifest.tracks.length).toBe(3);
    for (const track of manifest.tracks) {
      expect(track.transcript).toBe(track.file.replace(/\.mp3$/, ".vtt"));
      const vtt = await readFile(join(dir, track.transcript!), "utf8");
      expect(vtt.startsWith("WEBVTT\n\n")).toBe(true);
      const spoken = track.segments.filter((s) => s.type === "speech" && s.text);
      expect(vtt.match(/ --> /g)?.length).toBe(spoken.length);
      expect(Date.parse(track.publishedAt!)).toBeGreaterThan(Date.parse("2026-01-01T00:00:00Z"));
    }
  });

  it.each([PROFILES.download, PROFILES.alexa])("$id: every MP3 embeds the cover (APIC) and lists its chapters in a CTOC", async (profile) => {
    const dir = join(outDir, profile.subdir);
    for (const track of (await manifestOf(dir)).tracks) {
      const file = join(dir, track.file);
      expect((await probe(file)).hasArtwork).toBe(true);
      const frames = readId3Frames(await readFile(file))!.frames.map((f) => f.id);
      expect(frames.filter((id) => id === "CTOC")).toHaveLength(1);
      expect(frames.filter((id) => id === "CHAP")).toHaveLength(track.chapters.length);
    }
  });

  it("the feed carries podcast:guid, podcast:transcript per episode and the owner's email", async () => {
    const xml = await readFile(join(outDir, "feed.xml"), "utf8");
    expect(xml).toContain(`<podcast:guid>${podcastGuidFor(`${BASE}/feed.xml`)}</podcast:guid>`);
    const manifest = await manifestOf(outDir);
    for (const track of manifest.tracks) expect(xml).toContain(`<podcast:transcript url="${BASE}/${track.transcript}" type="text/vtt"/>`);
    expect(xml).toContain("<itunes:email>owner@example.org</itunes:email>");
  });

  it("a second render rewrites no feed, manifest or transcript; a forced re-encode keeps every pubDate", async () => {
    const feedPath = join(outDir, "feed.xml");
    const feedBefore = await readFile(feedPath, "utf8");
    const mtimes = async (m: Manifest, dir: string) => Promise.all(["manifest.json", ...m.tracks.map((t) => t.transcript!)].map(async (f) => (await stat(join(dir, f))).mtimeMs));
    const manifestBefore = await manifestOf(outDir);
    const timesBefore = await mtimes(manifestBefore, outDir);
    expect((await renderCatalog(options)).files.written).toBe(0);
    expect(await readFile(feedPath, "utf8")).toBe(feedBefore);
    expect(await mtimes(manifestBefore, outDir)).toEqual(timesBefore);

    const forced = await renderCatalog({ ...options, force: true });
    expect(forced.encoded).toBe(6);
    expect((await manifestOf(outDir)).tracks.map((t) => t.publishedAt)).toEqual(manifestBefore.tracks.map((t) => t.publishedAt));
    expect(pubDates(await readFile(feedPath, "utf8"))).toEqual(pubDates(feedBefore));
  });
});
