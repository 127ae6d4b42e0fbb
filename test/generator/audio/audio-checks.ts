// Measurements the tests make on real MP3s (decoded by ffmpeg): what the pauses hold where the manifest says
// pause, sound where it says speech, and the bed's level against the speech.
import { decodeToPcm } from "../../../generator/audio/ffmpeg.js";
import { LoudnessMeter } from "../../../generator/audio/loudness.js";

export interface SegmentLike {
  type: string;
  startMs: number;
  endMs: number;
  text?: string;
}

function windows(pcm: Float32Array, rate: number, startMs: number, endMs: number, windowMs = 20): number[] {
  const win = Math.round((windowMs * rate) / 1000);
  const from = Math.max(0, Math.round((startMs * rate) / 1000));
  const to = Math.min(pcm.length, Math.round((endMs * rate) / 1000));
  const out: number[] = [];
  for (let start = from; start + win <= to; start += win) {
    let sum = 0;
    for (let i = start; i < start + win; i++) sum += pcm[i]! * pcm[i]!;
    out.push(10 * Math.log10(sum / win + 1e-20));
  }
  return out;
}

/** Loudest 20 ms window (RMS, dBFS) of `pcm` between two times. */
export function loudestWindowDb(pcm: Float32Array, rate: number, startMs: number, endMs: number, windowMs = 20): number {
  return Math.max(-Infinity, ...windows(pcm, rate, startMs, endMs, windowMs));
}

/** Quietest 20 ms window (RMS, dBFS) of `pcm` between two times (−200 is digital silence). */
export function quietestWindowDb(pcm: Float32Array, rate: number, startMs: number, endMs: number, windowMs = 20): number {
  return Math.min(Infinity, ...windows(pcm, rate, startMs, endMs, windowMs));
}

/**
 * Decodes an MP3 (failing on any decode error) and checks every pause, 100 ms in from each edge: without a bed
 * it must be silent (under `silenceDb`); with one it must hold no speech (no 20 ms window within `speechGapDb`
 * of the track's loudness) and must not be digital silence (every window over −70 dBFS).
 */
export async function pauseProblems(file: string, rate: number, segments: SegmentLike[], bed?: { trackLufs: number; speechGapDb?: number }, silenceDb = -60): Promise<string[]> {
  const pcm = await decodeToPcm(file, rate);
  const problems: string[] = [];
  for (const s of segments) {
    if (s.type !== "pause" || s.endMs - s.startMs <= 220) continue;
    const loudest = loudestWindowDb(pcm, rate, s.startMs + 100, s.endMs - 100);
    if (!bed) {
      if (loudest > silenceDb) problems.push(`pause ${s.startMs}–${s.endMs} ms has sound at ${loudest.toFixed(1)} dBFS`);
      continue;
    }
    const speechFloor = bed.trackLufs - (bed.speechGapDb ?? 12);
    if (loudest > speechFloor) problems.push(`pause ${s.startMs}–${s.endMs} ms has speech-level sound at ${loudest.toFixed(1)} dBFS`);
    const quietest = quietestWindowDb(pcm, rate, s.startMs + 100, s.endMs - 100);
    if (quietest < -70) problems.push(`pause ${s.startMs}–${s.endMs} ms falls to digital silence (${quietest.toFixed(1)} dBFS)`);
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

/**
 * Loudness (BS.1770, in Node) of the decoded MP3's speech segments, and of the inner part of its pauses of at
 * least `minPauseMs` (1 s in from each edge, where the bed is back at full level): the bed level under the speech.
 */
export async function speechAndBedLufs(file: string, rate: number, segments: SegmentLike[], minPauseMs = 5000): Promise<{ speechLufs: number; bedLufs: number }> {
  const pcm = await decodeToPcm(file, rate);
  const speech = new LoudnessMeter(rate);
  const bed = new LoudnessMeter(rate);
  const slice = (a: number, b: number) => pcm.subarray(Math.round((a * rate) / 1000), Math.round((b * rate) / 1000));
  for (const s of segments) {
    if (s.type === "speech") speech.push(slice(s.startMs, s.endMs));
    if (s.type === "pause" && s.endMs - s.startMs >= minPauseMs) bed.push(slice(s.startMs + 1000, s.endMs - 1000));
  }
  return { speechLufs: speech.integratedLufs(), bedLufs: bed.integratedLufs() };
}
