import { estimateSpeechMs } from "../plan.js";
import type { Cue, Timeline } from "../timeline.js";
import { SsmlWriter } from "./builder.js";

/** Alexa's limit on outputSpeech; a response must stay under it. */
export const ALEXA_MAX_SSML_CHARS = 8000;

export interface AlexaSsmlOptions {
  /** HTTPS base URL of rendered audio; chimes are played as <audio> only when given. */
  audioBaseUrl?: string;
  /** Text appended after the cues, e.g. "Say next when you're ready." */
  closing?: string;
}

/** Chime file names under the audio base URL (rendered by the generator at the Alexa profile). */
export const CHIME_FILES = { start: "chimes/start.mp3", end: "chimes/end.mp3" } as const;

/** Renders cues as one Alexa `<speak>` document: speech as sentences, pauses as chained breaks of at most 10 s. */
export function alexaSsml(cues: readonly Cue[], options: AlexaSsmlOptions = {}): string {
  const w = new SsmlWriter();
  const base = options.audioBaseUrl?.startsWith("https://") ? options.audioBaseUrl.replace(/\/+$/, "") : undefined;
  for (const cue of cues) {
    if (cue.type === "speech") {
      w.sentence(cue.text);
      // A count-down number owns a fixed slot: Alexa gets the rest of it as a break after the word.
      if (cue.slotMs) w.pause(Math.max(0, cue.slotMs - estimateSpeechMs(cue.text)));
    }
    else if (cue.type === "pause") w.pause(cue.ms);
    else if (cue.type === "chime" && base) w.audio(`${base}/${CHIME_FILES[cue.sound]}`);
  }
  if (options.closing) w.sentence(options.closing);
  return w.toString();
}

function splitAt(cues: readonly Cue[], isBoundary: (c: Cue) => boolean): Cue[][] {
  const parts: Cue[][] = [];
  let current: Cue[] = [];
  for (const cue of cues) {
    if (isBoundary(cue) && current.length > 0) {
      parts.push(current);
      current = [];
    }
    current.push(cue);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The inside of a <speak> document: pieces render once and join exactly (ssml-builder joins parts with a space). */
function body(cues: readonly Cue[], options: AlexaSsmlOptions): string {
  return alexaSsml(cues, options).replace(/^<speak>/, "").replace(/<\/speak>$/, "");
}

function speak(bodies: string[]): string {
  return `<speak>${bodies.filter((b) => b.length > 0).join(" ")}</speak>`;
}

/** What a packed response carries around the pieces of a timeline. */
export interface AlexaPackOptions {
  /** HTTPS base URL of rendered audio (chimes). */
  audioBaseUrl?: string;
  /** Said before the first piece (a welcome, the safety note, "Skipping cat cow."). */
  prefix?: readonly Cue[];
  /** Said after the last piece, e.g. "Say next when you're ready." */
  closing?: string;
  /** Response size limit in characters (Alexa's, unless a test asks for less). */
  limit?: number;
}

/** The pieces Alexa responses are packed from: the intro, then each exercise (chapter) cut at its set boundaries. */
export function alexaPieces(timeline: Timeline): Cue[][] {
  return splitAt(timeline.cues, (c) => c.type === "chapter").flatMap((exercise) => splitAt(exercise, (c) => c.type === "speech" && c.setStart === true));
}

/**
 * Packs one response from `pieces[from]` on: the prefix, as many whole pieces as fit (never two exercises), the
 * closing. Returns the final SSML and the index of the first piece left for the next response.
 */
export function packResponse(pieces: readonly Cue[][], from: number, options: AlexaPackOptions = {}): { ssml: string; next: number } {
  const limit = options.limit ?? ALEXA_MAX_SSML_CHARS;
  const render = { audioBaseUrl: options.audioBaseUrl };
  const head = body(options.prefix ?? [], render);
  const tail = options.closing ? body([], { closing: options.closing }) : "";
  const bodies: string[] = [];
  let hasChapter = false;
  let next = from;
  for (; next < pieces.length; next++) {
    const piece = pieces[next]!;
    // The introduction's chapter names no exercise: the routine's intro rides with the first exercise.
    const first = piece[0];
    const startsExercise = first?.type === "chapter" && first.exerciseId !== undefined;
    if (startsExercise && hasChapter) break;
    const text = body(piece, render);
    if (speak([head, ...bodies, text, tail]).length >= limit) {
      if (bodies.length > 0) break;
      throw new Error(`One set (${piece.length} cues from piece ${next}) plus its prefix and closing is ${speak([head, text, tail]).length} SSML characters, over Alexa's ${limit}; add setStart boundaries in the planner or shorten the prefix.`);
    }
    bodies.push(text);
    hasChapter ||= startsExercise;
  }
  return { ssml: speak([head, ...bodies, tail]), next };
}

/** Splits a timeline into final Alexa responses: one per exercise where it fits, the prefix on the first, the closing on each. */
export function splitForAlexa(timeline: Timeline, options: AlexaPackOptions = {}): string[] {
  const pieces = alexaPieces(timeline);
  const responses: string[] = [];
  for (let from = 0; from < pieces.length; ) {
    const packed = packResponse(pieces, from, { ...options, prefix: from === 0 ? options.prefix : undefined });
    responses.push(packed.ssml);
    from = packed.next;
  }
  return responses;
}
