// What the tests of the embedded voices (Flite, eSpeak NG) share: a loudness measure, the concurrency
// probe and the usage probe. Each test file states its own expectations about the results.
import type { Clip, EngineUsage, TtsEngine } from "../../../generator/tts/engine.js";

/** Root mean square of s16le samples, 0..32767. */
export function rms(pcm: Buffer): number {
  let sum = 0;
  const n = pcm.length / 2;
  for (let i = 0; i < n; i++) sum += pcm.readInt16LE(i * 2) ** 2;
  return Math.sqrt(sum / n);
}

/** Two phrases, each at a slow (70 %) and a fast (130 %) rate, interleaved so concurrent calls could mix them up. */
export const CONCURRENT_JOBS = [
  ["Hold for twenty seconds.", 70],
  ["Relax your shoulders.", 130],
  ["Hold for twenty seconds.", 130],
  ["Relax your shoulders.", 70],
] as const;

/** Synthesizes CONCURRENT_JOBS all at once, then each again alone, in the same order. */
export async function togetherAndAlone(engine: TtsEngine): Promise<{ together: Clip[]; alone: Clip[] }> {
  const together = await Promise.all(CONCURRENT_JOBS.map(([text, ratePercent]) => engine.synthesize(text, { ratePercent })));
  const alone: Clip[] = [];
  for (const [text, ratePercent] of CONCURRENT_JOBS) alone.push(await engine.synthesize(text, { ratePercent }));
  return { together, alone };
}

/** The usage one synthesis of `text` adds, and the total estimated cost after it. */
export async function usageOf(engine: TtsEngine, text: string): Promise<EngineUsage> {
  const before = engine.usage();
  await engine.synthesize(text, { ratePercent: 100 });
  const after = engine.usage();
  return { requests: after.requests - before.requests, characters: after.characters - before.characters, estimatedCostUsd: after.estimatedCostUsd };
}
