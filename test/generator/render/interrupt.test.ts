import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import { mkdir, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeToPcm } from "../../../generator/audio/ffmpeg.js";

const projectRoot = join(import.meta.dirname, "..", "..", "..");
let root: string;
let cacheDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "render-interrupt-"));
  cacheDir = join(root, "clips");
});

/** Starts `upper-back render --exercise cat-cow` (download profile) in its own process group, with its own TMPDIR. */
function startCliRender(outDir: string, tempDir = tmpdir()): ChildProcess {
  const args = ["--import", "tsx", "bin/cli.ts", "render", "--exercise", "cat-cow", "--pace", "standard", "--profile", "download", "--out", outDir, "--cache-dir", cacheDir];
  return spawn(process.execPath, args, { cwd: projectRoot, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TMPDIR: tempDir } });
}

/** Resolves with the path (below `dir`) of the first temporary MP3 that appears: the encode has started. */
function tempMp3Appears(dir: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      if (name && /\.tmp\.mp3$/.test(name)) {
        watcher.close();
        resolve(name);
      }
    });
  });
}

/** The render's entries in a temp folder (tsx keeps its own cache there too). */
async function ours(tempDir: string): Promise<string[]> {
  return (await readdir(tempDir)).filter((name) => name.startsWith("upper-back-"));
}

/** Every file and folder below `dir`, relative to it. */
async function everything(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("an interrupted render", () => {
  it("killed hard mid-encode leaves no finished-looking MP3; the next run removes the leftovers (files and temp folders) and completes from the cache", async () => {
    const outDir = join(root, "killed");
    const tempDir = join(root, "killed-tmp");
    await mkdir(outDir, { recursive: true });
    await mkdir(tempDir, { recursive: true });
    const child = startCliRender(outDir, tempDir);
    const exit = exited(child);
    const temp = await tempMp3Appears(outDir);
    process.kill(-child.pid!, "SIGKILL");
    await exit;
    const left = await everything(outDir);
    expect(left).not.toContain("exercise-cat-cow.mp3");
    expect(left.filter((f) => f.endsWith(".mp3")).every((f) => /^\.staging-[^/]+\/\.exercise-cat-cow\.mp3\..*\.tmp\.mp3$/.test(f))).toBe(true);
    expect(basename(temp).startsWith(".exercise-cat-cow.mp3.")).toBe(true);
    // The killed run's temporary folder is still there: nothing could remove it.
    expect(await ours(tempDir)).toEqual([expect.stringMatching(new RegExp(`^upper-back-run-${child.pid}-`))]);

    const again = startCliRender(outDir, tempDir);
    let stdout = "";
    again.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await exited(again)).toBe(0);
    expect(stdout).toMatch(/encoded 1 /);
    expect(stdout).toMatch(/clips: 0 synthesized/);
    const files = await everything(outDir);
    expect(files.filter((f) => f.endsWith(".mp3"))).toEqual(["exercise-cat-cow.mp3"]);
    expect(files.filter((f) => f.startsWith("."))).toEqual([]);
    expect(await ours(tempDir)).toEqual([]);
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
    expect((await everything(outDir)).filter((f) => f.endsWith(".mp3") || f.startsWith("."))).toEqual([]);
  });
});
