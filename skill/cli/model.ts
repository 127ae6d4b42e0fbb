// `upper-back model`: writes the Alexa interaction models generated from content; `--check` fails if they drifted.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import type { CommandModule } from "yargs";
import { loadCatalog } from "../../content/load.js";
import { modelPath, renderModels } from "../model/generate.js";
import { writeCertificationUrls } from "./skill-json.js";

interface ModelArgs {
  check: boolean;
  root: string;
  "base-url"?: string;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Writes (or, with --check, compares) skill-package/interactionModels/custom/<locale>.json. */
export const modelCommand: CommandModule<object, ModelArgs> = {
  command: "model",
  describe: "Generate the Alexa interaction models (skill-package/interactionModels/custom/*.json) from content",
  builder: (y) =>
    y
      .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 if the checked-in models differ from content" })
      .option("root", { type: "string", default: ".", describe: "Project root holding skill-package/" })
      .option("base-url", {
        type: "string",
        describe: "HTTPS URL where the rendered site is published: fills the icon, privacy policy and terms URLs of skill.json for every locale",
      }),
  handler: (args) => {
    const models = renderModels(loadCatalog());
    const stale: string[] = [];
    for (const [locale, text] of models) {
      const path = modelPath(args.root, locale);
      const shown = relative(process.cwd(), path) || path;
      if (readOrEmpty(path) === text) continue;
      if (args.check) {
        stale.push(shown);
      } else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        process.stdout.write(`wrote ${shown}\n`);
      }
    }
    if (stale.length > 0) {
      process.stderr.write(`upper-back model: out of date with content: ${stale.join(", ")} (fix: run \`npx upper-back model\` and commit)\n`);
      process.exitCode = 1;
    } else if (args.check) {
      process.stdout.write(`interaction models up to date (${models.size} locales)\n`);
    }
    if (args["base-url"] !== undefined && !args.check) {
      const { path, locales } = writeCertificationUrls(args.root, args["base-url"]);
      process.stdout.write(`wrote ${relative(process.cwd(), path) || path}: icons, privacy policy and terms URLs for ${locales} locales\n`);
    }
  },
};
