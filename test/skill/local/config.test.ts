import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ALEXA_MANIFEST_PATH } from "../../../content/facts.js";
import { localSkillConfig } from "../../../skill/local/config.js";

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe("localSkillConfig (serve and chat)", () => {
  it("uses the rendered alexa manifest in AudioPlayer mode when MANIFEST_PATH is not set", () => {
    const dir = mkdtempSync(join(tmpdir(), "ubr-local-"));
    mkdirSync(join(dir, "dist", "sessions", "alexa"), { recursive: true });
    writeFileSync(join(dir, ALEXA_MANIFEST_PATH), '{"tracks":[]}');
    process.chdir(dir);
    expect(localSkillConfig({ AUDIO_BASE_URL: "https://cdn.example.com/alexa" }).manifestPath).toBe(ALEXA_MANIFEST_PATH);
    expect(localSkillConfig({ AUDIO_BASE_URL: "https://cdn.example.com/alexa", MANIFEST_PATH: "/x.json" }).manifestPath).toBe("/x.json");
    expect(localSkillConfig({}).manifestPath).toBeUndefined();
  });

  it("leaves the manifest unset when nothing was rendered", () => {
    process.chdir(mkdtempSync(join(tmpdir(), "ubr-local-")));
    expect(localSkillConfig({ AUDIO_BASE_URL: "https://cdn.example.com/alexa" }).manifestPath).toBeUndefined();
  });
});
