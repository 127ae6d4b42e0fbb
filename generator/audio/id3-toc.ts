// ffmpeg's mp3 muxer writes ID3 CHAP frames but no CTOC, and the ID3v2 chapter addendum says players find
// chapters through a top-level CTOC (Apple Podcasts and others ignore bare CHAPs). This adds one, listing
// every CHAP in order, by rewriting the tag in front of the audio; the audio bytes are left as they are.
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../io/atomic.js";

const HEADER = 10;
const TOC_ID = "toc";

/** One frame of an ID3v2.3/2.4 tag: its id, where its body starts and its length. */
export interface Id3Frame {
  id: string;
  start: number;
  size: number;
}

function syncsafe(bytes: Buffer, at: number): number {
  return ((bytes[at]! & 0x7f) << 21) | ((bytes[at + 1]! & 0x7f) << 14) | ((bytes[at + 2]! & 0x7f) << 7) | (bytes[at + 3]! & 0x7f);
}

function toSyncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

/** The frames of the ID3v2 tag at the start of `bytes` (none without a tag); `end` is where padding or audio begins. */
export function readId3Frames(bytes: Buffer): { version: number; frames: Id3Frame[]; end: number; tagSize: number } | undefined {
  if (bytes.length < HEADER || bytes.toString("latin1", 0, 3) !== "ID3") return undefined;
  const version = bytes[3]!;
  // Unsynchronised tags and extended headers are never written by ffmpeg's muxer; leave such files alone.
  if ((version !== 3 && version !== 4) || (bytes[5]! & 0xc0) !== 0) return undefined;
  const tagSize = HEADER + syncsafe(bytes, 6);
  const frames: Id3Frame[] = [];
  let at = HEADER;
  while (at + HEADER <= tagSize && bytes[at] !== 0) {
    const size = version === 4 ? syncsafe(bytes, at + 4) : bytes.readUInt32BE(at + 4);
    if (at + HEADER + size > tagSize) break;
    frames.push({ id: bytes.toString("latin1", at, at + 4), start: at + HEADER, size });
    at += HEADER + size;
  }
  return { version, frames, end: at, tagSize };
}

/** The element ID a CHAP or CTOC frame body begins with (a null-terminated string). */
export function elementId(bytes: Buffer, frame: Id3Frame): string {
  const stop = bytes.indexOf(0, frame.start);
  return bytes.toString("latin1", frame.start, stop < 0 || stop > frame.start + frame.size ? frame.start + frame.size : stop);
}

/** The child element IDs of a CTOC frame, in order. */
export function tocChildren(bytes: Buffer, frame: Id3Frame): string[] {
  let at = frame.start + elementId(bytes, frame).length + 1;
  const count = bytes[at + 1]!;
  at += 2;
  const children: string[] = [];
  for (let i = 0; i < count; i++) {
    const stop = bytes.indexOf(0, at);
    children.push(bytes.toString("latin1", at, stop));
    at = stop + 1;
  }
  return children;
}

/**
 * The file's bytes with a top-level, ordered CTOC listing its CHAP frames; undefined when there is nothing to
 * add (no tag, no chapters, or a CTOC already there). At most 255 chapters fit one CTOC.
 */
export function withChapterToc(bytes: Buffer): Buffer | undefined {
  const tag = readId3Frames(bytes);
  if (!tag || tag.frames.some((f) => f.id === "CTOC")) return undefined;
  const chapters = tag.frames.filter((f) => f.id === "CHAP").map((f) => elementId(bytes, f));
  if (chapters.length === 0 || chapters.length > 255) return undefined;
  const body = Buffer.concat([
    Buffer.from(`${TOC_ID}\0`, "latin1"),
    Buffer.from([0x03, chapters.length]), // flags: top-level, ordered
    ...chapters.map((id) => Buffer.from(`${id}\0`, "latin1")),
  ]);
  const frameHeader = Buffer.alloc(HEADER);
  frameHeader.write("CTOC", 0, "latin1");
  if (tag.version === 4) toSyncsafe(body.length).copy(frameHeader, 4);
  else frameHeader.writeUInt32BE(body.length, 4);
  const padding = bytes.subarray(tag.end, tag.tagSize);
  const header = Buffer.from(bytes.subarray(0, HEADER));
  toSyncsafe(tag.tagSize - HEADER + frameHeader.length + body.length).copy(header, 6);
  return Buffer.concat([header, bytes.subarray(HEADER, tag.end), frameHeader, body, padding, bytes.subarray(tag.tagSize)]);
}

/** Adds the CTOC to an MP3 in place (atomically); returns whether the file changed. */
export async function addChapterToc(file: string): Promise<boolean> {
  const updated = withChapterToc(await readFile(file));
  if (!updated) return false;
  await writeFileAtomic(file, updated);
  return true;
}
