import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Slot } from "ask-sdk-model";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLambda, type BuildResult } from "../../lambda/build.js";
import { intentRequest, launchRequest, newConversation } from "../../skill/local/requests.js";
import { sampleManifest } from "../generator/site/fixtures.js";

const require = createRequire(import.meta.url);
const lambdaLocal = require("lambda-local") as {
  execute(options: Record<string, unknown>): Promise<unknown>;
  setLogger(logger: unknown): void;
};

const SKILL_ID = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555";
let built: BuildResult;
let withManifest: BuildResult;

// Unpacks function.zip with the system unzip into a folder far from the repo: no node_modules, no content/.
function unpack(zipPath: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ubr-task-"));
  execFileSync("unzip", ["-q", zipPath, "-d", dir]);
  return dir;
}

async function invoke(taskDir: string, event: unknown, environment: Record<string, string>) {
  return (await lambdaLocal.execute({
    event,
    lambdaPath: join(taskDir, "index.mjs"),
    esm: true,
    timeoutMs: 7000,
    environment,
    envdestroy: true,
    verboseLevel: 0,
  })) as { response: { outputSpeech?: { type: string; ssml?: string }; reprompt?: unknown; shouldEndSession?: boolean; directives?: unknown[] } };
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "ubr-build-"));
  built = await buildLambda({ outDir: join(root, "plain"), manifestPath: join(root, "no-manifest.json") });
  const manifestPath = join(root, "manifest.json");
  const manifest = sampleManifest();
  manifest.tracks[0]!.segments[0]!.text = "segment marker 4711";
  writeFileSync(manifestPath, JSON.stringify(manifest));
  withManifest = await buildLambda({ outDir: join(root, "audio"), manifestPath });
});

describe("npm run build (lambda/build.ts)", () => {
  it("writes one self-contained ESM file and a valid zip holding only it", () => {
    expect(built.bundleBytes).toBe(readFileSync(built.bundlePath).length);
    expect(built.zipBytes).toBeLessThan(built.bundleBytes);
    execFileSync("unzip", ["-tq", built.zipPath]);
    const listing = execFileSync("unzip", ["-Z1", built.zipPath], { encoding: "utf8" }).trim().split("\n");
    expect(listing).toEqual(["index.mjs"]);
    expect(readdirSync(unpack(built.zipPath))).toEqual(["index.mjs"]);
  });

  it("is byte-for-byte reproducible (same inputs, same zip)", async () => {
    const again = await buildLambda({ outDir: mkdtempSync(join(tmpdir(), "ubr-again-")), manifestPath: "/nonexistent/manifest.json" });
    expect(readFileSync(again.zipPath).equals(readFileSync(built.zipPath))).toBe(true);
  });

  it("contains no AWS SDK v2, and neither the YAML parser nor zod: content is validated at build time and embedded", () => {
    expect(built.inputs.some((p) => p.includes("node_modules/yaml/"))).toBe(false);
    expect(built.inputs.some((p) => /node_modules\/aws-sdk\//.test(p))).toBe(false);
    expect(built.inputs.some((p) => p.includes("@aws-sdk/client-dynamodb"))).toBe(true);
    expect(built.inputs.filter((p) => p.includes("node_modules/zod/"))).toEqual([]);
  });

  it("fails the build when content does not validate (validation moved to build time, not dropped)", async () => {
    const broken = mkdtempSync(join(tmpdir(), "ubr-content-"));
    cpSync("content", broken, { recursive: true });
    const file = join(broken, "exercises", "cat-cow.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^id: cat-cow$/m, "id: Cat Cow"));
    await expect(buildLambda({ outDir: join(broken, "out"), contentDir: broken, manifestPath: "/nonexistent/manifest.json" })).rejects.toThrow(/cat-cow\.yaml/);
  });

  it("embeds the render manifest when there is one (for AudioPlayer mode)", () => {
    expect(built.manifestEmbedded).toBe(false);
    expect(withManifest.manifestEmbedded).toBe(true);
    expect(withManifest.trackCount).toBe(2);
    const bundle = readFileSync(withManifest.bundlePath, "utf8");
    expect(bundle.includes("childs-pose.mp3")).toBe(true);
    expect(bundle.includes("segment marker 4711")).toBe(false); // per-segment timings are not shipped
  });
});

describe("the bundle under lambda-local", () => {
  it("answers a LaunchRequest with speech and a reprompt", async () => {
    const conversation = newConversation({ applicationId: SKILL_ID });
    const result = await invoke(unpack(built.zipPath), launchRequest(conversation), { SKILL_ID });
    expect(result.response.outputSpeech?.type).toBe("SSML");
    expect(result.response.outputSpeech?.ssml).toMatch(/^<speak>[\s\S]*upper back[\s\S]*<\/speak>$/i);
    expect(result.response.reprompt).toBeDefined();
    expect(result.response.shouldEndSession).toBe(false);
  });

  it("answers an intent, reading content from inside the bundle", async () => {
    const conversation = newConversation({ applicationId: SKILL_ID, isNew: false });
    const result = await invoke(unpack(built.zipPath), intentRequest(conversation, "AMAZON.HelpIntent"), { SKILL_ID });
    expect(result.response.outputSpeech?.ssml).toMatch(/<speak>.+<\/speak>/s);
  });

  it("streams with the embedded manifest when AUDIO_BASE_URL is set (AudioPlayer mode)", async () => {
    const conversation = newConversation({ applicationId: SKILL_ID, audioPlayer: true });
    const slots = {
      exercise: {
        name: "exercise",
        value: "child's pose",
        confirmationStatus: "NONE",
        resolutions: {
          resolutionsPerAuthority: [
            { authority: `amzn1.er-authority.echo-sdk.${SKILL_ID}.EXERCISE`, status: { code: "ER_SUCCESS_MATCH" }, values: [{ value: { name: "child's pose", id: "childs-pose" } }] },
          ],
        },
      },
    } as unknown as Record<string, Slot>;
    const result = await invoke(unpack(withManifest.zipPath), intentRequest(conversation, "PickExerciseIntent", slots), {
      SKILL_ID,
      AUDIO_BASE_URL: "https://cdn.example.com/alexa",
    });
    const play = (result.response.directives ?? []).find((d) => (d as { type: string }).type === "AudioPlayer.Play") as
      | { audioItem: { stream: { url: string } } }
      | undefined;
    expect(play?.audioItem.stream.url).toBe("https://cdn.example.com/alexa/childs-pose.mp3");
  });

  it("refuses requests for another skill id (SKILL_ID comes from the environment)", async () => {
    const other = newConversation({ applicationId: "amzn1.ask.skill.99999999-0000-0000-0000-000000000000" });
    await expect(invoke(unpack(built.zipPath), launchRequest(other), { SKILL_ID })).rejects.toMatchObject({ errorMessage: expect.stringMatching(/skill ?id|application ?id/i) });
  });
});
