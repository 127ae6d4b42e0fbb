// Content and render manifest travel inside the bundle, so the Lambda needs no files beside index.mjs and never
// parses YAML on a cold start.
import type { Catalog } from "../content/load.js";
import type { Manifest } from "../generator/publish/manifest.js";
import { embedded } from "./embedded.js";

/** The JSON form of a Catalog (Maps become arrays keyed by each item's id). */
export interface SerializedCatalog {
  exercises: Array<Catalog["exercises"] extends Map<string, infer E> ? E : never>;
  routines: Array<Catalog["routines"] extends Map<string, infer R> ? R : never>;
  paces: Catalog["paces"];
  safety: Catalog["safety"];
  defaultRoutineId: string;
}

/** What the build embeds; both parts optional (no render yet means no manifest). */
export interface SerializedAssets {
  catalog?: SerializedCatalog;
  manifest?: Manifest;
}

/** Turns a loaded Catalog into plain JSON for embedding. */
export function serializeCatalog(catalog: Catalog): SerializedCatalog {
  return {
    exercises: [...catalog.exercises.values()],
    routines: [...catalog.routines.values()],
    paces: catalog.paces,
    safety: catalog.safety,
    defaultRoutineId: catalog.defaultRoutineId,
  };
}

/** Rebuilds the Catalog the skill expects from its embedded JSON form. */
export function reviveCatalog(data: SerializedCatalog): Catalog {
  return {
    exercises: new Map(data.exercises.map((e) => [e.id, e])),
    routines: new Map(data.routines.map((r) => [r.id, r])),
    paces: data.paces,
    safety: data.safety,
    defaultRoutineId: data.defaultRoutineId,
  };
}

/** The skill-config fields the bundle provides; empty when running from source. */
export function bundledAssets(assets: SerializedAssets = embedded): { catalog?: Catalog; manifest?: Manifest } {
  return {
    ...(assets.catalog ? { catalog: reviveCatalog(assets.catalog) } : {}),
    ...(assets.manifest ? { manifest: assets.manifest } : {}),
  };
}
