// Measurements the tests make on real MP3s (decoded by ffmpeg): silence where the manifest says pause,
// sound where it says speech, and ID3 chapters as ffprobe reads them.
import { decodeToPcm } from "../../../generator/audio/ffmpeg.js";

export interface SegmentLike {
  type: string;
  startMs: number;
  endMs: number;
  text?: string;
}

/** Loudest 20 ms window (RMS, dBFS) of `pcm` between two times. */
export function loudestWindowDb(pcm: Float32Array, rate: number, startMs: number, endMs: number, windowMs = 20): number {
  const win = Math.round((windowMs * rate) / 1000);
  const from = Math.max(0, Math.round((startMs * rate) / 1000));
  const to = Math.min(pcm.length, Math.round((endMs * rate) / 1000));
  let loudest = -Infinity;
  for (let start = from; start + win <= to; start += win) {
    let sum = 0;
    for (let i = start; i < start + win; i++) sum += pcm[i]! * pcm[i]!;
    const db = 10 * Math.log10(sum / win + 1e-20);
    if (db > loudest) loudest = db;
  }
  return loudest;
}

/** Decodes an MP3 (failing on any decode error) and checks every pause is silent 100 ms in from each edge. */
export async function pauseProblems(file: string, rate: number, segments: SegmentLike[], silenceDb = -60): Promise<string[]> {
  const pcm = await decodeToPcm(file, rate);
  const problems: string[] = [];
  for (const s of segments) {
    if (s.type !== "pause" || s.endMs - s.startMs <= 220) continue;
    const db = loudestWindowDb(pcm, rate, s.startMs + 100, s.endMs - 100);
    if (db > silenceDb) problems.push(`pause ${s.startMs}–${s.endMs} ms has sound at ${db.toFixed(1)} dBFS`);
  }
  return problems;
}

/** Share of speech segments that are clearly audible (loudest window over −40 dBFS) in the decoded MP3. */
export async function audibleSpeechShare(file: string, rate: number, segments: SegmentLike[]): Promise<number> {
  const pcm = await decodeToPcm(file, rate);
  const speech = segments.filter((s) => s.type === "speech");
  const audible = speech.filter((s) => loudestWindowDb(pcm, rate, s.startMs, s.endMs) > -40);
  return audible.length / speech.length;
}
