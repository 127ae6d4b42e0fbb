// One entry point for the CLI: builds the engine a render asked for (--engine, --voice, --polly-engine).
import { DEFAULT_ENGINE, ENGINE_IDS, type EngineId, type TtsEngine } from "./engine.js";
import { createEspeakEngine } from "./espeak.js";
import { createFliteEngine } from "./flite.js";
import { createPollyEngine, type PollyEngine, type PollyEngineOptions } from "./polly.js";

export type { Clip, EngineId, EngineUsage, SynthesizeOptions, TtsEngine } from "./engine.js";
export { DEFAULT_ENGINE, defaultVoice, ENGINE_IDS } from "./engine.js";
export { createEspeakEngine } from "./espeak.js";
export { createFliteEngine } from "./flite.js";
export { createPollyEngine, POLLY_ENGINES, POLLY_PRICE_PER_MILLION, type PollyEngine, type PollyTtsEngine } from "./polly.js";

/** Options of `createTtsEngine`, as the render command's flags give them. */
export interface TtsEngineOptions {
  /** "flite" (default, offline), "espeak" (offline) or "polly". */
  engine?: EngineId;
  /** Voice of that engine; defaults in `defaultVoice`. */
  voice?: string;
  /** Polly only: standard, neural (default) or generative. */
  pollyEngine?: PollyEngine;
  /** Polly only: requests in flight (capped by the engine's quota). */
  concurrency?: number;
  /** Polly only: region, endpoint, credentials, retry and pacing overrides. */
  polly?: Omit<PollyEngineOptions, "engine" | "voice" | "concurrency">;
}

/** Creates the engine a render asked for; throws a clear error for an unknown engine, voice or missing credentials. */
export async function createTtsEngine(options: TtsEngineOptions = {}): Promise<TtsEngine> {
  const engine = options.engine ?? DEFAULT_ENGINE;
  if (engine === "flite") return createFliteEngine({ voice: options.voice });
  if (engine === "espeak") return createEspeakEngine({ voice: options.voice });
  if (engine === "polly") {
    return createPollyEngine({ ...options.polly, engine: options.pollyEngine, voice: options.voice, concurrency: options.concurrency });
  }
  throw new Error(`tts: engine "${String(engine)}" is not one of ${ENGINE_IDS.join(", ")} (flag --engine)`);
}

