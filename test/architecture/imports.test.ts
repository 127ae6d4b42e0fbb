import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The folders' import rules live in eslint.config.js; this proves they bite, so the architecture cannot drift
// silently if someone loosens the config. Each case lints one line as if it were written in a real file.
const eslint = new ESLint();

async function restrictedImportErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import "${specifier}";\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("who may import whom", () => {
  it.each([
    ["skill/index.ts", "../generator/render/render.js", /separate apps/],
    ["skill/handlers/respond.ts", "../../generator/site/format.js", /separate apps/],
    ["generator/render/render.ts", "../../skill/index.js", /separate apps/],
    ["generator/cli/list.ts", "../../lambda/publish/publish.js", /imports only content/],
    ["content/plan.ts", "../generator/audio/track.js", /shared core/],
    ["content/plan.ts", "../skill/index.js", /shared core/],
    ["lambda/index.ts", "../generator/render/render.js", /deploys the skill/],
  ])("%s may not import %s", async (file, specifier, why) => {
    const errors = await restrictedImportErrors(file, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(why);
  });

  it.each([
    ["skill/index.ts", "../content/plan.js"],
    ["generator/render/render.ts", "../../content/plan.js"],
    ["lambda/index.ts", "../skill/index.js"],
    ["bin/cli.ts", "../generator/cli/index.js"],
    ["bin/cli.ts", "../skill/cli/index.js"],
  ])("%s may import %s", async (file, specifier) => {
    expect(await restrictedImportErrors(file, specifier)).toEqual([]);
  });
});
