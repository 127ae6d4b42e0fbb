import { SsmlWriter } from "./builder.js";

/** Polly engines; each accepts a different subset of SSML. */
export type PollyEngine = "standard" | "neural" | "generative";
/** Every Polly engine, as --polly-engine offers them. */
export const POLLY_ENGINES: readonly PollyEngine[] = ["standard", "neural", "generative"];

/** Polly bills at most 3,000 characters of text per SynthesizeSpeech request (6,000 in all, tags included). */
export const POLLY_MAX_BILLED_CHARS = 3000;
const POLLY_MAX_TOTAL_CHARS = 6000;

export interface PollyOptions {
  engine: PollyEngine;
  /** Speaking rate in percent; applied with <prosody rate> where the engine accepts it. */
  ratePercent?: number;
}

/** Characters Polly bills for an SSML request: the text, not the tags (entities count as the character they stand for). */
export function pollyBilledCharacters(ssml: string): number {
  const text = ssml.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|apos);/g, "_");
  return text.length;
}

/** Whether an engine accepts <prosody rate>: standard and neural do; generative is left plain to be safe. */
function engineAcceptsRate(engine: PollyEngine): boolean {
  return engine !== "generative";
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Breaks one over-long sentence at commas, then at spaces, so no piece exceeds the limit. */
function splitLong(sentence: string, limit: number): string[] {
  if (sentence.length <= limit) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "));
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = limit - 1;
    pieces.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function renderChunk(sentences: string[], options: PollyOptions): string {
  const w = new SsmlWriter();
  const rate = options.ratePercent ?? 100;
  for (const s of sentences) {
    if (rate !== 100 && engineAcceptsRate(options.engine)) w.sentenceAtRate(s, rate);
    else w.sentence(s);
  }
  return w.toString();
}

/**
 * Turns plain text into Polly SSML requests for an engine, split at sentence boundaries so that
 * each request bills at most 3,000 characters and stays under 6,000 characters in all.
 */
export function pollyRequests(text: string, options: PollyOptions): string[] {
  const limit = POLLY_MAX_BILLED_CHARS;
  const sentences = sentencesOf(text).flatMap((s) => splitLong(s, limit));
  const requests: string[] = [];
  let current: string[] = [];
  const ok = (candidate: string[]) => {
    const ssml = renderChunk(candidate, options);
    return pollyBilledCharacters(ssml) <= limit && ssml.length <= POLLY_MAX_TOTAL_CHARS;
  };
  for (const s of sentences) {
    if (current.length > 0 && !ok([...current, s])) {
      requests.push(renderChunk(current, options));
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) requests.push(renderChunk(current, options));
  return requests;
}

