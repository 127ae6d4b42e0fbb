import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function cli(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", ...args], { encoding: "utf8" });
}

describe("upper-back CLI", () => {
  it("lists routines and exercises with estimated durations at each pace", () => {
    const run = cli("list");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/gentle\s+standard\s+deeper/);
    expect(run.stdout).toMatch(/upper-back\s+\d+:\d\d\s+\d+:\d\d\s+\d+:\d\d\s+.*\(default\)/);
    expect(run.stdout).toMatch(/quick\s+\d+:\d\d\s+\d+:\d\d\s+\d+:\d\d/);
    expect(run.stdout).toMatch(/cat-cow\s+\d+:\d\d\s+\d+:\d\d\s+\d+:\d\d/);
    const json = JSON.parse(cli("list", "--json").stdout);
    const full = json.routines.find((r: { id: string }) => r.id === "upper-back");
    expect(full.estimatedMs.standard / 60_000).toBeGreaterThanOrEqual(15);
    expect(full.estimatedMs.standard / 60_000).toBeLessThanOrEqual(32);
    const cow = json.exercises.find((e: { id: string }) => e.id === "cat-cow");
    expect(cow.estimatedMs.gentle).not.toBe(cow.estimatedMs.deeper);
  });

  it("has --help on every command", () => {
    const top = cli("--help");
    expect(top.status).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}upper-back (\w+)/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(["list", "validate", "ssml"]));
    for (const name of names) {
      const run = cli(name, "--help");
      expect(run.status, name).toBe(0);
      expect(run.stdout, name).toContain(`upper-back ${name}`);
    }
  });

  it("rejects bad arguments with a clear message and a non-zero exit", () => {
    const unknown = cli("ssml", "--exercise", "toe-touch");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown exercise "toe-touch". Expected one of: .*cat-cow/);
    const missing = cli("ssml");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Give --routine ID or --exercise ID/);
    const badPace = cli("ssml", "--routine", "quick", "--pace", "sprint");
    expect(badPace.status).toBe(1);
    expect(badPace.stderr).toMatch(/Invalid values:[\s\S]*pace/);
    const noCommand = cli("dance");
    expect(noCommand.status).toBe(1);
  });

  it("turns a command's error into one line on stderr and exit code 1, never a stack", () => {
    const run = cli("render", "--exercise", "toe-touch", "--out", "/tmp/upper-back-cli-test-unused");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^upper-back: render: unknown exercise "toe-touch" \(fix: use one of .*cat-cow.*\)\n$/);
    for (const failed of [run, cli("ssml", "--exercise", "toe-touch")]) expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints Alexa SSML responses and Polly requests", () => {
    const alexa = cli("ssml", "--exercise", "childs-pose", "--pace", "gentle");
    expect(alexa.status).toBe(0);
    expect(alexa.stdout).toMatch(/<!-- response 1 of \d+ -->\n<speak>/);
    expect(alexa.stdout).toContain("Child&apos;s pose");
    const polly = cli("ssml", "--routine", "quick", "--dialect", "polly", "--engine", "generative");
    expect(polly.status).toBe(0);
    expect(polly.stdout).toMatch(/<!-- request 1 of \d+ -->\n<speak>/);
    expect(polly.stdout).not.toContain("<prosody");
  });
});
