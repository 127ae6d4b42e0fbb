// The embedded offline voice: eSpeak NG compiled to JavaScript (@echogarden/espeak-ng-emscripten),
// so a fresh `npm ci && npm run render` speaks with no account, no network and no native binary.
//
// Why this package and not `espeak-ng` (npm): that one is the espeak CLI compiled to WASM and must be
// instantiated once per phrase (an 18 MB module, ~300 ms each), while this one keeps one synthesizer
// instance and renders a 5 s phrase in ~20 ms once warm (see the report). Both need no install-time download.
import { createRequire } from "node:module";
import { endianness } from "node:os";
import type { EspeakNGWorker } from "@echogarden/espeak-ng-emscripten";
import type { Clip, EngineUsage, SynthesizeOptions, TtsEngine } from "./engine.js";

/** Options of the embedded voice. */
export interface EspeakEngineOptions {
  /** An eSpeak NG voice name, optionally with a variant: "en-us" (default), "en-gb-x-rp", "en-us+f3". */
  voice?: string;
}

/** eSpeak's normal speaking rate in words per minute; `ratePercent: 100` maps to it. */
export const ESPEAK_BASE_WPM = 175;
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
 * Creates the embedded voice. Each engine owns its own synthesizer instance (no module-level state);
 * a phrase is rendered in one synchronous block that first sets voice and rate, so concurrent calls
 * cannot see each other's settings. Throws if the voice is unknown, listing the English voices.
 */
export async function createEspeakEngine(options: EspeakEngineOptions = {}): Promise<TtsEngine> {
  const voice = options.voice ?? "en-us";
  const { default: initialize } = await import("@echogarden/espeak-ng-emscripten");
  const module = await initialize();
  let worker: EspeakNGWorker | undefined = new module.eSpeakNGWorker();
  if (worker.set_voice(voice) !== 0) {
    const english = worker
      .list_voices()
      .map((v) => v.identifier.replace(/^.*\//, ""))
      .filter((id) => id.toLowerCase().startsWith("en"));
    worker.__destroy__();
    throw new Error(
      `espeak: voice "${voice}" is not available; choose one of ${english.join(", ")} (flag --voice)`,
    );
  }
  const usage: EngineUsage = { requests: 0, characters: 0, estimatedCostUsd: 0 };

  return {
    id: "espeak",
    voice,
    settingsKey: `espeak-ng-emscripten@${packageVersion()};sr=${ESPEAK_SAMPLE_RATE};fmt=1`,
    sampleRate: ESPEAK_SAMPLE_RATE,
    async synthesize(text: string, opts: SynthesizeOptions): Promise<Clip> {
      const wpm = espeakWordsPerMinute(opts.ratePercent);
      if (text.trim() === "") throw new Error("espeak: cannot synthesize empty text (a speech cue has no words)");
      // Let other work (progress output, ffmpeg pipes) run between phrases: synthesis blocks the thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
      opts.signal?.throwIfAborted();
      if (!worker) throw new Error("espeak: engine was closed; create a new one with createEspeakEngine()");
      const chunks: Buffer[] = [];
      worker.set_voice(voice);
      worker.set_rate(wpm);
      worker.synthesize(escapeForEspeak(text), (samples) => {
        if (samples && samples.length > 0) chunks.push(int16ToLeBuffer(samples));
        return false; // a truthy return would abort synthesis
      });
      usage.requests += 1;
      usage.characters += text.length;
      const pcm = Buffer.concat(chunks);
      if (pcm.length === 0) throw new Error(`espeak: produced no audio for "${text.slice(0, 60)}"`);
      return { pcm, sampleRate: ESPEAK_SAMPLE_RATE };
    },
    usage: () => ({ ...usage }),
    async close() {
      worker?.__destroy__();
      worker = undefined;
    },
  };
}

// The binding parses its input as SSML, so plain text must be escaped exactly once.
function escapeForEspeak(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Int16Array is in the platform's byte order; Clip promises little-endian.
function int16ToLeBuffer(samples: Int16Array): Buffer {
  if (endianness() === "LE") return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const out = Buffer.allocUnsafe(samples.length * 2);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i]!, i * 2);
  return out;
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@echogarden/espeak-ng-emscripten/package.json") as { version: string }).version;
}
