import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import { mkdir, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../../content/load.js";
import { decodeToPcm } from "../../../generator/audio/ffmpeg.js";
import { PROFILES } from "../../../generator/audio/profiles.js";
import { renderCatalog } from "../../../generator/render/render.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";

const projectRoot = join(import.meta.dirname, "..", "..", "..");
let root: string;
let cacheDir: string;
let engine: TtsEngine;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-interrupt-"));
  cacheDir = join(root, "clips");
  engine = await createEspeakEngine();
});

afterAll(async () => {
  await engine?.close();
});

/** Starts `upper-back render --exercise cat-cow --pace standard` (download profile) in its own process group. */
function startCliRender(outDir: string): ChildProcess {
  const args = ["--import", "tsx", "bin/cli.ts", "render", "--exercise", "cat-cow", "--pace", "standard", "--profile", "download", "--out", outDir, "--cache-dir", cacheDir];
  return spawn(process.execPath, args, { cwd: projectRoot, detached: true, stdio: ["ignore", "ignore", "pipe"] });
}

/** Resolves with the name of the first temporary MP3 that appears in `dir` (the encode has started). */
function tempMp3Appears(dir: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name && /\.tmp\.mp3$/.test(name)) {
        watcher.close();
        resolve(name);
      }
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("an interrupted render", () => {
  it("killed hard mid-encode leaves no finished-looking MP3; the next run removes the leftover and completes from the cache", async () => {
    const outDir = join(root, "killed");
    await mkdir(outDir, { recursive: true });
    const child = startCliRender(outDir);
    const exit = exited(child);
    const temp = await tempMp3Appears(outDir);
    process.kill(-child.pid!, "SIGKILL");
    await exit;
    const left = await readdir(outDir);
    expect(left).not.toContain("exercise-cat-cow.mp3");
    expect(left.filter((f) => f.endsWith(".mp3")).every((f) => f.startsWith(".") && f.includes(".tmp"))).toBe(true);
    expect(temp.startsWith(".exercise-cat-cow.mp3.")).toBe(true);

    const summary = await renderCatalog({
      catalog: loadCatalog(),
      engine,
      outDir,
      clipCacheDir: cacheDir,
      profiles: [PROFILES.download],
      only: { exercise: "cat-cow" },
      pace: "standard",
      writeSite: false,
    });
    expect(summary).toMatchObject({ encoded: 1 });
    expect(summary.clips.synthesized).toBe(0);
    const files = await readdir(outDir);
    expect(files.filter((f) => f.endsWith(".mp3"))).toEqual(["exercise-cat-cow.mp3"]);
    expect((await decodeToPcm(join(outDir, "exercise-cat-cow.mp3"), 8000)).length).toBeGreaterThan(8000 * 60);
  });

  it("stopped with Ctrl-C removes its temporary file and exits non-zero", async () => {
    const outDir = join(root, "interrupted");
    await mkdir(outDir, { recursive: true });
    const child = startCliRender(outDir);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = exited(child);
    await tempMp3Appears(outDir);
    child.kill("SIGINT");
    expect(await exit).not.toBe(0);
    expect(stderr).toContain("interrupted");
    expect((await readdir(outDir)).filter((f) => f.endsWith(".mp3"))).toEqual([]);
  });
});
