import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

// Runs `upper-back chat` as a real process with the given lines piped to its standard input.
function chat(input: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bin/cli.ts", "chat", ...args], {
    env: { ...process.env, SKILL_ID: "", AUDIO_BASE_URL: "", TABLE_NAME: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  child.stdin.end(input);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("upper-back chat (as a process, input piped)", () => {
  it("answers typed utterances through the interaction model, with pauses shown", async () => {
    const run = await chat("start upper back routine\nyes\nnext\nit hurts\nno\n");
    expect(run.stderr).not.toMatch(/upper-back:|Error/);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("you> start upper back routine");
    expect(out).toMatch(/Alexa: Welcome to Upper Back Routine\..*Ready to start the upper back routine\?/);
    expect(out).toMatch(/Alexa: Upper back routine\..*Exercise 1 of 10: Chest expansion/);
    expect(out).toMatch(/\[pause \d+ s\]/);
    expect(out).toContain("  → AMAZON.NextIntent");
    expect(out).toMatch(/Exercise 2 of 10: Neck rotation/);
    expect(out).toContain("  → PainIntent");
    expect(out).toMatch(/Alexa: Stop the exercise now/);
    expect(out).toContain("  → AMAZON.NoIntent");
    expect(out.trimEnd().endsWith("(session closed)")).toBe(true);
  });

  it("says which file is missing and how to make it when the model is not there", async () => {
    const run = await chat("hello\n", "--locale", "xx-XX");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("skill-package/interactionModels/custom/xx-XX.json: no interaction model here (run `upper-back model`");
  });
});
