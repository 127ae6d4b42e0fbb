// Skill configuration for local runs (`serve`, `chat`): the Lambda's environment variables, plus one convenience —
// in AudioPlayer mode the alexa-profile manifest of the last render is used when MANIFEST_PATH is not given.
import { existsSync } from "node:fs";
import { readSkillConfig, type SkillConfig } from "../index.js";
import { ALEXA_MANIFEST_PATH } from "../../content/facts.js";

/** readSkillConfig(env), with MANIFEST_PATH defaulting to the rendered alexa manifest when AUDIO_BASE_URL is set. */
export function localSkillConfig(env: NodeJS.ProcessEnv = process.env): SkillConfig {
  const config = readSkillConfig(env);
  if (config.audioBaseUrl && !config.manifestPath && !config.manifest && existsSync(ALEXA_MANIFEST_PATH)) {
    return { ...config, manifestPath: ALEXA_MANIFEST_PATH };
  }
  return config;
}
