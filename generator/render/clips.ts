// Fetches every phrase the tracks to render need through the clip cache (synthesized at most once, ever),
// and keeps them as trimmed float PCM for assembly.
import type { Timeline } from "../../content/timeline.js";
import { s16leToFloat, trimSilence } from "../audio/level.js";
import type { ClipCache } from "../cache/clip-cache.js";
import { runPool } from "./pool.js";

/** The distinct speech texts of some timelines, in first-use order. */
export function speechTexts(timelines: readonly Timeline[]): string[] {
  const texts = new Set<string>();
  for (const timeline of timelines) for (const cue of timeline.cues) if (cue.type === "speech") texts.add(cue.text);
  return [...texts];
}

export interface ClipSet {
  rate: number;
  /** Trimmed float PCM of a text; throws if the text was not prepared (a planning bug, not a user error). */
  get(this: void, text: string): Float32Array;
}

/** Gets all `texts` from the cache with `concurrency` requests in flight; reports each one done. */
export async function prepareClips(
  texts: readonly string[],
  cache: ClipCache,
  options: { ratePercent: number; sampleRate: number; concurrency: number; signal?: AbortSignal; onClip?: (done: number, total: number) => void },
): Promise<ClipSet> {
  const clips = new Map<string, Float32Array>();
  let done = 0;
  await runPool(texts, options.concurrency, async (text) => {
    const clip = await cache.get(text, { ratePercent: options.ratePercent, signal: options.signal });
    if (clip.sampleRate !== options.sampleRate) {
      throw new Error(`render: clip for "${text.slice(0, 40)}" is at ${clip.sampleRate} Hz, the engine said ${options.sampleRate} Hz (fix: clear the clip cache folder)`);
    }
    clips.set(text, trimSilence(s16leToFloat(clip.pcm), clip.sampleRate));
    options.onClip?.(++done, texts.length);
  });
  return {
    rate: options.sampleRate,
    get(text) {
      const clip = clips.get(text);
      if (!clip) throw new Error(`render: no clip prepared for "${text.slice(0, 60)}"`);
      return clip;
    },
  };
}
