// `npm run build`: bundles lambda/index.ts for Lambda's Node.js 22 runtime into dist/lambda/index.mjs and
// dist/lambda/function.zip, with the validated content catalog and the render manifest embedded.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions as BuildOptionsOfEsbuild, type Metafile, type Plugin } from "esbuild";
import { loadCatalog } from "../content/load.js";
import * as schema from "../content/schema.js";
import { readManifestSync, type Manifest } from "../content/manifest.js";
import { serializeCatalog, type SerializedAssets } from "./assets.js";
import { createZip } from "./zip.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where and what to build. */
export interface BuildOptions {
  /** Output folder; dist/lambda unless told. */
  outDir?: string;
  /** Render manifest to embed: the alexa profile's, dist/sessions/alexa/manifest.json, unless told. Missing = speech only. */
  manifestPath?: string;
  /** Content folder to embed; content/ unless told. */
  contentDir?: string;
}

/** What the build wrote, with the figures the benchmark and the report print. */
export interface BuildResult {
  bundlePath: string;
  zipPath: string;
  bundleBytes: number;
  zipBytes: number;
  manifestEmbedded: boolean;
  trackCount: number;
  /** Source files that went into the bundle (from esbuild's metafile), relative to the repo. */
  inputs: string[];
}

// Validated here so a broken manifest fails the build, not the skill. Per-segment timings are for the page and the
// tests; the skill needs ids, files, lengths and chapters, so segments are emptied to keep the bundle small.
function readManifestForBundle(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  const manifest = readManifestSync(path);
  return { tracks: manifest.tracks.map((track) => ({ ...track, segments: [] })) };
}

// Replaces lambda/embedded.ts with the data, so the bundle is self-contained and source runs stay file-based.
function embedAssets(assets: SerializedAssets): Plugin {
  return {
    name: "embed-assets",
    setup(b) {
      b.onLoad({ filter: /[\\/]lambda[\\/]embedded\.ts$/ }, () => ({
        contents: `export const embedded = ${JSON.stringify(assets)};`,
        loader: "js",
      }));
    },
  };
}

// Content is validated here, at build time, and travels in the bundle as data (see embedAssets), so the run-time
// modules that validate it (zod schemas, the YAML loader, the manifest reader) are dead weight on every cold start:
// ~190 KB of zod and ~115 KB of yaml. They are swapped for what the skill really uses of them: the schema module's
// plain-data constants (pace ids and the like, copied as JSON), and loaders that say why they cannot run. A skill
// import of anything else from these modules fails the build ("No matching export"), so nothing can silently depend
// on run-time validation.
function validatedAtBuildTime(): Plugin {
  const stubs: Array<[RegExp, string]> = [
    [/[\\/]content[\\/]schema\.ts$/, plainDataExports(schema)],
    [/[\\/]content[\\/]load\.ts$/, `export function loadCatalog() { throw new Error(${JSON.stringify(EMBEDDED_ONLY)}); }`],
    [/[\\/]content[\\/]manifest\.ts$/, `export function readManifestSync() { throw new Error(${JSON.stringify(EMBEDDED_ONLY)}); }`],
  ];
  return {
    name: "validated-at-build-time",
    setup(b) {
      for (const [filter, contents] of stubs) b.onLoad({ filter }, () => ({ contents, loader: "js" }));
    },
  };
}

// Every export that is plain data (strings, numbers, arrays and objects of them), as an ES module; zod schemas and
// functions are left out, so importing one of those in the bundle fails the build.
function plainDataExports(module: Record<string, unknown>): string {
  const isPlain = (value: unknown): boolean =>
    value === null || ["string", "number", "boolean"].includes(typeof value) ||
    (Array.isArray(value) && value.every(isPlain)) ||
    (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(isPlain));
  return Object.entries(module)
    .filter(([, value]) => isPlain(value))
    .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
    .join("\n");
}

const EMBEDDED_ONLY = "lambda bundle: content and the render manifest are validated and embedded at build time; rebuild with npm run build";

/** How Lambda bundles are built (the skill's, and the benchmark's hello-world baseline, so they compare fairly). */
export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  minify: true,
  treeShaking: true,
  legalComments: "none",
  // CommonJS dependencies (ask-sdk-core) call require() for Node built-ins; ESM output needs a real require.
  banner: { js: 'import{createRequire as __ubCreateRequire}from"node:module";const require=__ubCreateRequire(import.meta.url);' },
} as const satisfies BuildOptionsOfEsbuild;

/** Bundles the Lambda and zips it; throws if content does not validate (a broken catalog never ships). */
export async function buildLambda(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? join(root, "dist/lambda"));
  const manifestPath = resolve(options.manifestPath ?? join(root, "dist/sessions/alexa/manifest.json"));
  const catalog = options.contentDir ? loadCatalog(options.contentDir) : loadCatalog();
  const manifest = readManifestForBundle(manifestPath);
  mkdirSync(outDir, { recursive: true });
  const bundlePath = join(outDir, "index.mjs");

  const result = await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: [join(root, "lambda/index.ts")],
    outfile: bundlePath,
    sourcemap: "external",
    metafile: true,
    logLevel: "warning",
    // Everything is bundled, AWS SDK v3 included: versions stay pinned by package-lock instead of drifting with
    // the runtime's copy. AWS SDK v2 must never come in; fail loudly if something tries to import it.
    plugins: [
      embedAssets({ catalog: serializeCatalog(catalog), ...(manifest ? { manifest } : {}) }),
      validatedAtBuildTime(),
      {
        name: "no-aws-sdk-v2",
        setup(b) {
          b.onResolve({ filter: /^aws-sdk(\/|$)/ }, (args) => ({
            errors: [{ text: `${args.importer} imports AWS SDK v2 ("${args.path}"); use the @aws-sdk/* v3 clients instead` }],
          }));
        },
      },
    ],
  });

  const bundle = readFileSync(bundlePath);
  const zip = createZip([{ name: "index.mjs", data: bundle }]);
  const zipPath = join(outDir, "function.zip");
  writeFileSync(zipPath, zip);
  writeFileSync(join(outDir, "meta.json"), JSON.stringify(result.metafile));
  return {
    bundlePath,
    zipPath,
    bundleBytes: bundle.length,
    zipBytes: zip.length,
    manifestEmbedded: manifest !== undefined,
    trackCount: manifest?.tracks.length ?? 0,
    inputs: inputsOf(result.metafile),
  };
}

function inputsOf(metafile: Metafile | undefined): string[] {
  return Object.keys(metafile?.inputs ?? {}).map((p) => relative(root, resolve(root, p)));
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const manifestArg = process.argv.indexOf("--manifest");
  const built = await buildLambda(manifestArg > 0 ? { manifestPath: process.argv[manifestArg + 1] } : {}).catch((error: Error) => {
    // Content and manifest errors already name the file, the field and the fix; a stack trace adds nothing.
    process.stderr.write(`npm run build: ${error.message}\n`);
    process.exit(1);
  });
  process.stdout.write(
    `Built ${relative(process.cwd(), built.bundlePath)} (${built.bundleBytes} bytes) and ${relative(process.cwd(), built.zipPath)} ` +
      `(${built.zipBytes} bytes); ${built.manifestEmbedded ? `render manifest embedded (${built.trackCount} tracks)` : "no alexa-profile render manifest (dist/sessions/alexa/manifest.json): the skill speaks only, until you `npm run render` and build again"}.\n`,
  );
}
