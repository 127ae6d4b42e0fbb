// The embedded offline voice: eSpeak NG compiled to JavaScript (@echogarden/espeak-ng-emscripten),
// so a fresh `npm ci && npm run render` speaks with no account, no network and no native binary.
//
// Why this package and not `espeak-ng` (npm): that one is the espeak CLI compiled to WASM; its only
// entry point is main(), so it is either instantiated per phrase (~250 ms each) or driven through raw
// main() calls, which measured ~37 ms a phrase on the catalogue against ~16–19 ms here. Neither
// downloads anything at install time.
//
// Each engine runs its synthesizers in worker threads (espeak-worker.js), one per thread, so phrases
// render in parallel on several cores and the main thread stays free. A worker renders one phrase at
// a time and sets voice and rate for each, so concurrent calls cannot see each other's settings.
// eSpeak's pitch flutter runs on from phrase to phrase, so a repeated phrase differs by a few samples;
// the clip cache makes that irrelevant (each phrase is synthesized once).
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Clip, EngineUsage, SynthesizeOptions, TtsEngine } from "./engine.js";

/** Options of the embedded voice. */
export interface EspeakEngineOptions {
  /** An eSpeak NG voice name, optionally with a variant: "en-us" (default), "en-gb-x-rp", "en-us+f3". */
  voice?: string;
  /** Worker threads, each with its own synthesizer; default min(2, cores). */
  threads?: number;
}

/** eSpeak's normal speaking rate in words per minute; `ratePercent: 100` maps to it. */
export const ESPEAK_BASE_WPM = 175;
export const ESPEAK_SAMPLE_RATE = 22050;
const MIN_WPM = 80;
const MAX_WPM = 450;

/** Converts a pace's speaking rate (percent of normal) to eSpeak words per minute, within eSpeak's range. */
export function espeakWordsPerMinute(ratePercent: number): number {
  if (!Number.isFinite(ratePercent) || ratePercent <= 0) {
    throw new RangeError(`espeak: ratePercent must be a positive number (got ${ratePercent}); use the pace's speechRatePercent`);
  }
  return Math.min(MAX_WPM, Math.max(MIN_WPM, Math.round((ESPEAK_BASE_WPM * ratePercent) / 100)));
}

interface Pending {
  resolve: (pcm: Buffer) => void;
  reject: (error: Error) => void;
}

interface Lane {
  worker: Worker;
  pending: Map<number, Pending>;
  alive: boolean;
}

type WorkerReply =
  | { type: "ready" }
  | { type: "failed"; message: string; voices: string[] }
  | { id: number; pcm: ArrayBuffer }
  | { id: number; error: string };

/**
 * Creates the embedded voice with its worker threads. Throws if the voice is unknown, listing the
 * English voices and the flag that sets it.
 */
export async function createEspeakEngine(options: EspeakEngineOptions = {}): Promise<TtsEngine> {
  const voice = options.voice ?? "en-us";
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(2, availableParallelism())));
  const started = await Promise.allSettled(Array.from({ length: threads }, () => startLane(voice)));
  const lanes = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failure = started.find((r) => r.status === "rejected");
  if (failure) {
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    throw failure.reason;
  }
  const usage: EngineUsage = { requests: 0, characters: 0, estimatedCostUsd: 0 };
  let nextId = 1;
  let closed = false;

  return {
    id: "espeak",
    voice,
    settingsKey: `espeak-ng-emscripten@${packageVersion()};sr=${ESPEAK_SAMPLE_RATE};fmt=1`,
    sampleRate: ESPEAK_SAMPLE_RATE,
    async synthesize(text: string, opts: SynthesizeOptions): Promise<Clip> {
      const wpm = espeakWordsPerMinute(opts.ratePercent);
      if (text.trim() === "") throw new Error("espeak: cannot synthesize empty text (a speech cue has no words)");
      if (closed) throw new Error("espeak: engine was closed; create a new one with createEspeakEngine()");
      opts.signal?.throwIfAborted();
      // The least busy live thread takes the phrase.
      const alive = lanes.filter((l) => l.alive);
      if (alive.length === 0) throw new Error("espeak: every synthesizer thread has stopped; see the error above and run again");
      const lane = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      const pcm = await new Promise<Buffer>((resolve, reject) => {
        lane.pending.set(id, { resolve, reject });
        lane.worker.ref();
        lane.worker.postMessage({ id, text: escapeForEspeak(text), wpm });
      });
      usage.requests += 1;
      usage.characters += text.length;
      if (pcm.length === 0) throw new Error(`espeak: produced no audio for "${text.slice(0, 60)}"`);
      return { pcm, sampleRate: ESPEAK_SAMPLE_RATE };
    },
    usage: () => ({ ...usage }),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}

// Starts one worker and waits until its synthesizer is ready (or reports an unknown voice).
async function startLane(voice: string): Promise<Lane> {
  const worker = new Worker(new URL("./espeak-worker.js", import.meta.url), { workerData: { voice } });
  const pending = new Map<number, Pending>();
  const lane: Lane = { worker, pending, alive: true };

  await new Promise<void>((resolve, reject) => {
    const onFirst = (reply: WorkerReply) => {
      worker.off("error", onError);
      if ("type" in reply && reply.type === "ready") return resolve();
      if ("type" in reply && reply.type === "failed") {
        const english = reply.voices.filter((id) => id.toLowerCase().startsWith("en"));
        void worker.terminate();
        return reject(new Error(`espeak: ${reply.message}; choose one of ${english.join(", ")} (flag --voice)`));
      }
    };
    const onError = (error: Error) => reject(new Error(`espeak: the synthesizer thread failed to start (${error.message})`));
    worker.once("message", onFirst);
    worker.once("error", onError);
  });

  worker.on("message", (reply: WorkerReply) => {
    if (!("id" in reply)) return;
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref(); // an idle engine must not keep the process alive
    if ("error" in reply) job.reject(new Error(`espeak: ${reply.error}`));
    else job.resolve(Buffer.from(reply.pcm));
  });
  // A crashed thread fails what it held; later calls go to it and fail clearly too.
  const failAll = (error: Error) => {
    lane.alive = false;
    for (const job of pending.values()) job.reject(new Error(`espeak: synthesizer thread stopped (${error.message})`));
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`exit code ${code}`)));
  worker.unref();
  return lane;
}

// The binding parses its input as SSML, so plain text must be escaped exactly once.
function escapeForEspeak(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@echogarden/espeak-ng-emscripten/package.json") as { version: string }).version;
}
