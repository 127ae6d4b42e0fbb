import ffprobe from "@ffprobe-installer/ffprobe";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { renderArtworkPng, writeArtwork } from "../../../generator/site/artwork.js";

describe("podcast artwork", () => {
  it("is a square PNG of 1400 px that a real decoder (ffprobe) reads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "artwork-"));
    const { path, changed } = await writeArtwork(dir);
    expect(changed).toBe(true);
    const { stdout } = await promisify(execFile)(process.env.FFPROBE_PATH ?? ffprobe.path, [
      "-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "json", path,
    ]);
    expect(JSON.parse(stdout).streams).toEqual([{ codec_name: "png", width: 1400, height: 1400 }]);
    expect((await writeArtwork(dir)).changed).toBe(false);
  });

  it("replaces a cover that is not its current one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "artwork-"));
    await writeFile(join(dir, "artwork.png"), "an older or foreign picture");
    expect((await writeArtwork(dir)).changed).toBe(true);
    expect((await readFile(join(dir, "artwork.png"))).subarray(1, 4).toString()).toBe("PNG");
  });

  it("refuses sizes Apple Podcasts rejects", () => {
    expect(() => renderArtworkPng(1000)).toThrow("artwork size must be 1400–3000 px for Apple Podcasts (got 1000)");
  });
});
