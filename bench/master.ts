// `npx tsx bench/master.ts [pace] [clip-cache-dir]`: how peaky the embedded voice is and how much each profile's master limits it,
// clip by clip over the whole catalogue at one pace (standard by default), with and without the phase rotation.
// Prints one JSON object: peak-to-loudness ratio (true peak − integrated loudness) and the deepest clip limiter
// gain reduction per profile (what the manifest records as `loudness.gainReductionDb`), median and max.
// Clips come from the clip cache (default .cache/clips), synthesized there when missing.
import { loadCatalog } from "../content/load.js";
import { PACE_IDS, type PaceId } from "../content/schema.js";
import { levelClip } from "../generator/audio/level.js";
import { integratedLufs, truePeakDb } from "../generator/audio/loudness.js";
import { EDGE_ALLOWANCE_LU, masterPlan } from "../generator/audio/master.js";
import { rotatePhase } from "../generator/audio/phase.js";
import { profilesFor } from "../generator/audio/profiles.js";
import { createClipCache, DEFAULT_CLIP_CACHE_DIR } from "../generator/cache/clip-cache.js";
import { prepareClips, speechTexts } from "../generator/render/clips.js";
import { planCatalogTracks } from "../generator/render/tracks.js";
import { createFliteEngine } from "../generator/tts/flite.js";

const pace = (process.argv[2] ?? "standard") as PaceId;
if (!PACE_IDS.includes(pace)) throw new Error(`bench/master: pace must be one of ${PACE_IDS.join(", ")} (got ${pace})`);
const catalog = loadCatalog();
const tracks = planCatalogTracks(catalog).filter((t) => t.pace === pace);
const texts = speechTexts(tracks.map((t) => t.timeline));
const engine = await createFliteEngine();
const ratePercent = catalog.paces[pace].speechRatePercent;
const clips = await prepareClips(texts, createClipCache({ dir: process.argv[3] ?? DEFAULT_CLIP_CACHE_DIR, engine }), {
  ratePercent,
  sampleRate: engine.sampleRate,
  concurrency: engine.concurrency,
}).finally(() => engine.close());

const round1 = (x: number) => Math.round(x * 10) / 10;
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round1(sorted[sorted.length >> 1]!), max: round1(sorted.at(-1)!) };
};
const figures = (rotate: boolean) => {
  const voice = texts.map((text) => (rotate ? rotatePhase(clips.get(text), clips.rate) : clips.get(text)));
  const plr = voice.map((clip) => truePeakDb(clip) - integratedLufs(clip, clips.rate));
  const gainReductionDb = Object.fromEntries(
    profilesFor("both").map((profile) => {
      const plan = masterPlan(profile);
      const target = { targetLufs: plan.speechLufs + EDGE_ALLOWANCE_LU, ceilingDb: plan.ceilingDb, ...plan.limiter };
      return [profile.id, { ceilingDb: plan.ceilingDb, ...stats(voice.map((clip) => levelClip(clip, clips.rate, target).limitedDb)) }];
    }),
  );
  return { peakToLoudnessDb: stats(plr), gainReductionDb };
};
console.log(JSON.stringify({ engine: `${engine.id} ${engine.voice}`, pace, clips: texts.length, rotated: figures(true), unrotated: figures(false) }, null, 2));
