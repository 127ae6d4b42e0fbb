// Skill configuration for local runs (`serve`, `chat`): the Lambda's environment variables, plus one convenience —
// in AudioPlayer mode the alexa-profile manifest of the last render is used when MANIFEST_PATH is not given.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readSkillConfig, type SkillConfig } from "../index.js";

/** Where `upper-back render` writes the AudioPlayer profile's manifest. */
export const DEFAULT_ALEXA_MANIFEST = join("dist", "sessions", "alexa", "manifest.json");

/** readSkillConfig(env), with MANIFEST_PATH defaulting to the rendered alexa manifest when AUDIO_BASE_URL is set. */
export function localSkillConfig(env: NodeJS.ProcessEnv = process.env): SkillConfig {
  const config = readSkillConfig(env);
  if (config.audioBaseUrl && !config.manifestPath && !config.manifest && existsSync(DEFAULT_ALEXA_MANIFEST)) {
    return { ...config, manifestPath: DEFAULT_ALEXA_MANIFEST };
  }
  return config;
}
