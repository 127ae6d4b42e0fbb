import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../../content/manifest.js";
import { PROFILES } from "../../../generator/audio/profiles.js";
import { LOCK_FILE } from "../../../generator/io/lock.js";
import { renderCatalog, type RenderEvent } from "../../../generator/render/render.js";
import type { TtsEngine } from "../../../generator/tts/engine.js";
import { createEspeakEngine } from "../../../generator/tts/espeak.js";
import { miniCatalog } from "./mini-catalog.js";

const projectRoot = join(import.meta.dirname, "..", "..", "..");
let root: string;
let engine: TtsEngine;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-lock-"));
  engine = await createEspeakEngine();
});
afterAll(async () => {
  await engine?.close();
});

/** Runs `upper-back render <selection>` (download profile) and resolves with its exit code and stderr. */
function cliRender(outDir: string, cacheDir: string, ...selection: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const args = ["--import", "tsx", "bin/cli.ts", "render", ...selection, "--pace", "standard", "--profile", "download", "--out", outDir, "--cache-dir", cacheDir];
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr, stdout })));
}

describe("two renders into one folder", () => {
  it("`--routine quick` and `--exercise cat-cow` at once: both land in the manifest and the feed", async () => {
    const outDir = join(root, "concurrent");
    const cacheDir = join(root, "clips");
    const [quick, catCow] = await Promise.all([cliRender(outDir, cacheDir, "--routine", "quick"), cliRender(outDir, cacheDir, "--exercise", "cat-cow")]);
    expect([quick.code, quick.stderr, catCow.code, catCow.stderr]).toEqual([0, "", 0, ""]);
    // One of them waited for the other's lock, and said so.
    expect(`${quick.stdout}${catCow.stdout}`).toMatch(/waiting for another render \(pid \d+\) to finish with/);
    const manifest = await readManifest(join(outDir, "manifest.json"));
    expect(manifest.tracks.map((t) => `${t.kind}:${t.id}`).sort()).toEqual(["exercise:cat-cow", "routine:quick"]);
    const feed = await readFile(join(outDir, "feed.xml"), "utf8");
    for (const track of manifest.tracks) expect(feed).toContain(track.file);
    expect(await readdir(outDir)).not.toContain(LOCK_FILE);
  });

  it("takes over a lock left by a render that was killed", async () => {
    const outDir = join(root, "stale-lock");
    await mkdir(outDir, { recursive: true });
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    await writeFile(join(outDir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), token: "dead", started: new Date().toISOString() }));
    const events: RenderEvent[] = [];
    const summary = await renderCatalog({
      catalog: miniCatalog(),
      engine,
      outDir,
      clipCacheDir: join(root, "clips"),
      profiles: [PROFILES.download],
      only: { exercise: "childs-pose" },
      pace: "standard",
      writeSite: false,
      onEvent: (e) => events.push(e),
    });
    expect(summary.encoded).toBe(1);
    expect(events).toContainEqual({ type: "lock", state: "took-over", pid: dead, dir: outDir });
    expect(await readdir(outDir)).not.toContain(LOCK_FILE);
  });
});
