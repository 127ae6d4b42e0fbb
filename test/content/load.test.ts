import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentErrors, contentDir, loadCatalog } from "../../content/load.js";
import { jsonSchemas } from "../../content/json-schema.js";
import { copyContent, editFile, lineOf } from "../support/content-fixture.js";

function errorsOf(dir: string): string[] {
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
}

describe("loadCatalog", () => {
  it("loads all ten exercises, four routines and three paces", () => {
    const catalog = loadCatalog();
    expect([...catalog.exercises.keys()].sort()).toEqual(
      [
        "cat-cow", "chest-expansion", "childs-pose", "foam-roller", "lat-pulldown-with-towel", "neck-rotation",
        "seated-twist", "shoulder-blade-squeeze", "thoracic-spine-rotation", "upper-trapezius-stretch",
      ].sort(),
    );
    expect([...catalog.routines.keys()].sort()).toEqual(["desk-break", "floor", "quick", "upper-back"]);
    expect(catalog.defaultRoutineId).toBe("upper-back");
    expect(Object.keys(catalog.paces)).toEqual(["gentle", "standard", "deeper"]);
  });

  it("names file, line and field when a hold range is reversed", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "neck-rotation.yaml");
    editFile(file, "hold: { min: 15, max: 30,", "hold: { min: 30, max: 15,");
    const line = lineOf(file, "hold: { min: 30");
    const [message] = errorsOf(dir);
    expect(message).toMatch(new RegExp(`exercises/neck-rotation\\.yaml:${line}:\\d+: variants\\.0\\.hold\\.max: max must be at least min`));
  });

  it("points a YAML syntax error at its line", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "neck-rotation.yaml");
    editFile(file, "positions: [seated, standing]", "positions: [seated, standing\n  bad: : x");
    const messages = errorsOf(dir);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/exercises\/neck-rotation\.yaml:\d+:\d+: YAML syntax/);
  });

  it("says which field is missing and how to add it", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "neck-rotation.yaml");
    editFile(file, /^benefit:\n( {2}.*\n)+/m, "");
    // A missing key is reported at the start of the mapping that should hold it.
    const line = lineOf(file, "id: neck-rotation");
    expect(errorsOf(dir)).toContainEqual(expect.stringMatching(new RegExp(`neck-rotation\\.yaml:${line}:1: benefit: is required \\(add benefit: \\.\\.\\.\\)`)));
  });

  it("rejects a line that is neither quoted from the seed nor marked authored", () => {
    const dir = copyContent();
    const file = join(dir, "exercises", "neck-rotation.yaml");
    const text = readFileSync(file, "utf8").replace(/\n {4}authored: true\n/, "\n");
    writeFileSync(file, text);
    expect(errorsOf(dir).join("\n")).toMatch(/give exactly one of seed .* or authored: true/);
  });

  it("rejects a routine naming an unknown exercise, with the list of known ones", () => {
    const dir = copyContent();
    const file = join(dir, "routines", "quick.yaml");
    editFile(file, /exercise: [a-z-]+/, "exercise: toe-touch");
    const message = errorsOf(dir).join("\n");
    expect(message).toMatch(new RegExp(`routines/quick\\.yaml:${lineOf(file, "toe-touch")}:\\d+: items\\.0\\.exercise: unknown exercise "toe-touch" \\(one of: .*cat-cow`));
  });

  it("`upper-back validate` exits non-zero and prints the place of the problem", () => {
    const dir = copyContent();
    editFile(join(dir, "exercises", "neck-rotation.yaml"), "reps: { min: 5, max: 10,", "reps: { min: 5, max: -1,");
    const run = spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "validate", "--dir", dir], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/neck-rotation\.yaml:\d+:\d+: variants\.0\.reps\.max: /);
    const ok = spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "validate"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Content is valid: 10 exercises, 4 routines, 3 paces.");
  });

  it("ships JSON Schemas for editors that match the zod schemas", () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const file = JSON.parse(readFileSync(join(contentDir, "schema", `${name}.schema.json`), "utf8"));
      expect(file, `${name}.schema.json is stale: run \`upper-back validate --write-schema\``).toEqual(schema);
    }
  });
});
