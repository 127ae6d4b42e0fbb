// The Alexa skill's icons (108 and 512 px PNG, which certification requires), cut from the podcast artwork so the
// skill and the feed look the same: the 1400 px cover is decoded and box-averaged down, without image packages.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { CERTIFICATION_FILES } from "../../content/privacy.js";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";
import { encodePng, renderArtworkPng } from "./artwork.js";

const ICONS = [CERTIFICATION_FILES.smallIcon, CERTIFICATION_FILES.largeIcon];

/** Decodes an 8-bit RGB, non-interlaced PNG whose rows use no filter (what encodePng writes) to its pixels. */
export function decodeRgbPng(png: Buffer): { width: number; height: number; rgb: Uint8Array } {
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 2 || body[12] !== 0) throw new Error("icons: the artwork must be an 8-bit RGB, non-interlaced PNG (as encodePng writes it)");
    }
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    if (raw[row] !== 0) throw new Error(`icons: artwork row ${y} uses PNG filter ${raw[row]}; decodeRgbPng reads unfiltered rows only`);
    rgb.set(raw.subarray(row + 1, row + 1 + width * 3), y * width * 3);
  }
  return { width, height, rgb };
}

/** Shrinks square RGB pixels to `size` px by averaging every source pixel into the target pixel it falls in. */
function shrinkRgb(source: { width: number; height: number; rgb: Uint8Array }, size: number): Uint8Array {
  const sums = new Float64Array(size * size * 3);
  const counts = new Uint32Array(size * size);
  for (let y = 0; y < source.height; y++) {
    const ty = Math.floor((y * size) / source.height);
    for (let x = 0; x < source.width; x++) {
      const t = ty * size + Math.floor((x * size) / source.width);
      const s = (y * source.width + x) * 3;
      for (let c = 0; c < 3; c++) sums[t * 3 + c] = sums[t * 3 + c]! + source.rgb[s + c]!;
      counts[t] = counts[t]! + 1;
    }
  }
  return Uint8Array.from(sums, (sum, i) => Math.round(sum / counts[Math.floor(i / 3)]!));
}

/**
 * Writes icon-108.png and icon-512.png into `outDir` from its artwork.png (or a freshly drawn cover when there is
 * none). Each icon carries the artwork's hash, so a warm render with unchanged artwork skips the work.
 */
export async function writeSkillIcons(outDir: string): Promise<WrittenFile[]> {
  const artwork = (await readFile(join(outDir, "artwork.png")).catch(() => undefined)) ?? renderArtworkPng();
  const mark = `upper-back-icon from ${createHash("sha256").update(artwork).digest("hex").slice(0, 16)}`;
  const paths = ICONS.map((icon) => join(outDir, icon.file));
  const existing = await Promise.all(paths.map((path) => readFile(path).catch(() => undefined)));
  if (existing.every((bytes) => bytes?.subarray(0, 128).includes(`Comment\0${mark}`, 0, "latin1"))) {
    return paths.map((path) => ({ path, changed: false }));
  }
  const pixels = decodeRgbPng(artwork);
  return Promise.all(
    ICONS.map(async ({ size }, i) => ({
      path: paths[i]!,
      changed: await writeFileAtomicIfChanged(paths[i]!, encodePng(size, size, shrinkRgb(pixels, size), mark)),
    })),
  );
}
