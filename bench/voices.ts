// `npm run bench:voices`: the offline voices side by side on the catalogue's own phrases (every distinct
// speech text of every routine and exercise at standard pace), for docs/VOICES.md. Per voice: characters
// synthesized per second of wall time (with the engine's own worker threads), sample rate, words a minute
// on the clips as the render trims them, and whether a second synthesis of the same text gives the same
// bytes. Prints one JSON line per voice. BENCH_VOICES picks voices, e.g. "flite:slt,espeak:en-us".
import { loadCatalog } from "../content/load.js";
import { s16leToFloat, trimSilence } from "../generator/audio/level.js";
import { speechTexts } from "../generator/render/clips.js";
import { runPool } from "../generator/render/pool.js";
import { planCatalogTracks } from "../generator/render/tracks.js";
import { createTtsEngine, type EngineId } from "../generator/tts/index.js";

const catalog = loadCatalog();
const pace = "standard";
const ratePercent = catalog.paces[pace].speechRatePercent;
const texts = speechTexts(planCatalogTracks(catalog).filter((t) => t.pace === pace).map((t) => t.timeline));
const characters = texts.reduce((n, t) => n + t.length, 0);
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const voices = (process.env.BENCH_VOICES ?? "flite:slt,flite:rms,flite:awb,flite:kal16,espeak:en-us").split(",").map((v) => v.split(":") as [EngineId, string]);

for (const [engineId, voice] of voices) {
  const engine = await createTtsEngine({ engine: engineId, voice });
  try {
    const started = performance.now();
    const clips = new Map<string, Buffer>();
    await runPool(texts, engine.concurrency, async (text) => {
      clips.set(text, (await engine.synthesize(text, { ratePercent })).pcm);
    });
    const wallMs = performance.now() - started;
    let speechSeconds = 0;
    for (const pcm of clips.values()) speechSeconds += trimSilence(s16leToFloat(pcm), engine.sampleRate).length / engine.sampleRate;
    const spoken = texts.reduce((n, t) => n + words(t), 0);
    // Same text again, one at a time: identical bytes means the clip cache could even be checked by re-synthesis.
    const sample = texts.slice(0, 20);
    let identical = 0;
    for (const text of sample) if ((await engine.synthesize(text, { ratePercent })).pcm.equals(clips.get(text)!)) identical++;
    console.log(JSON.stringify({
      engine: engineId,
      voice,
      sampleRate: engine.sampleRate,
      threads: engine.concurrency,
      texts: texts.length,
      characters,
      seconds: Math.round(wallMs) / 1000,
      charsPerSecond: Math.round((characters * 1000) / wallMs),
      wordsPerMinuteTrimmed: Math.round((spoken / speechSeconds) * 60),
      deterministic: `${identical}/${sample.length}`,
    }));
  } finally {
    await engine.close();
  }
}
