// `upper-back model --base-url URL` makes skill.json certifiable: icons, privacy policy and terms URLs in every
// locale, still valid against SMAPI's schema (strict too), pointing at the files the render writes.
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelCommand } from "../../../skill/cli/model.js";
import { checkBaseUrl, withCertificationUrls } from "../../../skill/cli/skill-json.js";
import { LOCALES } from "../../../skill/model/generate.js";
import { ROOT } from "../harness.js";
import { validator } from "../../support/smapi-schema.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "ubr-model-"));
  cpSync(join(ROOT, "skill-package"), join(root, "skill-package"), { recursive: true });
  return root;
}

async function runModel(root: string, baseUrl: string): Promise<void> {
  await (modelCommand.handler as (args: any) => Promise<void> | void)({ check: false, root, "base-url": baseUrl, _: [], $0: "upper-back" });
}

describe("upper-back model --base-url", () => {
  it("fills smallIconUri, largeIconUri, privacyPolicyUrl and termsOfUseUrl for every locale, valid against SMAPI's schema", async () => {
    const root = projectCopy();
    await runModel(root, "https://cdn.example.com/sessions/");
    const manifest = JSON.parse(readFileSync(join(root, "skill-package", "skill.json"), "utf8"));
    for (const strict of [false, true]) {
      const validate = validator("v1.skill.Manifest.SkillManifestEnvelope", strict);
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    }
    for (const locale of LOCALES) {
      expect(manifest.manifest.publishingInformation.locales[locale]).toMatchObject({
        smallIconUri: "https://cdn.example.com/sessions/icon-108.png",
        largeIconUri: "https://cdn.example.com/sessions/icon-512.png",
      });
      expect(manifest.manifest.privacyAndCompliance.locales[locale]).toEqual({
        privacyPolicyUrl: "https://cdn.example.com/sessions/privacy.html",
        termsOfUseUrl: "https://cdn.example.com/sessions/privacy.html#terms",
      });
    }
    expect(manifest.manifest.publishingInformation.locales["en-US"].name).toBe("Upper Back Routine"); // the rest is kept
  });

  it("is idempotent: a second run with another URL replaces the links and changes nothing else", async () => {
    const root = projectCopy();
    await runModel(root, "https://a.example.com/s");
    const first = JSON.parse(readFileSync(join(root, "skill-package", "skill.json"), "utf8"));
    await runModel(root, "https://b.example.com/s");
    const second = JSON.parse(readFileSync(join(root, "skill-package", "skill.json"), "utf8"));
    expect(JSON.stringify(second).replaceAll("https://b.example.com", "https://a.example.com")).toBe(JSON.stringify(first));
  });

  it("refuses a base URL Alexa cannot fetch from, naming the fix", () => {
    expect(() => checkBaseUrl("http://cdn.example.com/sessions")).toThrow(/must use https:\/\//);
    expect(() => checkBaseUrl("cdn.example.com")).toThrow(/absolute https:\/\/ URL/);
    expect(() => checkBaseUrl("https://cdn.example.com/s?x=1")).toThrow(/query or fragment/);
    expect(() => withCertificationUrls({ manifest: {} }, "https://x.example")).toThrow(/skill.json: manifest.publishingInformation must be an object/);
  });
});
