import { setMaxListeners } from "node:events";
import type { CommandModule } from "yargs";
import { SESSIONS_DIR } from "../../content/facts.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import { PROFILE_IDS, profilesFor, type ProfileId } from "../audio/profiles.js";
import { DEFAULT_CLIP_CACHE_DIR } from "../cache/clip-cache.js";
import { writeArtwork } from "../site/artwork.js";
import { siteOptionsFromArgs, withSiteOptions, type SiteArgs } from "../site/options.js";
import { renderCatalog, type RenderEvent, type RenderSummary } from "../render/render.js";
import { createTtsEngine, DEFAULT_ENGINE, defaultVoice, ENGINE_IDS, POLLY_ENGINES, type EngineId, type PollyEngine } from "../tts/index.js";
import { loadCatalogForCommand } from "./catalog.js";
import { progressReporter } from "../render/progress.js";
import { useRunTempDir } from "../io/run-temp.js";

interface RenderArgs extends SiteArgs {
  out: string;
  engine: EngineId;
  voice?: string;
  "polly-engine": PollyEngine;
  routine?: string;
  exercise?: string;
  pace?: PaceId;
  profile: ProfileId | "both";
  artwork?: string;
  concurrency: number;
  force: boolean;
  bed: "soft" | "none";
  "cache-dir": string;
}

/** `upper-back render`: every routine and exercise to loudness-normalised MP3s with chapters, plus manifest, page and feed. */
export const renderCommand: CommandModule<object, RenderArgs> = {
  command: "render",
  describe: "Render guided MP3 sessions (all routines and exercises) with manifest, download page and podcast feed",
  builder: (y) =>
    withSiteOptions(y)
      .option("out", { type: "string", default: SESSIONS_DIR, describe: "Output folder (the alexa profile goes to <out>/alexa)" })
      .option("engine", { choices: ENGINE_IDS, default: DEFAULT_ENGINE, describe: "Voice: embedded Flite or eSpeak NG (offline), or Amazon Polly" })
      .option("voice", { type: "string", describe: "Voice name (flite: slt, rms, awb, kal16; espeak: en-us, en-gb-x-rp…; polly: Joanna, Matthew…)" })
      .option("polly-engine", { choices: POLLY_ENGINES, default: "neural" as PollyEngine, describe: "Polly engine (with --engine polly)" })
      .option("routine", { type: "string", describe: "Render only this routine, e.g. quick" })
      .option("exercise", { type: "string", describe: "Render only this exercise, e.g. cat-cow" })
      .conflicts("routine", "exercise")
      .option("pace", { choices: PACE_IDS, describe: "Render only this pace (default: gentle, standard and deeper)" })
      .option("profile", {
        choices: [...PROFILE_IDS, "both"] as const,
        default: "both" as const,
        describe: "download: −16 LUFS, 44.1 kHz (page, feed); alexa: −14 LUFS, 22.05 kHz (AudioPlayer, in <out>/alexa)",
      })
      .option("artwork", { type: "string", describe: "Cover image (JPEG or PNG) embedded in every MP3 (default: the generated <out>/artwork.png, none with --artwork-url)" })
      .option("concurrency", { type: "number", default: 2, describe: "Tracks encoded at once" })
      .option("force", { type: "boolean", default: false, describe: "Re-encode tracks even when unchanged" })
      .option("bed", {
        choices: ["soft", "none"] as const,
        default: "soft" as const,
        describe: "Sound bed under the session, 20 dB under the speech, so skip-silence players keep the holds; none = silent pauses",
      })
      .option("cache-dir", { type: "string", default: DEFAULT_CLIP_CACHE_DIR, describe: "Clip cache folder (phrases synthesized once, ever)" })
      .example("$0 render", "Render everything offline into dist/sessions/")
      .example("$0 render --exercise cat-cow --profile download", "One exercise, download profile only")
      .example("$0 render --engine espeak", "The eSpeak NG voice instead of Flite (offline too)")
      .example("$0 render --routine quick --pace gentle", "The quick routine at the gentle pace only")
      .example("$0 render --engine polly --voice Joanna --base-url https://example.com/sessions", "Production voice and feed URL"),
  handler: async (args) => {
    const catalog = loadCatalogForCommand();
    if (!catalog) return;
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
  },
};

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
