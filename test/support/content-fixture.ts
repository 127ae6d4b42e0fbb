import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentDir } from "../../content/load.js";

/** Copies the real content to a temp folder so a test can break one file without touching the project. */
export function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), "ubr-content-"));
  cpSync(join(contentDir, "exercises"), join(dir, "exercises"), { recursive: true });
  cpSync(join(contentDir, "routines"), join(dir, "routines"), { recursive: true });
  cpSync(join(contentDir, "paces.yaml"), join(dir, "paces.yaml"));
  cpSync(join(contentDir, "safety.yaml"), join(dir, "safety.yaml"));
  return dir;
}

/** Replaces text in a copied content file, failing loudly if the text is not there. */
export function editFile(path: string, from: string | RegExp, to: string): void {
  const before = readFileSync(path, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit did not apply to ${path}: ${String(from)}`);
  writeFileSync(path, after);
}

/** 1-based line of the first occurrence of text in a file. */
export function lineOf(path: string, text: string): number {
  const lines = readFileSync(path, "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not found in ${path}`);
  return i + 1;
}
