import { ContentErrors, loadCatalog, type Catalog } from "../../content/load.js";

/** Loads the catalogue for a CLI command, printing every content error with file and line and exiting non-zero. */
export function loadCatalogOrExit(dir?: string): Catalog {
  try {
    return loadCatalog(dir);
  } catch (error) {
    if (error instanceof ContentErrors) {
      process.stderr.write(`${error.message}\n${error.errors.length} problem(s) in content. Fix them and run \`upper-back validate\` again.\n`);
      process.exit(1);
    }
    throw error;
  }
}
