// The render itself, once `upper-back render` has loaded the content (render.ts): the voice, Ctrl-C, progress,
// the run's temporary folder and the end-of-run summary around renderCatalog.
import { setMaxListeners } from "node:events";
import type { Catalog } from "../../content/load.js";
import { profilesFor } from "../audio/profiles.js";
import { useRunTempDir } from "../io/run-temp.js";
import { progressReporter } from "../render/progress.js";
import { renderCatalog, type RenderEvent, type RenderSummary } from "../render/render.js";
import { writeArtwork } from "../site/artwork.js";
import { siteOptionsFromArgs } from "../site/options.js";
import { createTtsEngine, defaultVoice } from "../tts/index.js";
import type { RenderArgs } from "./render.js";

/** Renders what `args` select of `catalog` and prints the summary. */
export async function runRender(args: RenderArgs, catalog: Catalog): Promise<void> {
  // All temporary folders of this run go into one folder that is removed on every exit path (or, after a
  // kill -9, by the next render).
  const runTemp = await useRunTempDir();
  const engine = await createTtsEngine({ engine: args.engine, voice: args.voice ?? defaultVoice(args.engine), pollyEngine: args["polly-engine"] });
  const controller = new AbortController();
  // Every clip, encode and lock wait in flight listens for Ctrl-C on this one signal: dozens at once is by design.
  setMaxListeners(256, controller.signal);
  const stop = () => controller.abort(new Error("render interrupted (no partial file was kept; run it again to resume)"));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const progress = progressReporter(process.stdout);
  try {
    const summary = await renderCatalog({
      catalog,
      engine,
      outDir: args.out,
      profiles: profilesFor(args.profile),
      pace: args.pace,
      only: { routine: args.routine, exercise: args.exercise },
      clipCacheDir: args["cache-dir"],
      site: siteOptionsFromArgs(args),
      // The feed's cover is the one embedded, unless the feed points at another (--artwork-url) and none is given.
      artworkFile: args.artwork ?? (args["artwork-url"] ? undefined : (await writeArtwork(args.out)).path),
      concurrency: Math.max(1, Math.floor(args.concurrency)),
      force: args.force,
      bed: args.bed !== "none",
      signal: controller.signal,
      onEvent: (event: RenderEvent) => progress.event(event),
    });
    progress.done();
    process.stdout.write(formatSummary(summary, args.out));
  } finally {
    progress.done();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await engine.close();
    await runTemp.remove();
  }
}

/** The end-of-run summary, one fact per line. */
function formatSummary(s: RenderSummary, outDir: string): string {
  const minutes = (ms: number) => (ms / 60_000).toFixed(1);
  const lines = [
    `Rendered into ${outDir}: ${s.tracks} track(s), ${minutes(s.audioMs)} audio minutes per profile`,
    `  encoded ${s.encoded} (${minutes(s.encodedAudioMs)} min, ${s.encodes} encode(s)), unchanged ${s.unchanged}${s.resumed ? `, resumed ${s.resumed} from a failed run` : ""}`,
    ...(s.reuse.joined > 0 ? [`  routines: ${s.reuse.joined} joined from their exercises' encoded audio (${minutes(s.reuse.reusedMs)} min per profile not encoded again)`] : []),
    ...s.reuse.encodedWhole.map((r) => `  routine ${r.id} (${r.pace}) encoded whole: ${r.why}`),
    `  clips: ${s.clips.synthesized} synthesized, ${s.clips.cacheHits} from cache`,
    ...s.clips.rejected.map((r) => `  re-synthesized a cached clip that failed verification (${r.problem}): ${r.path}`),
    `  files: ${s.files.written} written, ${s.files.unchanged} unchanged`,
    `  voice: ${s.engine.id} ${s.engine.voice}, ${s.engine.characters} characters sent, estimated cost $${s.engine.estimatedCostUsd.toFixed(4)}`,
    `  manifests: ${s.manifests.join(", ")}`,
    `  took ${(s.wallMs / 1000).toFixed(1)} s`,
  ];
  return `${lines.join("\n")}\n`;
}
