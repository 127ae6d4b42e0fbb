// What the render writes for Alexa certification: the skill icons (108 and 512 px PNG, the cover scaled down) and
// privacy.html (what is stored, where, for how long, how to delete it by voice, the terms of use).
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { FORGET_PHRASE, RETENTION_DAYS, STORED_FACTS } from "../../../content/privacy.js";
import { renderArtworkPng } from "../../../generator/site/artwork.js";
import { decodeRgbPng, writeSkillIcons } from "../../../generator/site/icons.js";
import { renderPrivacyHtml, writePrivacyHtml } from "../../../generator/site/privacy.js";

const require = createRequire(import.meta.url);
const ffprobe = (require("@ffprobe-installer/ffprobe") as { path: string }).path;

function meanColour(rgb: Uint8Array): number[] {
  const sums = [0, 0, 0];
  for (let i = 0; i < rgb.length; i++) sums[i % 3] = sums[i % 3]! + rgb[i]!;
  return sums.map((s) => s / (rgb.length / 3));
}

describe("skill icons", () => {
  it("writes 108 and 512 px PNGs that ffprobe reads, looking like the cover, and skips them when nothing changed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "icons-"));
    const first = await writeSkillIcons(dir);
    expect(first.map((f) => f.changed)).toEqual([true, true]);
    const cover = meanColour(decodeRgbPng(renderArtworkPng()).rgb);
    for (const [file, size] of [["icon-108.png", 108], ["icon-512.png", 512]] as const) {
      const probed = execFileSync(ffprobe, ["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", join(dir, file)], { encoding: "utf8" });
      expect(probed.trim()).toBe(`png,${size},${size}`);
      const icon = decodeRgbPng(await readFile(join(dir, file)));
      meanColour(icon.rgb).forEach((c, i) => expect(Math.abs(c - cover[i]!)).toBeLessThan(2));
    }
    const mtime = (await stat(join(dir, "icon-512.png"))).mtimeMs;
    expect((await writeSkillIcons(dir)).map((f) => f.changed)).toEqual([false, false]);
    expect((await stat(join(dir, "icon-512.png"))).mtimeMs).toBe(mtime);
  });
});

describe("privacy.html", () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");

  it("says what is stored, where, for how long, and how to delete it by voice, with the terms of use", async () => {
    const dir = await mkdtemp(join(tmpdir(), "privacy-"));
    expect((await writePrivacyHtml(dir)).changed).toBe(true);
    const page = text(await readFile(join(dir, "privacy.html"), "utf8"));
    for (const fact of STORED_FACTS) expect(page).toContain(fact.what);
    expect(page).toMatch(/exercises you said hurt/);
    expect(page).toMatch(/DynamoDB/);
    expect(page).toContain(`${RETENTION_DAYS} days after you last used the skill`);
    expect(page).toContain(`Say "${FORGET_PHRASE}"`);
    expect(page).toContain("not a substitute for professional medical advice");
    expect(await readFile(join(dir, "privacy.html"), "utf8")).toMatch(/<section id="terms">/);
    expect((await writePrivacyHtml(dir)).changed).toBe(false);
  });

  it("escapes its text exactly once", () => {
    const html = renderPrivacyHtml();
    expect(html).toContain("&quot;it hurts&quot;");
    expect(html).not.toMatch(/&amp;(amp|quot|apos|lt|gt);/);
  });
});
