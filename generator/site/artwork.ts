// Podcast artwork without image dependencies: Apple needs a square 1400–3000 px JPEG or PNG, so a tiny
// PNG writer (zlib and its crc32 from Node) draws a calm, text-free cover: a teal field, a warm sun and a column of
// vertebrae. Deterministic bytes, so a re-render does not rewrite it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
  return out;
}

/** Encodes 8-bit RGB pixels (row-major, width*height*3 bytes) as a PNG, with an optional tEXt comment. */
export function encodePng(width: number, height: number, rgb: Uint8Array, comment?: string): Buffer {
  if (rgb.length !== width * height * 3) throw new Error(`encodePng: expected ${width * height * 3} bytes of RGB, got ${rgb.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method variants, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const text = comment === undefined ? [] : [chunk("tEXt", Buffer.from(`Comment\0${comment}`, "latin1"))];
  return Buffer.concat([signature, chunk("IHDR", header), ...text, chunk("IDAT", deflateSync(raw, { level: 6 })), chunk("IEND", new Uint8Array())]);
}

// Bump when the drawing changes: writeArtwork recognises its own current cover by this mark and skips the
// ~0.5 s of drawing on a warm render.
const ARTWORK_VERSION = "upper-back-artwork v1";

type Rgb = [number, number, number];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

// Signed distance from (px, py) to a rounded rectangle centred at (cx, cy); negative inside.
function roundedRect(px: number, py: number, cx: number, cy: number, halfW: number, halfH: number, r: number): number {
  const qx = Math.abs(px - cx) - halfW + r;
  const qy = Math.abs(py - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Draws the cover at `size` × `size` px (Apple: 1400–3000) and returns the PNG bytes. */
export function renderArtworkPng(size = 1400): Buffer {
  if (size < 1400 || size > 3000) throw new Error(`artwork size must be 1400–3000 px for Apple Podcasts (got ${size})`);
  const top: Rgb = [22, 110, 104];
  const bottom: Rgb = [9, 58, 56];
  const sun: Rgb = [246, 193, 119];
  const bone: Rgb = [246, 244, 239];
  const u = size / 1400;
  const vertebrae = Array.from({ length: 7 }, (_, i) => {
    const t = i / 6;
    // A gentle S-curve and widths that grow towards the middle: an upper back seen from behind.
    return { cx: 650 + Math.sin(t * Math.PI * 1.2) * 40, cy: 400 + i * 115, halfW: 110 + Math.sin(t * Math.PI) * 80, halfH: 34 };
  });
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    const py = y / u;
    const rowBase = mix(top, bottom, py / 1400);
    for (let x = 0; x < size; x++) {
      const px = x / u;
      let colour = rowBase;
      colour = mix(colour, sun, clamp01(0.5 - (Math.hypot(px - 1080, py - 300) - 150) * u) * 0.9);
      for (const v of vertebrae) {
        if (Math.abs(py - v.cy) > v.halfH + 2) continue;
        const d = roundedRect(px, py, v.cx, v.cy, v.halfW, v.halfH, v.halfH);
        if (d < 2) colour = mix(colour, bone, clamp01(0.5 - d * u));
      }
      const o = (y * size + x) * 3;
      rgb[o] = Math.round(colour[0]);
      rgb[o + 1] = Math.round(colour[1]);
      rgb[o + 2] = Math.round(colour[2]);
    }
  }
  return encodePng(size, size, rgb, artworkMark(size));
}

/** Writes `outDir/artwork.png` (1400 px square by default) atomically; rewrites only on change. */
export async function writeArtwork(outDir: string, size = 1400): Promise<WrittenFile> {
  const path = join(outDir, "artwork.png");
  const existing = await readFile(path).catch(() => undefined);
  if (existing?.subarray(0, 128).includes(`Comment\0${artworkMark(size)}`, 0, "latin1")) return { path, changed: false };
  return { path, changed: await writeFileAtomicIfChanged(path, renderArtworkPng(size)) };
}

function artworkMark(size: number): string {
  return `${ARTWORK_VERSION} ${size}px`;
}
