// The embedded voices (Flite, eSpeak NG) are synchronous, CPU-bound WASM synthesizers. Each runs in worker
// threads, one synthesizer per thread, so phrases render in parallel on several cores and the main thread
// stays free for ffmpeg pipes and progress output. This module is the part they share: starting the
// threads, handing each phrase to the least busy one, failing clearly when a thread dies, and the
// TtsEngine bookkeeping (usage, close, abort, empty text).
//
// Worker protocol: workerData is the engine's own; the worker posts { type: "ready" } or
// { type: "failed", message, voices } (the voices worth offering, e.g. the English ones); then for each { id, ...job } it posts { id, pcm: ArrayBuffer }
// (s16 little-endian) or { id, error }.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Clip, EngineUsage, SynthesizeOptions, TtsEngine } from "./engine.js";

/** How one embedded voice is started and driven. */
export interface WorkerEngineSpec<Job> {
  id: string;
  voice: string;
  settingsKey: string;
  sampleRate: number;
  /** The worker script (plain JavaScript, so it loads the same under tsx, vitest and node). */
  script: URL;
  workerData: unknown;
  /** Worker threads; default min(2, cores). */
  threads?: number;
  /** The job message for one phrase; throws for a rate the engine cannot speak. */
  job(text: string, ratePercent: number): Job;
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
 * Starts an embedded voice's threads and wraps them as a TtsEngine. Throws if a thread cannot start or
 * reports an unknown voice (naming the voices on offer and the --voice flag).
 */
export async function createWorkerEngine<Job extends object>(spec: WorkerEngineSpec<Job>): Promise<TtsEngine> {
  const { id, voice, sampleRate } = spec;
  // Two threads, or one on a single-core machine: the render's track encodes need the other cores.
  const threads = Math.max(1, Math.floor(spec.threads ?? Math.min(2, availableParallelism())));
  const started = await Promise.allSettled(Array.from({ length: threads }, () => startLane(spec)));
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
    id,
    voice,
    settingsKey: spec.settingsKey,
    sampleRate,
    concurrency: threads,
    async synthesize(text: string, opts: SynthesizeOptions): Promise<Clip> {
      const job = spec.job(text, opts.ratePercent);
      if (text.trim() === "") throw new Error(`${id}: cannot synthesize empty text (a speech cue has no words)`);
      if (closed) throw new Error(`${id}: engine was closed; create a new one`);
      opts.signal?.throwIfAborted();
      const alive = lanes.filter((l) => l.alive);
      if (alive.length === 0) throw new Error(`${id}: every synthesizer thread has stopped; see the error above and run again`);
      const lane = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const jobId = nextId++;
      const pcm = await new Promise<Buffer>((resolve, reject) => {
        lane.pending.set(jobId, { resolve, reject });
        lane.worker.ref();
        lane.worker.postMessage({ id: jobId, ...job });
      });
      usage.requests += 1;
      usage.characters += text.length;
      if (pcm.length === 0) throw new Error(`${id}: produced no audio for "${text.slice(0, 60)}"`);
      return { pcm, sampleRate };
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
async function startLane<Job>(spec: WorkerEngineSpec<Job>): Promise<Lane> {
  const { id } = spec;
  // The workers are plain JavaScript: they start without the parent's flags (tsx's loader would add a
  // hooks thread per worker for nothing).
  const worker = new Worker(spec.script, { workerData: spec.workerData, execArgv: [] });
  const pending = new Map<number, Pending>();
  const lane: Lane = { worker, pending, alive: true };

  await new Promise<void>((resolve, reject) => {
    const onFirst = (reply: WorkerReply) => {
      worker.off("error", onError);
      if ("type" in reply && reply.type === "ready") return resolve();
      if ("type" in reply && reply.type === "failed") {
        void worker.terminate();
        return reject(new Error(`${id}: ${reply.message}; choose one of ${reply.voices.join(", ")} (flag --voice)`));
      }
    };
    const onError = (error: Error) => reject(new Error(`${id}: the synthesizer thread failed to start (${error.message})`));
    worker.once("message", onFirst);
    worker.once("error", onError);
  });

  worker.on("message", (reply: WorkerReply) => {
    if (!("id" in reply)) return;
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref(); // an idle engine must not keep the process alive
    if ("error" in reply) job.reject(new Error(`${id}: ${reply.error}`));
    else job.resolve(Buffer.from(reply.pcm));
  });
  // A crashed thread fails what it held; later calls go to the other threads, or fail clearly.
  const failAll = (error: Error) => {
    lane.alive = false;
    for (const job of pending.values()) job.reject(new Error(`${id}: synthesizer thread stopped (${error.message})`));
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`exit code ${code}`)));
  worker.unref();
  return lane;
}
