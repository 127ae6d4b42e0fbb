// eSpeak NG, the second offline voice (--engine espeak), compiled to JavaScript (@echogarden/espeak-ng-emscripten),
// so it too speaks with no account, no network and no native binary. Flite is the default (docs/VOICES.md).
//
// Why this package and not `espeak-ng` (npm): that one is the espeak CLI compiled to WASM; its only
// entry point is main(), so it is either instantiated per phrase (~250 ms each) or driven through raw
// main() calls, which measured ~37 ms a phrase on the catalogue against ~16–19 ms here. Neither
// downloads anything at install time.
//
// The synthesizers run in worker threads (espeak-worker.js, driven by worker-engine.ts). A worker renders
// one phrase at a time and sets voice and rate for each, so concurrent calls cannot see each other's settings.
// eSpeak's pitch flutter runs on from phrase to phrase, so a repeated phrase differs by a few samples;
// the clip cache makes that irrelevant (each phrase is synthesized once).
import { createRequire } from "node:module";
import type { TtsEngine } from "./engine.js";
import { createWorkerEngine } from "./worker-engine.js";

/** Options of the eSpeak NG voice. */
export interface EspeakEngineOptions {
  /** An eSpeak NG voice name, optionally with a variant: "en-us" (default), "en-gb-x-rp", "en-us+f3". */
  voice?: string;
  /** Worker threads, each with its own synthesizer; default min(2, cores). */
  threads?: number;
}

/**
 * eSpeak's rate setting (words per minute) that `ratePercent: 100` maps to. eSpeak's own default, 175,
 * measured 192–206 words a minute on the rendered (trimmed) clips; 140 measures ~156 on the catalogue's phrases.
 */
export const ESPEAK_BASE_WPM = 140;
const ESPEAK_SAMPLE_RATE = 22050;
const MIN_WPM = 80;
const MAX_WPM = 450;

/** Converts a pace's speaking rate (percent of normal) to eSpeak words per minute, within eSpeak's range. */
export function espeakWordsPerMinute(ratePercent: number): number {
  if (!Number.isFinite(ratePercent) || ratePercent <= 0) {
    throw new RangeError(`espeak: ratePercent must be a positive number (got ${ratePercent}); use the pace's speechRatePercent`);
  }
  return Math.min(MAX_WPM, Math.max(MIN_WPM, Math.round((ESPEAK_BASE_WPM * ratePercent) / 100)));
}

/**
 * Creates the eSpeak NG voice with its worker threads. Throws if the voice is unknown, listing the
 * English voices and the flag that sets it.
 */
export async function createEspeakEngine(options: EspeakEngineOptions = {}): Promise<TtsEngine> {
  const voice = options.voice ?? "en-us";
  return createWorkerEngine({
    id: "espeak",
    voice,
    settingsKey: `espeak-ng-emscripten@${packageVersion()};sr=${ESPEAK_SAMPLE_RATE};base=${ESPEAK_BASE_WPM};fmt=1`,
    sampleRate: ESPEAK_SAMPLE_RATE,
    script: new URL("./espeak-worker.js", import.meta.url),
    workerData: { voice },
    threads: options.threads,
    job: (text, ratePercent) => ({ text: escapeForEspeak(text), wpm: espeakWordsPerMinute(ratePercent) }),
  });
}

// The binding parses its input as SSML, so plain text must be escaped exactly once.
function escapeForEspeak(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@echogarden/espeak-ng-emscripten/package.json") as { version: string }).version;
}
