// What the Lambda bundle carries inside itself. In source runs this is empty (the skill reads content/ and
// MANIFEST_PATH); `npm run build` replaces this module with the validated catalog and the render manifest.
import type { SerializedAssets } from "./assets.js";

export const embedded: SerializedAssets = {};
