import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, statfs, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../../content/manifest.js";
import { profilesFor } from "../../../generator/audio/profiles.js";
import { renderCatalog, type RenderOptions } from "../../../generator/render/render.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import { miniCatalog } from "./mini-catalog.js";

const projectRoot = join(import.meta.dirname, "..", "..", "..");
let root: string;
let engine: TtsEngine;
let mounted: string | undefined;
let whyNot = "";
const mounts: string[] = [];

/** Mounts a tmpfs of `size` at a new folder under root; undefined (with why in `whyNot`) where that is not allowed. */
function mountTmpfs(name: string, size: string): string | undefined {
  const disk = join(root, name);
  mkdirSync(disk, { recursive: true });
  if (process.getuid?.() !== 0) {
    whyNot = `mounting a ${size} tmpfs needs root (CI runs the tests as root)`;
    return undefined;
  }
  const mount = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", disk], { encoding: "utf8" });
  if (mount.status !== 0) {
    whyNot = `mount -t tmpfs failed (${(mount.stderr || String(mount.error)).trim()}): the container lacks CAP_SYS_ADMIN`;
    return undefined;
  }
  mounts.push(disk);
  return disk;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-full-disk-"));
  engine = await createEspeakEngine();
  // Room for two complete sets (the old one and a forced re-render in the stage); the test fills it up to 900 KiB free.
  mounted = mountTmpfs("disk", "16m");
});

afterAll(async () => {
  await engine?.close();
  for (const disk of mounts) spawnSync("umount", [disk]);
});

/** Every visible file of the output set (hidden staging and resume folders aside) with its sha256. */
async function visibleSet(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const rel = path.slice(dir.length + 1);
    if (!entry.isFile() || rel.split("/").some((part) => part.startsWith("."))) continue;
    out.set(rel, createHash("sha256").update(await readFile(path)).digest("hex"));
  }
  return out;
}

describe("a render onto a full disk", () => {
  it("fails naming the file and the fix, and leaves the previous complete set", async (ctx) => {
    if (!mounted) ctx.skip(whyNot);
    const outDir = join(mounted!, "sessions");
    const options: RenderOptions = { catalog: miniCatalog(), engine, outDir, clipCacheDir: join(root, "clips"), profiles: profilesFor("both"), pace: "standard" };
    await renderCatalog(options);
    const before = await visibleSet(outDir);
    expect([...before.keys()]).toEqual(expect.arrayContaining(["manifest.json", "index.html", "feed.xml", "alexa/manifest.json"]));

    // Leave room for about two of the six MP3s, so the forced re-render runs out of space midway.
    const free = await statfs(mounted!);
    await writeFile(join(mounted!, "filler"), Buffer.alloc(Math.max(0, free.bavail * free.bsize - 900 * 1024)));
    const failed = renderCatalog({ ...options, force: true, concurrency: 1 });
    await expect(failed).rejects.toThrow(
      new RegExp(`^writing ${outDir}/(alexa/)?[a-z-]+\\.mp3 failed: no space left on device \\(ENOSPC\\) \\(fix: free space on that disk, or render into another folder with --out\\)$`),
    );

    expect(await visibleSet(outDir)).toEqual(before);
    for (const dir of [outDir, join(outDir, "alexa")]) {
      for (const track of (await readManifest(join(dir, "manifest.json"))).tracks) {
        expect(before.get(join(dir, track.file).slice(outDir.length + 1))).toBe(track.sha256);
      }
    }
    expect((await readdir(outDir)).filter((f) => f.startsWith(".staging-") || f.includes(".tmp"))).toEqual([]);

    // With space again, the next run completes (reusing what the failed run finished).
    await rm(join(mounted!, "filler"));
    const done = await renderCatalog({ ...options, force: true });
    expect(done.encoded + done.resumed).toBe(6);
  });
});

/** Runs `upper-back render <args>` to completion. */
function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "render", ...args], { cwd: projectRoot, encoding: "utf8", env });
}

describe("the CLI rendering onto a 5 MiB disk", () => {
  it("an exercise fits; a routine that does not fit exits 1 naming the file, and the exercise's set stays as it was", async (ctx) => {
    const disk = mountTmpfs("five", "5m");
    if (!disk) ctx.skip(whyNot);
    const outDir = join(disk!, "sessions");
    const common = ["--pace", "standard", "--out", outDir, "--cache-dir", join(root, "cli-clips")];
    expect(cli(["--exercise", "cat-cow", ...common]).status).toBe(0);
    const before = await visibleSet(outDir);
    expect([...before.keys()]).toEqual(expect.arrayContaining(["manifest.json", "feed.xml", "exercise-cat-cow.mp3", "alexa/manifest.json"]));

    const run = cli(["--routine", "quick", ...common]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n").at(-1)).toMatch(
      new RegExp(`^upper-back: writing ${outDir}/(alexa/)?[a-z-]+\\.mp3 failed: no space left on device \\(ENOSPC\\) \\(fix: free space on that disk, or render into another folder with --out\\)$`),
    );
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack
    expect(await visibleSet(outDir)).toEqual(before);
    expect((await readdir(outDir)).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("a wrong FFMPEG_PATH", () => {
  it("fails at once with the setting and the fix, before any synthesis", () => {
    const cacheDir = join(root, "ffmpeg-clips");
    const run = cli(["--exercise", "cat-cow", "--out", join(root, "ffmpeg-out"), "--cache-dir", cacheDir], { ...process.env, FFMPEG_PATH: join(root, "no-such-ffmpeg") });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`upper-back: render: FFMPEG_PATH=${join(root, "no-such-ffmpeg")}: no such file (fix: point FFMPEG_PATH at the binary, or unset it to use the bundled one)`);
    expect(spawnSync("ls", [cacheDir]).status).not.toBe(0); // nothing was synthesized
  });
});
