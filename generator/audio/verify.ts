// The one check made on the finished MP3: its true peak. Loudness comes from the PCM (the encoder's loss is known
// and steady), but MP3 coding noise lifts the peaks of limited speech by an amount that varies (0.4–5 dB
// measured on the embedded voice), so the render decodes each MP3 once and re-encodes a profile that overshoots.
import { decodeChunks } from "./ffmpeg.js";
import { dbToGain, truePeakEnvelope } from "./loudness.js";

/** Only stretches with a sample this close to the limit can hold a true peak over it (4× oversampling adds < 3 dB here). */
const SEARCH_BELOW_DB = 3;
/** Samples kept from the previous chunk, so the interpolator sees across chunk edges. */
const CONTEXT = 16;

/** True peak of an encoded file (4× oversampled, in Node), computed only where samples come near `limitDb`. */
export async function mp3TruePeakDb(file: string, rate: number, limitDb: number, signal?: AbortSignal): Promise<number> {
  const near = dbToGain(limitDb - SEARCH_BELOW_DB);
  let peak = 0;
  let tail = new Float32Array(0);
  await decodeChunks(file, rate, (chunk) => {
    let loudest = 0;
    for (let i = 0; i < chunk.length; i++) loudest = Math.max(loudest, Math.abs(chunk[i]!));
    peak = Math.max(peak, loudest);
    if (loudest >= near) {
      const withContext = new Float32Array(tail.length + chunk.length);
      withContext.set(tail);
      withContext.set(chunk, tail.length);
      const envelope = truePeakEnvelope(withContext);
      for (let i = 0; i < envelope.length; i++) peak = Math.max(peak, envelope[i]!);
    }
    tail = chunk.slice(Math.max(0, chunk.length - CONTEXT));
  }, signal);
  return peak > 0 ? 20 * Math.log10(peak) : -Infinity;
}
