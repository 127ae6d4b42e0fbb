// `upper-back render`: its flags, and the content check that comes first. What renders (ffmpeg, the voices, the
// AWS SDK) is in render-run.ts and loads only once the content is known good, so a content error is reported as
// fast as `validate` reports it (about half a second less than loading them all first).
import type { CommandModule } from "yargs";
import { SESSIONS_DIR } from "../../content/facts.js";
import { POLLY_ENGINES, type PollyEngine } from "../../content/ssml/polly.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import { PROFILE_IDS, type ProfileId } from "../audio/profiles.js";
import { DEFAULT_CLIP_CACHE_DIR } from "../cache/clip-cache.js";
import { withSiteOptions, type SiteArgs } from "../site/options.js";
import { DEFAULT_ENGINE, ENGINE_IDS, type EngineId } from "../tts/engine.js";
import { loadCatalogForCommand } from "./catalog.js";

/** The flags of `upper-back render`, as yargs parses them. */
export interface RenderArgs extends SiteArgs {
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
    const { runRender } = await import("./render-run.js");
    await runRender(args, catalog);
  },
};
