import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { launchRequest, newConversation } from "../../../skill/local/requests.js";

const children: ChildProcessWithoutNullStreams[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
});

// Starts `upper-back serve` as a real process and resolves with its URL once it says it is listening.
function serve(...flags: string[]): Promise<{ url: string; stdout: () => string; stderr: () => string }> {
  return serveWith({ SKILL_ID: "" }, ...flags);
}

function serveWith(env: Record<string, string>, ...flags: string[]): Promise<{ url: string; stdout: () => string; stderr: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bin/cli.ts", "serve", "--port", "0", ...flags], {
    env: { ...process.env, SKILL_ID: "", AUDIO_BASE_URL: "", TABLE_NAME: "", ...env },
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stderr.on("data", (c) => (err += c));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (c) => {
      out += c;
      const match = /listening on (http:\/\/\S+\/)/.exec(out);
      if (match) resolve({ url: match[1]!, stdout: () => out, stderr: () => err });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

function post(url: string, body: unknown) {
  return fetch(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
}

describe("upper-back serve (as a process)", () => {
  it("verifies by default: an unsigned request gets 400, and no warning is printed", async () => {
    const server = await serve();
    expect(server.stdout()).toContain("signature and timestamp verification on");
    const response = await post(server.url, launchRequest(newConversation()));
    expect(response.status).toBe(400);
    expect(server.stderr()).not.toContain("verification are OFF");
  });

  it("warns on every start when SKILL_ID is unset, and not when it is set", async () => {
    const unset = await serve();
    await expect.poll(() => unset.stderr()).toContain("WARNING: SKILL_ID is not set");
    const set = await serveWith({ SKILL_ID: "amzn1.ask.skill.cli-test" });
    expect(set.stderr()).not.toContain("SKILL_ID is not set");
  });

  it("refuses --insecure-skip-verification on a non-loopback address with one clear line and exit code 1", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "bin/cli.ts", "serve", "--port", "0", "--host", "0.0.0.0", "--insecure-skip-verification"]);
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toEqual([expect.stringMatching(/^upper-back: --insecure-skip-verification only runs on a loopback address/)]);
  });

  it("stops cleanly on SIGTERM with exit code 0 (the CLI entry owns the exit)", async () => {
    await serve();
    const child = children.at(-1)!;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("with --insecure-skip-verification warns on stderr and answers a LaunchRequest with speech", async () => {
    const server = await serve("--insecure-skip-verification");
    expect(server.stderr()).toContain("WARNING: request signature and timestamp verification are OFF");
    const response = await post(server.url, launchRequest(newConversation()));
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { response: { outputSpeech: { ssml: string } } };
    expect(envelope.response.outputSpeech.ssml).toMatch(/^<speak>.+<\/speak>$/s);
  });

  it("has --help naming the flag", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "bin/cli.ts", "serve", "--help"]);
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(out).toContain("--insecure-skip-verification");
  });
});
