// The Alexa skill: builds an ask-sdk-core CustomSkill from SkillConfig; the Lambda entry and local server wrap it.
import { existsSync } from "node:fs";
import { SkillBuilders, type PersistenceAdapter, type Skill as CustomSkill } from "ask-sdk-core";
import type { ResponseEnvelope } from "ask-sdk-model";
import { loadCatalog } from "../content/load.js";
import { readManifestSync, type Manifest } from "../content/manifest.js";
import { readSkillConfig, type SkillConfig } from "./config.js";
import { audioHandlers } from "./handlers/audio.js";
import { consoleLog, type Log, type SkillDeps } from "./handlers/deps.js";
import { errorHandler, systemHandlers } from "./handlers/errors.js";
import { intentHandlers } from "./handlers/routes.js";
import { answerSafely } from "./invoke.js";
import { DynamoPersistenceAdapter } from "./persistence/dynamo.js";
import { ALEXA_MANIFEST_PATH } from "../content/facts.js";
import { progressStoreOf } from "./persistence/versioned.js";

export { readSkillConfig, type SkillConfig };

/** Test and embedding hooks that are not configuration: a ready adapter, a log sink. */
export interface SkillOverrides {
  persistenceAdapter?: PersistenceAdapter;
  log?: Log;
}

function loadManifest(config: SkillConfig): Manifest | undefined {
  if (config.manifest) return config.manifest; // validated by whoever loaded it (the Lambda build, readManifest)
  const path = config.manifestPath ?? (existsSync(ALEXA_MANIFEST_PATH) ? ALEXA_MANIFEST_PATH : undefined);
  return path ? readManifestSync(path) : undefined;
}

function audioMode(config: SkillConfig, log: Log): SkillDeps["audio"] {
  if (!config.audioBaseUrl) return undefined;
  if (!config.audioBaseUrl.startsWith("https://")) {
    throw new Error(`AUDIO_BASE_URL must be an https:// URL (Alexa streams only over HTTPS); got "${config.audioBaseUrl}"`);
  }
  const manifest = loadManifest(config);
  if (!manifest) {
    log("warn", `AUDIO_BASE_URL is set but there is no render manifest (MANIFEST_PATH, config.manifest or ${ALEXA_MANIFEST_PATH}); using speech mode`);
    return undefined;
  }
  return { baseUrl: config.audioBaseUrl, manifest };
}

/** Builds the skill once per container; all per-user state lives in the request, session and persistence. */
export function createSkill(config: SkillConfig, overrides: SkillOverrides = {}): CustomSkill {
  const log = overrides.log ?? consoleLog;
  const adapter =
    overrides.persistenceAdapter ??
    (config.tableName ? new DynamoPersistenceAdapter({ tableName: config.tableName, endpoint: config.dynamoEndpoint, region: config.dynamoRegion }) : undefined);
  const deps: SkillDeps = {
    catalog: config.catalog ?? loadCatalog(),
    audio: audioMode(config, log),
    audioBaseUrl: config.audioBaseUrl,
    persistence: adapter ? progressStoreOf(adapter) : undefined,
    log,
  };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      ...intentHandlers(deps),
      ...audioHandlers(deps),
      ...systemHandlers(deps),
    )
    .addErrorHandlers(errorHandler(deps))
    .withCustomUserAgent("upper-back-routine");
  if (adapter) builder.withPersistenceAdapter(adapter);
  if (config.skillId) builder.withSkillId(config.skillId);
  return builder.create();
}

/** Answers any event with a valid response (refusing only another skill's requests); what Lambda and serve call. */
export type RequestAnswerer = (event: unknown, context?: unknown) => Promise<ResponseEnvelope>;

/** Builds the skill and puts it behind answerSafely, so a malformed request can never crash the Lambda or the server. */
export function createAnswerer(config: SkillConfig, overrides: SkillOverrides = {}): RequestAnswerer {
  const skill = createSkill(config, overrides);
  const log = overrides.log ?? consoleLog;
  return (event, context) => answerSafely(skill, event, context, config.skillId, log);
}
