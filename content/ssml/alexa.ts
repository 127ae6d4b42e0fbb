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

function fits(cues: readonly Cue[], options: AlexaSsmlOptions, limit: number): boolean {
  return alexaSsml(cues, options).length < limit;
}

/** Greedily packs pieces into responses that stay under the limit, never splitting a piece. */
function pack(pieces: Cue[][], options: AlexaSsmlOptions, limit: number): Cue[][] {
  const out: Cue[][] = [];
  let current: Cue[] = [];
  for (const piece of pieces) {
    if (current.length > 0 && !fits([...current, ...piece], options, limit)) {
      out.push(current);
      current = [];
    }
    current = [...current, ...piece];
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Splits a timeline into Alexa responses: one per exercise (chapter), and an exercise that is
 * still too long is split further at set boundaries (a new side or repetition).
 */
export function splitForAlexa(timeline: Timeline, options: AlexaSsmlOptions = {}, limit = ALEXA_MAX_SSML_CHARS): Cue[][] {
  const budget = limit - (options.closing ? options.closing.length + 16 : 0);
  const responses: Cue[][] = [];
  const exercises = splitAt(timeline.cues, (c) => c.type === "chapter");
  // The routine's intro rides with the first exercise when both fit in one response.
  const first = exercises[0]![0]!;
  const intro = first.type !== "chapter" || first.exerciseId === undefined;
  if (exercises.length > 1 && intro && fits([...exercises[0]!, ...exercises[1]!], options, budget)) {
    exercises.splice(0, 2, [...exercises[0]!, ...exercises[1]!]);
  }
  for (const exercise of exercises) {
    if (fits(exercise, options, budget)) {
      responses.push(exercise);
      continue;
    }
    const sets = splitAt(exercise, (c) => c.type === "speech" && c.setStart === true);
    for (const set of sets) {
      if (!fits(set, options, budget)) {
        throw new Error(`A single set of "${timeline.id}" is longer than ${limit} SSML characters; add setStart boundaries in the planner.`);
      }
    }
    responses.push(...pack(sets, options, budget));
  }
  return responses;
}
