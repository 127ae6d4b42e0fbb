// Writing the render manifest (the contract's schema and reader live in content/manifest.ts).
import { parseManifest, type Manifest } from "../../content/manifest.js";
import { writeFileAtomicIfChanged } from "../io/atomic.js";

/** Validates and writes a manifest atomically (pretty JSON); returns false when the file already held these bytes. */
export async function writeManifest(path: string, manifest: Manifest): Promise<boolean> {
  const valid = parseManifest(manifest, path);
  return writeFileAtomicIfChanged(path, `${JSON.stringify(valid, null, 2)}\n`);
}
