import { writeFileSync } from "node:fs";
import type { CommandModule } from "yargs";
import { contentDir } from "../../content/load.js";
import { jsonSchemas } from "../../content/json-schema.js";
import { loadCatalogForCommand } from "./catalog.js";
import { join } from "node:path";

interface ValidateArgs {
  dir?: string;
  "write-schema": boolean;
}

/** `upper-back validate`: checks every content file and reports each problem with file, line and fix. */
export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: "validate",
  describe: "Validate content (exercises, routines, paces); exits non-zero on any problem",
  builder: (y) =>
    y
      .option("dir", { type: "string", describe: "Content folder (default: the project's content/)" })
      .option("write-schema", { type: "boolean", default: false, describe: "Also write the JSON Schemas editors use to content/schema/" }),
  handler: (args) => {
    // Schemas come from code, not content, so they are written even when content is broken.
    if (args["write-schema"]) {
      for (const [name, schema] of Object.entries(jsonSchemas())) {
        writeFileSync(join(contentDir, "schema", `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
      }
    }
    const catalog = loadCatalogForCommand(args.dir);
    if (!catalog) return;
    process.stdout.write(`Content is valid: ${catalog.exercises.size} exercises, ${catalog.routines.size} routines, ${Object.keys(catalog.paces).length} paces.\n`);
  },
};
