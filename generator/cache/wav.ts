// The clip cache stores each clip as a canonical 44-byte-header WAV (PCM s16le mono): one self-describing
// file per clip, so it is written with one atomic rename, ffmpeg can read it by path, and a person can play it.
import type { Clip } from "../tts/engine.js";

const HEADER_BYTES = 44;

/** Wraps s16le mono PCM in a canonical WAV container. */
export function encodeWav(clip: Clip): Buffer {
  const { pcm, sampleRate } = clip;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/**
 * Reads back a WAV written by `encodeWav`. Returns undefined for anything else (a truncated or foreign
 * file), so the cache treats it as a miss and rewrites it instead of feeding garbage to the encoder.
 */
export function decodeWav(file: Buffer): Clip | undefined {
  if (file.length < HEADER_BYTES) return undefined;
  const ok =
    file.toString("ascii", 0, 4) === "RIFF" &&
    file.toString("ascii", 8, 12) === "WAVE" &&
    file.toString("ascii", 12, 16) === "fmt " &&
    file.readUInt16LE(20) === 1 &&
    file.readUInt16LE(22) === 1 &&
    file.readUInt16LE(34) === 16 &&
    file.toString("ascii", 36, 40) === "data";
  if (!ok) return undefined;
  const dataBytes = file.readUInt32LE(40);
  if (dataBytes % 2 !== 0 || file.length !== HEADER_BYTES + dataBytes) return undefined;
  return { pcm: file.subarray(HEADER_BYTES), sampleRate: file.readUInt32LE(24) };
}
