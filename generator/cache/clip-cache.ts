// Content-addressed cache of synthesized phrases: a phrase is synthesized once across all tracks and
// all runs, so a second render with nothing changed synthesizes nothing (and costs nothing on Polly).
import { abortable } from "../../content/abortable.js";
import { abortReason } from "../io/abort.js";
import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic.js";
import type { Clip, TtsEngine } from "../tts/engine.js";
import { decodeWav, encodeWav, type WavRead } from "./wav.js";

/** Bump when the stored format or the key recipe changes, so old entries are simply not found. */
const CACHE_FORMAT = 2;

/** Where clips live by default, relative to the project root. */
export const DEFAULT_CLIP_CACHE_DIR = ".cache/clips";

/** Options of `createClipCache`. */
export interface ClipCacheOptions {
  /** Folder of the cache; clips go to `<dir>/<2 hex>/<sha256>.wav`. */
  dir: string;
  /** The engine that synthesizes on a miss; its id, voice and settingsKey are part of every key. */
  engine: TtsEngine;
}

/** Per-phrase options (the same the engine takes, minus the abort signal which is per call). */
export interface ClipRequest {
  /** Speaking rate in percent (the pace's speechRatePercent). */
  ratePercent: number;
  /** Aborts waiting; a synthesis already shared with other callers still completes for them. */
  signal?: AbortSignal;
}

/** A clip served by the cache. */
export interface CachedClip extends Clip {
  /** The WAV file holding this clip (s16le mono, with its samples' sha256 in a chunk of its own): ffmpeg can read it directly. */
  path: string;
  /** sha256 hex of (format, engine id, voice, settingsKey, rate, text). */
  key: string;
  /** How this request was served: read from disk, joined to a synthesis in flight, or synthesized. */
  source: "disk" | "shared" | "synthesized";
}

/** Counters for the render summary. */
export interface ClipCacheStats {
  /** Calls to `get`. */
  requests: number;
  /** Served from a file on disk (synthesized by an earlier run or earlier in this one). */
  hits: number;
  /** Joined a synthesis of the same phrase already in flight (counts as not synthesized). */
  shared: number;
  /** Synthesized by the engine (= clips written). */
  misses: number;
  /** Characters of text sent to the engine for the misses. */
  characters: number;
  /** Files found on disk that failed verification (hash, header, length or rate): dropped and re-synthesized. */
  rejected: number;
  /** Those files and why each was dropped, for the render summary. */
  rejectedFiles: { path: string; problem: string }[];
}

/** The clip cache in front of one engine. */
export interface ClipCache {
  /** Returns the clip for `text`, synthesizing and storing it only if no earlier call did. */
  get(text: string, request: ClipRequest): Promise<CachedClip>;
  /** The key `get` would use, without touching disk or engine (lets callers hash a track's inputs). */
  keyFor(text: string, ratePercent: number): string;
  /** The file `get` would read or write for this phrase. */
  pathFor(text: string, ratePercent: number): string;
  /** Counters since the cache was created. */
  stats(): ClipCacheStats;
}

/** Whitespace does not change speech, so it must not change the key either. */
function normalizeSpeechText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The cache key: sha256 over everything that determines the audio. */
export function clipKey(engine: Pick<TtsEngine, "id" | "voice" | "settingsKey">, text: string, ratePercent: number): string {
  const recipe = JSON.stringify([CACHE_FORMAT, engine.id, engine.voice, engine.settingsKey, ratePercent, normalizeSpeechText(text)]);
  return createHash("sha256").update(recipe).digest("hex");
}

/**
 * Creates a cache over `engine` stored in `dir`. Concurrent requests for the same phrase share one
 * synthesis; a failed synthesis writes nothing (files are written to a temp name and renamed) and
 * the next request retries it.
 */
export function createClipCache(options: ClipCacheOptions): ClipCache {
  const { dir, engine } = options;
  // Registered synchronously on the first request, before any await, so a concurrent request for the
  // same phrase always finds it, whether the first one ends up reading the disk or synthesizing.
  const inFlight = new Map<string, Promise<Loaded>>();
  const counters: ClipCacheStats = { requests: 0, hits: 0, shared: 0, misses: 0, characters: 0, rejected: 0, rejectedFiles: [] };

  const pathOfKey = (key: string) => join(dir, key.slice(0, 2), `${key}.wav`);

  async function load(text: string, ratePercent: number, path: string): Promise<Loaded> {
    const stored = await readStored(path, engine.sampleRate);
    if (stored?.ok) {
      counters.hits += 1;
      return { clip: stored.clip, source: "disk" };
    }
    if (stored) {
      // Dropped before anything else can read it; the synthesis below writes a good one in its place.
      counters.rejected += 1;
      counters.rejectedFiles.push({ path, problem: stored.problem });
      await rm(path, { force: true });
    }
    counters.misses += 1;
    counters.characters += text.length;
    const clip = await engine.synthesize(text, { ratePercent });
    if (clip.pcm.length % 2 !== 0) {
      throw new Error(`clip cache: engine ${engine.id} returned an odd number of PCM bytes for "${text.slice(0, 60)}"`);
    }
    await writeFileAtomic(path, encodeWav(clip));
    return { clip, source: "synthesized" };
  }

  return {
    keyFor: (text, ratePercent) => clipKey(engine, text, ratePercent),
    pathFor: (text, ratePercent) => pathOfKey(clipKey(engine, text, ratePercent)),
    stats: () => ({ ...counters, rejectedFiles: [...counters.rejectedFiles] }),

    async get(text, request) {
      counters.requests += 1;
      const normalized = normalizeSpeechText(text);
      if (normalized === "") throw new Error("clip cache: cannot synthesize empty text (a speech cue has no words)");
      request.signal?.throwIfAborted();
      const key = clipKey(engine, normalized, request.ratePercent);
      const path = pathOfKey(key);

      const pending = inFlight.get(key);
      if (pending) {
        counters.shared += 1;
        // One caller giving up must not cancel a synthesis others wait on, so only the wait is aborted.
        const { clip } = await abortable(pending, request.signal, () => abortReason(request.signal!));
        return { ...clip, path, key, source: "shared" };
      }
      const job = load(normalized, request.ratePercent, path).finally(() => inFlight.delete(key));
      inFlight.set(key, job);
      const { clip, source } = await abortable(job, request.signal, () => abortReason(request.signal!));
      return { ...clip, path, key, source };
    },
  };
}

interface Loaded {
  clip: Clip;
  source: "disk" | "synthesized";
}

// The stored clip with its checks (undefined when there is none); a clip at another rate than the engine's is
// refused too, as it would play at the wrong speed and pitch.
async function readStored(path: string, sampleRate: number): Promise<WavRead | undefined> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`clip cache: cannot read ${path}: ${(error as Error).message} (fix: check the folder's permissions, or delete it to rebuild the cache)`);
  }
  const read = decodeWav(file);
  if (read.ok && read.clip.sampleRate !== sampleRate) return { ok: false, problem: `recorded at ${read.clip.sampleRate} Hz, the engine speaks at ${sampleRate} Hz` };
  return read;
}

