// What every handler needs, built once per skill (content, manifest, settings); no per-user data here.
import type { Catalog } from "../../content/load.js";
import type { Manifest } from "../../content/manifest.js";
import type { ProgressStore } from "../persistence/versioned.js";

/** Logs one structured line; console by default, replaceable in tests. */
export type Log = (level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;

/** Fixed inputs shared by all handlers of one skill instance. */
export interface SkillDeps {
  catalog: Catalog;
  /** AudioPlayer mode: AUDIO_BASE_URL and the render manifest. */
  audio?: { baseUrl: string; manifest: Manifest };
  /** HTTPS base for chimes in speech mode. */
  audioBaseUrl?: string;
  /** Where progress is stored (versioned, with deadlines); undefined when no persistence is configured. */
  persistence?: ProgressStore;
  log: Log;
}

/** Writes JSON lines to stderr, where Lambda and CloudWatch pick them up. */
export const consoleLog: Log = (level, message, details) => {
  process.stderr.write(`${JSON.stringify({ level, message, ...details })}\n`);
};
