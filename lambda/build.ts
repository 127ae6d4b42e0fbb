// `npm run build`: bundles lambda/index.ts for Lambda's Node.js 22 runtime into dist/lambda/index.mjs and
// dist/lambda/function.zip, with the validated content catalog and the render manifest embedded.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { loadCatalog } from "../content/load.js";
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

// zod's classic API re-exports all ~50 message locales (~300 KB minified) though only English is ever configured;
// the bundle keeps `z.locales.en` and drops the rest. Nothing here calls z.config() with another locale.
function onlyEnglishZodLocale(): Plugin {
  return {
    name: "only-english-zod-locale",
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-locales" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};`,
        loader: "js",
        resolveDir: dirname(args.path),
      }));
    },
  };
}

// The bundle carries the catalog already validated (see embedAssets), so content/load.ts's YAML parsing is dead code
// in Lambda; replacing the yaml package (~115 KB minified) keeps it out of every cold start. If the embedded
// catalog were ever missing, loadCatalog() would fail with this message instead of reading files that aren't there.
function noYamlInBundle(): Plugin {
  return {
    name: "no-yaml-in-bundle",
    setup(b) {
      b.onResolve({ filter: /^yaml$/ }, (args) =>
        /[\\/]content[\\/]load\.ts$/.test(args.importer) ? { path: "yaml", namespace: "no-yaml" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "no-yaml" }, () => ({
        contents:
          'function fail() { throw new Error("lambda bundle: content is embedded at build time and YAML is not bundled; rebuild with npm run build"); }' +
          "export const LineCounter = fail, parseDocument = fail, isNode = fail;",
        loader: "js",
      }));
    },
  };
}

/** Bundles the Lambda and zips it; throws if content does not validate (a broken catalog never ships). */
export async function buildLambda(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? join(root, "dist/lambda"));
  const manifestPath = resolve(options.manifestPath ?? join(root, "dist/sessions/alexa/manifest.json"));
  const catalog = options.contentDir ? loadCatalog(options.contentDir) : loadCatalog();
  const manifest = readManifestForBundle(manifestPath);
  mkdirSync(outDir, { recursive: true });
  const bundlePath = join(outDir, "index.mjs");

  const result = await build({
    entryPoints: [join(root, "lambda/index.ts")],
    outfile: bundlePath,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    minify: true,
    treeShaking: true,
    legalComments: "none",
    sourcemap: "external",
    metafile: true,
    logLevel: "warning",
    // CommonJS dependencies (ask-sdk-core) call require() for Node built-ins; ESM output needs a real require.
    banner: { js: 'import{createRequire as __ubCreateRequire}from"node:module";const require=__ubCreateRequire(import.meta.url);' },
    // Everything is bundled, AWS SDK v3 included: versions stay pinned by package-lock instead of drifting with
    // the runtime's copy. AWS SDK v2 must never come in; fail loudly if something tries to import it.
    plugins: [
      embedAssets({ catalog: serializeCatalog(catalog), ...(manifest ? { manifest } : {}) }),
      onlyEnglishZodLocale(),
      noYamlInBundle(),
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
