import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeToPcm, encodeMp3, probe } from "../../../generator/audio/ffmpeg.js";
import { addChapterToc, elementId, readId3Frames, tocChildren } from "../../../generator/audio/id3-toc.js";
import { ffmetadata } from "../../../generator/audio/metadata.js";
import { writeArtwork } from "../../../generator/site/artwork.js";

const RATE = 24_000;
const chapters = [
  { title: "Introduction", startMs: 0, endMs: 1_000 },
  { title: "Neck rotation", startMs: 1_000, endMs: 2_000 },
  { title: "Child's pose", startMs: 2_000, endMs: 3_000 },
];

let dir: string;
let mp3: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "id3-toc-"));
  mp3 = join(dir, "routine-quick.mp3");
  const metadataFile = join(dir, "metadata.txt");
  await writeFile(metadataFile, ffmetadata({ title: "Quick routine", album: "Upper Back Routine", artist: "Upper Back Routine" }, chapters));
  const tone = Float32Array.from({ length: RATE * 3 }, (_, i) => 0.1 * Math.sin((2 * Math.PI * 440 * i) / RATE));
  const { path: artworkFile } = await writeArtwork(dir);
  await encodeMp3([tone], mp3, { inputRate: RATE, outputRate: RATE, bitrateKbps: 48, metadataFile, artworkFile });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("ID3 chapters of an encoded MP3", () => {
  it("has a top-level, ordered CTOC listing every CHAP frame in order", async () => {
    const bytes = await readFile(mp3);
    const tag = readId3Frames(bytes)!;
    const chapIds = tag.frames.filter((f) => f.id === "CHAP").map((f) => elementId(bytes, f));
    const tocs = tag.frames.filter((f) => f.id === "CTOC");
    expect(chapIds).toHaveLength(3);
    expect(tocs).toHaveLength(1);
    expect(tocChildren(bytes, tocs[0]!)).toEqual(chapIds);
    const flags = bytes[tocs[0]!.start + elementId(bytes, tocs[0]!).length + 1]!;
    expect(flags & 0x03).toBe(0x03);
  });

  it("stays readable by ffprobe: the chapter at 0, the title and the embedded cover (APIC) all survive the CTOC", async () => {
    const info = await probe(mp3);
    expect(info.chapters.map((c) => [c.title, c.startMs])).toEqual([["Introduction", 0], ["Neck rotation", 1_000], ["Child's pose", 2_000]]);
    expect(info.tags.title).toBe("Quick routine");
    expect(info.hasArtwork).toBe(true);
    const pcm = await decodeToPcm(mp3, RATE);
    expect(pcm.length / RATE).toBeGreaterThan(2.9);
  });

  it("adds the CTOC once: a second pass changes nothing", async () => {
    const before = await readFile(mp3);
    expect(await addChapterToc(mp3)).toBe(false);
    expect((await readFile(mp3)).equals(before)).toBe(true);
  });
});
