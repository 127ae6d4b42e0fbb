// The PCM a track's encoder reads: the profiles' masters interleaved as the channels of one stream (each metered
// on the way), written to a temporary file so ffmpeg reads at its own pace, never waiting on Node's event loop.
import { open } from "node:fs/promises";
import { ioErrorCode } from "../io/errors.js";
import type { LoudnessMeter } from "./loudness.js";

// Walks equally chunked streams in step (every master has the same length and chunking).
function* zipChunks(streams: Generator<Float32Array>[]): Generator<Float32Array[]> {
  for (;;) {
    const chunks = streams.map((s) => s.next());
    if (chunks.some((c) => c.done)) return;
    yield chunks.map((c) => c.value as Float32Array);
  }
}

/** Channel k of the stream is master k (one input for one ffmpeg whatever the number of profiles); meter k hears it. */
export function* interleave(streams: Generator<Float32Array>[], meters: LoudnessMeter[]): Generator<Float32Array> {
  const n = streams.length;
  for (const chunks of zipChunks(streams)) {
    chunks.forEach((chunk, k) => meters[k]!.push(chunk));
    if (n === 1) {
      yield chunks[0]!;
      continue;
    }
    const out = new Float32Array(chunks[0]!.length * n);
    chunks.forEach((chunk, k) => {
      for (let i = 0; i < chunk.length; i++) out[i * n + k] = chunk[i]!;
    });
    yield out;
  }
}

/** Writes the stream chunk by chunk (awaiting each write, so other tracks' work interleaves with this one). The file
// lives in the system temp folder, not the output folder, so a failure names it and points at TMPDIR. */
export async function writePcmFile(path: string, chunks: Iterable<Float32Array>, signal?: AbortSignal): Promise<void> {
  try {
    const file = await open(path, "w");
    try {
      for (const chunk of chunks) {
        signal?.throwIfAborted();
        await file.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      }
    } finally {
      await file.close();
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    const cause = ioErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`writing ${path} failed: ${cause} (fix: free space in the temp folder, or set TMPDIR to a folder with room)`, { cause: error });
  }
}
