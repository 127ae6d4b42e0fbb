/**
 * The one interface every text-to-speech engine implements, so the clip cache and the audio
 * assembly never know which voice they are talking to.
 *
 * Contract (kept stable; the assembly code depends on it):
 * - `synthesize(text)` takes plain text (one speech cue of the timeline, no SSML) and returns
 *   16-bit signed little-endian mono PCM at the engine's native `sampleRate` (Flite 16000 Hz,
 *   espeak 22050 Hz, Polly 16000 Hz). Resampling is the assembler's job (ffmpeg does it once per track).
 * - Leading/trailing silence inside a clip is whatever the engine produces; pauses between cues are
 *   added by the assembler as exact silence.
 * - `id`, `voice` and `settingsKey` together with the text and rate fully determine the audio:
 *   the clip cache hashes them into its key, so anything that changes the sound must change one of them.
 * - `ratePercent: 100` is the engine's natural speaking rate (about 150–160 words a minute measured on
 *   trimmed clips), so a pace's `speechRatePercent` means the same on every engine.
 * - Calls may run concurrently; each engine limits its own parallelism and rate, and says in
 *   `concurrency` how many calls are worth keeping in flight (the render's clip pool uses it as is).
 */

/** A synthesized phrase: raw PCM, signed 16-bit little-endian, one channel. */
export interface Clip {
  /** s16le mono samples (byte length is even). */
  pcm: Buffer;
  /** Samples per second of `pcm`. */
  sampleRate: number;
}

/** Per-call options. */
export interface SynthesizeOptions {
  /** Speaking rate in percent of the engine's normal rate (100 = normal), from `PaceT.speechRatePercent`. */
  ratePercent: number;
  /** Aborts the request (e.g. Ctrl-C during a render); the promise then rejects. */
  signal?: AbortSignal;
}

/** What an engine has consumed so far, for the render summary. */
export interface EngineUsage {
  /** Synthesis requests made (one phrase can take several Polly requests). */
  requests: number;
  /** Characters sent to the engine (billed characters for Polly). */
  characters: number;
  /** Estimated cost in US dollars (0 for the embedded voice). */
  estimatedCostUsd: number;
}

/** A text-to-speech engine. */
export interface TtsEngine {
  /** Engine family, e.g. "flite", "espeak" or "polly". Part of the cache key. */
  readonly id: string;
  /** Voice name as the engine knows it, e.g. "slt", "en-us" or "Joanna". Part of the cache key. */
  readonly voice: string;
  /**
   * Every other setting that changes the audio (Polly engine kind, sample rate, espeak variant,
   * a format version), as a short stable string. Part of the cache key.
   */
  readonly settingsKey: string;
  /** Sample rate of every clip this engine returns. */
  readonly sampleRate: number;
  /** Calls worth keeping in flight: the embedded voices' thread count, Polly's request concurrency. */
  readonly concurrency: number;
  /** Synthesizes one phrase of plain text. */
  synthesize(text: string, opts: SynthesizeOptions): Promise<Clip>;
  /** Usage counters since the engine was created. */
  usage(): EngineUsage;
  /** Releases resources (WASM instances, HTTP connections). Safe to call twice. */
  close(): Promise<void>;
}

/** Engine families the CLI offers with `--engine`. */
export const ENGINE_IDS = ["flite", "espeak", "polly"] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** The engine `npm run render` speaks with: the most natural offline voice (docs/VOICES.md says why). */
export const DEFAULT_ENGINE: EngineId = "flite";

const DEFAULT_VOICES: Record<EngineId, string> = { flite: "slt", espeak: "en-us", polly: "Joanna" };

/** Voice a render uses when --voice is not given. */
export function defaultVoice(engine: EngineId): string {
  return DEFAULT_VOICES[engine];
}
