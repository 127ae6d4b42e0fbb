import { ContentErrors, loadCatalog, type Catalog } from "../../content/load.js";

/**
 * Loads the catalogue for a CLI command. Content errors are the person's to fix, so they are printed with file
 * and line, `process.exitCode` is set to 1 and undefined is returned (the command returns; bin/cli.ts exits).
 */
export function loadCatalogForCommand(dir?: string): Catalog | undefined {
  try {
    return loadCatalog(dir);
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    process.stderr.write(`${error.message}\n${error.errors.length} problem(s) in content. Fix them and run \`upper-back validate\` again.\n`);
    process.exitCode = 1;
    return undefined;
  }
}
