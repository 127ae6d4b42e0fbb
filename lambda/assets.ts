// Content and render manifest travel inside the bundle, so the Lambda needs no files beside index.mjs and never
// parses YAML on a cold start.
import type { Catalog } from "../content/load.js";
import type { Manifest } from "../content/manifest.js";
import { embedded } from "./embedded.js";

/** The JSON form of a Catalog: its two Maps become arrays (items carry their ids); every other field is kept as is. */
export type SerializedCatalog = Omit<Catalog, "exercises" | "routines"> & {
  exercises: Array<Catalog["exercises"] extends Map<string, infer E> ? E : never>;
  routines: Array<Catalog["routines"] extends Map<string, infer R> ? R : never>;
};

/** What the build embeds; both parts optional (no render yet means no manifest). */
export interface SerializedAssets {
  catalog?: SerializedCatalog;
  manifest?: Manifest;
}

/** Turns a loaded Catalog into plain JSON for embedding; new plain fields of Catalog travel without changes here. */
export function serializeCatalog(catalog: Catalog): SerializedCatalog {
  return { ...catalog, exercises: [...catalog.exercises.values()], routines: [...catalog.routines.values()] };
}

/** Rebuilds the Catalog the skill expects from its embedded JSON form. */
export function reviveCatalog(data: SerializedCatalog): Catalog {
  return {
    ...data,
    exercises: new Map(data.exercises.map((e) => [e.id, e])),
    routines: new Map(data.routines.map((r) => [r.id, r])),
  };
}

/** The skill-config fields the bundle provides; empty when running from source. */
export function bundledAssets(assets: SerializedAssets = embedded): { catalog?: Catalog; manifest?: Manifest } {
  return {
    ...(assets.catalog ? { catalog: reviveCatalog(assets.catalog) } : {}),
    ...(assets.manifest ? { manifest: assets.manifest } : {}),
  };
}
