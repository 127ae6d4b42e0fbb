// The one module that touches ssml-builder (unmaintained upstream): swap the library here without touching callers.
import Speech from "ssml-builder";
import { escapeXml } from "../xml.js";

/** Longest single <break> Alexa accepts. */
export const MAX_BREAK_MS = 10_000;


/** Splits a pause into breaks of at most 10 s: 25 s becomes 10 s + 10 s + 5 s. */
export function chainBreaks(ms: number, maxMs = MAX_BREAK_MS): number[] {
  const parts: number[] = [];
  let left = Math.max(0, Math.round(ms));
  while (left > 0) {
    const part = Math.min(left, maxMs);
    parts.push(part);
    left -= part;
  }
  return parts;
}

/** A small SSML writer over ssml-builder: sentences, chained breaks, audio and an optional rate. */
export class SsmlWriter {
  private readonly speech = new Speech();

  /** Adds a sentence of plain text (escaped here, once). */
  sentence(text: string): this {
    this.speech.sentence(text);
    return this;
  }

  /** Adds plain text wrapped in a prosody rate, for engines that accept it. */
  sentenceAtRate(text: string, ratePercent: number): this {
    this.speech.sayWithSSML(`<prosody rate="${Math.round(ratePercent)}%"><s>${escapeXml(text)}</s></prosody>`);
    return this;
  }

  /** Adds a pause as chained breaks of at most 10 s each. */
  pause(ms: number): this {
    for (const part of chainBreaks(ms)) this.speech.pause(part % 1000 === 0 ? `${part / 1000}s` : `${part}ms`);
    return this;
  }

  /** Adds an audio clip by URL (escaped as an attribute value). */
  audio(url: string): this {
    this.speech.sayWithSSML(`<audio src="${escapeXml(url)}"/>`);
    return this;
  }

  /** The document, wrapped in <speak>. */
  toString(): string {
    return this.speech.ssml(false);
  }
}
