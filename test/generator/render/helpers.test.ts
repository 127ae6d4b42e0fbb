import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { tempPathFor } from "../../../generator/io/atomic.js";
import { runPool } from "../../../generator/render/pool.js";
import { progressReporter } from "../../../generator/render/progress.js";
import { removeStaleTemps } from "../../../generator/render/stale.js";

function sink(isTTY: boolean): Writable & { text: string; isTTY: boolean } {
  const out = new Writable({
    write(chunk, _enc, done) {
      out.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string; isTTY: boolean };
  out.text = "";
  out.isTTY = isTTY;
  return out;
}

describe("runPool", () => {
  it("never runs more than the limit at once and runs every item", async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await Promise.resolve();
      seen.push(n);
      running--;
    });
    expect(peak).toBe(2);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("starts nothing new after a failure and rethrows it", async () => {
    const started: number[] = [];
    await expect(runPool([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error("encode failed");
    })).rejects.toThrow("encode failed");
    expect(started).toEqual([1, 2]);
  });
});

describe("removeStaleTemps", () => {
  it("removes temporary files of dead processes and keeps finished files and live temps", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stale-"));
    const final = join(dir, "exercise-cat-cow.mp3");
    await writeFile(final, "mp3");
    const mine = tempPathFor(final);
    await writeFile(mine, "in progress");
    const dead = join(dir, ".routine-quick.mp3.999999999-0123abcd.tmp.mp3");
    await writeFile(dead, "half");
    expect(await removeStaleTemps(dir)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual([mine.slice(dir.length + 1), "exercise-cat-cow.mp3"].sort());
  });
});

describe("progressReporter", () => {
  it("prints plain lines when the output is not a terminal", () => {
    const out = sink(false);
    const progress = progressReporter(out);
    progress.event({ type: "planned", jobs: 2, unchanged: 1, texts: 3 });
    progress.event({ type: "clip", done: 3, total: 3 });
    progress.event({ type: "track", done: 1, total: 2, id: "cat-cow", profile: "download", durationMs: 61_000, encodes: 1 });
    progress.done();
    expect(out.text).toBe("2 track(s) to encode, 1 unchanged; 3 phrase(s) needed\nphrases ready: 3\n[1/2] download cat-cow (61 s)\n");
    expect(out.text).not.toContain("\r");
  });

  it("redraws one bar line in place on a terminal", () => {
    const out = sink(true);
    const progress = progressReporter(out);
    progress.event({ type: "track", done: 1, total: 2, id: "cat-cow", profile: "alexa", durationMs: 61_000, encodes: 2 });
    progress.event({ type: "track", done: 2, total: 2, id: "quick", profile: "alexa", durationMs: 300_000, encodes: 1 });
    progress.done();
    expect(out.text).toContain("\r[############............] 1/2 alexa cat-cow (61 s, 2 encodes)");
    expect(out.text).toContain("\r[########################] 2/2 alexa quick (300 s)");
    expect(out.text.endsWith("\n")).toBe(true);
    expect(out.text.split("\n")).toHaveLength(2);
  });
});
