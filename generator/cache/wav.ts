// The clip cache stores each clip as a WAV (PCM s16le mono) that carries the sha256 of its samples in a small
// chunk of its own ("ubrh", skipped by every WAV reader): one self-describing file per clip, written with one
// atomic rename, playable by a person, and able to prove on every read that its samples are the ones written.
import { createHash } from "node:crypto";
import type { Clip } from "../tts/engine.js";

const HASH_CHUNK = "ubrh";
const HASH_BYTES = 32;
/** RIFF header (12) + fmt chunk (8 + 16) + hash chunk (8 + 32) + data chunk header (8). */
const HEADER_BYTES = 12 + 24 + 8 + HASH_BYTES + 8;

/** sha256 of a clip's samples, as recorded in its file. */
function pcmHash(pcm: Uint8Array): Buffer {
  return createHash("sha256").update(pcm).digest();
}

/** Wraps s16le mono PCM in a WAV that records the samples' sha256. */
export function encodeWav(clip: Clip): Buffer {
  const { pcm, sampleRate } = clip;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(HEADER_BYTES - 8 + pcm.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write(HASH_CHUNK, 36, "ascii");
  header.writeUInt32LE(HASH_BYTES, 40);
  pcmHash(pcm).copy(header, 44);
  header.write("data", 44 + HASH_BYTES, "ascii");
  header.writeUInt32LE(pcm.length, 48 + HASH_BYTES);
  return Buffer.concat([header, pcm]);
}

/** A stored clip that passed every check, or why it did not. */
export type WavRead = { ok: true; clip: Clip } | { ok: false; problem: string };

/**
 * Reads back a WAV written by `encodeWav`, checking every header field, the lengths against the file size and
 * the samples against their recorded sha256, so a truncated, foreign or corrupted file is never played.
 */
export function decodeWav(file: Buffer): WavRead {
  if (file.length < HEADER_BYTES) return { ok: false, problem: `shorter than a clip header (${file.length} bytes)` };
  const layout =
    file.toString("ascii", 0, 4) === "RIFF" &&
    file.toString("ascii", 8, 12) === "WAVE" &&
    file.toString("ascii", 12, 16) === "fmt " &&
    file.readUInt32LE(16) === 16 &&
    file.readUInt16LE(20) === 1 &&
    file.readUInt16LE(22) === 1 &&
    file.readUInt16LE(34) === 16 &&
    file.toString("ascii", 36, 40) === HASH_CHUNK &&
    file.readUInt32LE(40) === HASH_BYTES &&
    file.toString("ascii", 44 + HASH_BYTES, 48 + HASH_BYTES) === "data";
  if (!layout) return { ok: false, problem: "not a clip written by this cache (header fields differ)" };
  const dataBytes = file.readUInt32LE(48 + HASH_BYTES);
  if (dataBytes % 2 !== 0 || file.length !== HEADER_BYTES + dataBytes || file.readUInt32LE(4) !== HEADER_BYTES - 8 + dataBytes) {
    return { ok: false, problem: `length does not match its header (${file.length} bytes, header says ${HEADER_BYTES + dataBytes})` };
  }
  const pcm = file.subarray(HEADER_BYTES);
  if (!pcmHash(pcm).equals(file.subarray(44, 44 + HASH_BYTES))) return { ok: false, problem: "samples do not match their recorded sha256" };
  return { ok: true, clip: { pcm, sampleRate: file.readUInt32LE(24) } };
}
