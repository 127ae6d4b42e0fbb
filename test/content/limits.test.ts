import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../content/schema.js";
import { copyContent, editFile, lineOf } from "../support/content-fixture.js";

/** Runs `upper-back validate --dir` on a broken copy of the content. */
function validate(dir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "validate", "--dir", dir], { encoding: "utf8" });
}

/** The problem lines of a failed validate: everything but the closing count. */
function problems(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l !== "" && !/problem\(s\) in content/.test(l));
}

function expectOneProblem(dir: string, pattern: RegExp): void {
  const run = validate(dir);
  expect(run.status).toBe(1);
  expect(problems(run.stderr)).toEqual([expect.stringMatching(pattern)]);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("content limits: hostile or broken content gives one clear error, no stack", () => {
  it("refuses a spoken line over the limit, naming file, line and field", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "cat-cow.yaml");
    const long = "Breathe slowly. ".repeat(Math.ceil((LIMITS.spoken + 1) / 16));
    const text = readFileSync(file, "utf8");
    const first = /^( {2})say: .*$/m.exec(text)!;
    writeFileSync(file, text.replace(first[0], `${first[1]}say: ${long.trim()}`));
    const line = lineOf(file, "Breathe slowly. Breathe");
    expectOneProblem(dir, new RegExp(`exercises/cat-cow\\.yaml:${line}:\\d+: [a-z.0-9]*say: is \\d+ characters; at most ${LIMITS.spoken} allowed`));
  });

  it("refuses a megabyte-long line before parsing the file, naming its line and field", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "cat-cow.yaml");
    editFile(file, "- say: Keep your movements", `- say: ${"Breathe slowly. ".repeat(65_000)}Keep your movements`);
    const line = lineOf(file, "Breathe slowly. Breathe");
    const column = readFileSync(file, "utf8").split("\n")[line - 1]!.indexOf("Breathe") + 1;
    expectOneProblem(dir, new RegExp(`exercises/cat-cow\\.yaml:${line}:${column}: tips\\.0\\.say: is 1040\\d{3} characters on one line; the file is \\d+ KiB; content files may be at most 256 KiB \\(fix: shorten it\\)$`));
  });

  it("refuses a file made too large by many lines, before parsing it", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "cat-cow.yaml");
    appendFileSync(file, `${"# a comment line of ordinary length, repeated\n".repeat(8000)}`);
    expectOneProblem(dir, /exercises\/cat-cow\.yaml:1:1: the file is \d+ KiB; content files may be at most 256 KiB \(fix: shorten it\)$/);
  });

  it("refuses invalid UTF-8, naming the line", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "cat-cow.yaml");
    const bytes = readFileSync(file);
    const at = bytes.indexOf("say: ") + 5;
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]), bytes.subarray(at)]));
    const line = bytes.subarray(0, at).toString("latin1").split("\n").length;
    expectOneProblem(dir, new RegExp(`exercises/cat-cow\\.yaml:${line}:1: is not valid UTF-8`));
  });

  it("refuses a YAML alias bomb, naming the file and the first alias", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "cat-cow.yaml");
    const levels = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(",")}]`);
    appendFileSync(file, `${levels.join("\n")}\n`);
    const line = lineOf(file, "l1: &l1");
    expectOneProblem(dir, new RegExp(`exercises/cat-cow\\.yaml:${line}:\\d+: l1\\.0: YAML aliases expand too far`));
  });

  it("says what type was expected and what was found (min: five)", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "neck-rotation.yaml");
    editFile(file, "hold: { min: 15,", "hold: { min: five,");
    const line = lineOf(file, "min: five");
    expectOneProblem(dir, new RegExp(`neck-rotation\\.yaml:${line}:\\d+: variants\\.0\\.hold\\.min: expected a number, got the string "five"$`));
  });

  it("gives a command reading content (list) the same errors and exit code, without a stack", () => {
    const dir = copyContent();
    editFile(join(dir, "routines", "quick.yaml"), /title: .*/, "title: [not, a, string]");
    const run = validate(dir);
    expect(run.status).toBe(1);
    expect(problems(run.stderr)).toEqual([expect.stringMatching(/routines\/quick\.yaml:\d+:\d+: title: expected a string, got a list/)]);
  });
});
