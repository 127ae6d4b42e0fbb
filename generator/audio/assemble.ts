// Lays a timeline out on a sample grid: levelled speech clips, pauses of exact length, generated chimes.
// Segment and chapter times come from these sample counts, i.e. from the PCM that is encoded, not estimates.
import type { PausePurpose, Timeline } from "../../content/timeline.js";
import type { BedStream } from "./bed.js";

/** One stretch of the track on the sample grid. */
export type Piece =
  | { type: "speech"; start: number; samples: Float32Array; text: string }
  | { type: "pause"; start: number; length: number; purpose: PausePurpose }
  | { type: "chime"; start: number; samples: Float32Array };

/** A segment of the manifest contract, in milliseconds. */
export interface SegmentMs {
  type: "speech" | "pause" | "chime";
  startMs: number;
  endMs: number;
  text?: string;
  purpose?: PausePurpose;
}

export interface ChapterMs {
  id: string;
  title: string;
  startMs: number;
  endMs: number;
}

/** The whole track as pieces, with its exact length and the manifest's segments and chapters. */
export interface Layout {
  rate: number;
  pieces: Piece[];
  totalSamples: number;
  durationMs: number;
  segments: SegmentMs[];
  chapters: ChapterMs[];
}

/** Where the assembler gets sound from: levelled clips by text, chimes by kind, all at `rate`. */
export interface SoundSource {
  rate: number;
  speech(text: string): Float32Array;
  chime(sound: "start" | "end"): Float32Array;
}

/** Sample index → milliseconds, rounded (consecutive segments share their boundary exactly). */
export function samplesToMs(samples: number, rate: number): number {
  return Math.round((samples * 1000) / rate);
}

/**
 * Lays out a timeline; the clips must already be synthesized and levelled (the source is synchronous). `stretch`
 * lengthens pause pieces (by piece index, in samples): a routine made partly of exercises' encoded audio waits a
 * little longer in a few pauses so each reused stretch lands on the MP3 frame grid (see splice-plan.ts).
 */
export function layoutTimeline(timeline: Timeline, source: SoundSource, stretch?: ReadonlyMap<number, number>): Layout {
  const { rate } = source;
  const pieces: Piece[] = [];
  const chapterStarts: { id: string; title: string; start: number }[] = [];
  let at = 0;
  for (const cue of timeline.cues) {
    if (cue.type === "chapter") {
      chapterStarts.push({ id: cue.id, title: cue.title, start: at });
    } else if (cue.type === "speech") {
      const samples = source.speech(cue.text);
      const slot = cue.slotMs === undefined ? undefined : Math.round((cue.slotMs * rate) / 1000);
      if (slot !== undefined && samples.length > slot) {
        throw new Error(`"${cue.text}" lasts ${samplesToMs(samples.length, rate)} ms, longer than its ${cue.slotMs} ms count slot (fix: a faster speech rate or a shorter count word)`);
      }
      if (samples.length > 0) pieces.push({ type: "speech", start: at, samples, text: cue.text });
      at += samples.length;
      // A counted number owns its whole slot, so the next number starts exactly a slot later.
      if (slot !== undefined && slot > samples.length) {
        pieces.push({ type: "pause", start: at, length: slot - samples.length, purpose: "hold" });
        at = at + slot - samples.length;
      }
    } else if (cue.type === "pause") {
      const length = Math.round((cue.ms * rate) / 1000) + (stretch?.get(pieces.length) ?? 0);
      if (length === 0) continue;
      pieces.push({ type: "pause", start: at, length, purpose: cue.purpose });
      at += length;
    } else {
      const samples = source.chime(cue.sound);
      pieces.push({ type: "chime", start: at, samples });
      at += samples.length;
    }
  }
  const ms = (n: number) => samplesToMs(n, rate);
  const segments: SegmentMs[] = pieces.map((p) => {
    const length = p.type === "pause" ? p.length : p.samples.length;
    const base = { type: p.type, startMs: ms(p.start), endMs: ms(p.start + length) };
    if (p.type === "speech") return { ...base, text: p.text };
    if (p.type === "pause") return { ...base, purpose: p.purpose };
    return base;
  });
  const chapters = chapterStarts.map((c, i) => ({
    id: c.id,
    title: c.title,
    startMs: ms(c.start),
    endMs: ms(chapterStarts[i + 1]?.start ?? at),
  }));
  return { rate, pieces, totalSamples: at, durationMs: ms(at), segments, chapters };
}

const CHUNK = 1 << 16;

/**
 * The track's PCM as consecutive chunks (at most 64 Ki samples each), times a gain, with the bed mixed in when
 * given: pieces are copied into each chunk, silence is the chunk's zeros, so nothing track-long is held in memory.
 */
export function* layoutPcm(layout: Layout, gain = 1, bed?: BedStream): Generator<Float32Array> {
  let piece = 0;
  for (let at = 0; at < layout.totalSamples; at += CHUNK) {
    const chunk = new Float32Array(Math.min(CHUNK, layout.totalSamples - at));
    const end = at + chunk.length;
    while (piece < layout.pieces.length && pieceEnd(layout.pieces[piece]!) <= at) piece++;
    for (let k = piece; k < layout.pieces.length && layout.pieces[k]!.start < end; k++) {
      const p = layout.pieces[k]!;
      if (p.type === "pause") continue;
      const from = Math.max(at, p.start);
      const to = Math.min(end, p.start + p.samples.length);
      chunk.set(p.samples.subarray(from - p.start, to - p.start), from - at);
    }
    bed?.addTo(chunk, at);
    if (gain !== 1) for (let i = 0; i < chunk.length; i++) chunk[i]! *= gain;
    yield chunk;
  }
}

function pieceEnd(p: Piece): number {
  return p.start + (p.type === "pause" ? p.length : p.samples.length);
}
