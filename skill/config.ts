// Skill configuration: everything the skill reads from its environment, in one typed object.
import type { Catalog } from "../content/load.js";
import type { Manifest } from "../content/manifest.js";

/** What the skill needs to run; every field optional so tests and local runs can omit what they don't use. */
export interface SkillConfig {
  /** Alexa skill id; when set, requests for other skills are rejected (`withSkillId`). */
  skillId?: string;
  /** HTTPS base URL where the `alexa`-profile render (dist/sessions/alexa/) is served; unset means speech-only mode. */
  audioBaseUrl?: string;
  /** DynamoDB table for progress; unset means no persistence. */
  tableName?: string;
  /** DynamoDB endpoint override (dynalite on loopback in tests, DynamoDB Local). */
  dynamoEndpoint?: string;
  /** DynamoDB region; falls back to AWS_REGION, then us-east-1. */
  dynamoRegion?: string;
  /** Path of the `alexa`-profile render manifest (default dist/sessions/alexa/manifest.json) used in AudioPlayer mode. */
  manifestPath?: string;
  /** A catalog already loaded (bundles, tests); otherwise loadCatalog() reads content/. */
  catalog?: Catalog;
  /** A render manifest already loaded and validated (the bundle's, validated at build time); wins over manifestPath. */
  manifest?: Manifest;
}

/** Reads SkillConfig from environment variables so the Lambda entry and the local server share one definition. */
export function readSkillConfig(env: NodeJS.ProcessEnv = process.env): SkillConfig {
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  return {
    skillId: value("SKILL_ID"),
    audioBaseUrl: value("AUDIO_BASE_URL"),
    tableName: value("TABLE_NAME"),
    dynamoEndpoint: value("DYNAMODB_ENDPOINT"),
    dynamoRegion: value("DYNAMODB_REGION") ?? value("AWS_REGION"),
    manifestPath: value("MANIFEST_PATH"),
  };
}
