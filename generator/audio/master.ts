// The one assembly every profile is encoded from: clips levelled once for the strictest profile (the least
// room between its loudness and its peak limit), laid out on the sample grid; each profile is then that master
// times one gain, applied by ffmpeg in the encode.
import type { Timeline } from "../../content/timeline.js";
import { layoutTimeline, type Layout } from "./assemble.js";
import { levelClip, type LevelledClip } from "./level.js";
import type { AudioProfile } from "./profiles.js";
import { chimeSamples } from "./tones.js";

/** Chimes sit this far under the speech so they mark time without startling. */
export const CHIME_UNDER_SPEECH_LU = 6;
/** How far a track of levelled clips and silence measures under its clips (edge blocks), typically 0.4–0.6 LU. */
const EDGE_ALLOWANCE_LU = 0.5;
/** The largest residual gain a profile may get above the master's level (clips already sit near the target). */
const MAX_BOOST_DB = 3;

/** How the master is levelled, and how each profile's gain is derived from it. */
export interface MasterPlan {
  /** Loudness the master's speech clips aim at (before the edge allowance), LUFS. */
  speechLufs: number;
  /** True-peak ceiling of every clip of the master, dBTP. */
  ceilingDb: number;
  /** The profile's gain: to its target (plus what the encoder takes), never lifting peaks over its ceiling. */
  gainFor(profile: AudioProfile, masterLufs: number, masterPeakDb: number): number;
}

/** Plans the master for a set of profiles: levelled for the one with the least peak-to-loudness room. */
export function masterPlan(profiles: readonly AudioProfile[]): MasterPlan {
  if (profiles.length === 0) throw new Error("render: no profile to render (fix: pass --profile download, alexa or both)");
  const room = (p: AudioProfile) => p.truePeakLimitDb - p.peakMarginDb - p.targetLufs;
  const strictest = profiles.reduce((a, b) => (room(b) < room(a) ? b : a));
  const speechLufs = strictest.targetLufs + strictest.encoderLossLu;
  return {
    speechLufs,
    ceilingDb: strictest.truePeakLimitDb - strictest.peakMarginDb,
    gainFor(profile, masterLufs, masterPeakDb) {
      const wanted = profile.targetLufs + profile.encoderLossLu - (Number.isFinite(masterLufs) ? masterLufs : speechLufs);
      const headroom = profile.truePeakLimitDb - profile.peakMarginDb - masterPeakDb;
      return Math.min(wanted, headroom, MAX_BOOST_DB);
    },
  };
}

/** The master's layout, its highest true peak and the deepest limiting any of its clips got. */
export interface Master {
  layout: Layout;
  truePeakDb: number;
  gainReductionDb: number;
}

/** Levels the clips (memoized across tracks of a run) and lays the timeline out at the clips' rate. */
export function masterLayout(
  input: { timeline: Timeline; clip(text: string): Float32Array; rate: number },
  plan: MasterPlan,
  cache: Map<string, LevelledClip>,
): Master {
  const { rate } = input;
  let truePeakDb = -Infinity;
  let gainReductionDb = 0;
  const levelled = (key: string, make: () => Float32Array, targetLufs: number) => {
    const cacheKey = `${targetLufs.toFixed(2)}|${plan.ceilingDb.toFixed(2)}|${rate}|${key}`;
    let hit = cache.get(cacheKey);
    if (!hit) cache.set(cacheKey, (hit = levelClip(make(), rate, { targetLufs, ceilingDb: plan.ceilingDb })));
    truePeakDb = Math.max(truePeakDb, hit.truePeakDb);
    gainReductionDb = Math.max(gainReductionDb, hit.limitedDb);
    return hit.samples;
  };
  // Speech next to silence makes edge blocks that pull the track's gated loudness under its clips': clips aim higher.
  const target = plan.speechLufs + EDGE_ALLOWANCE_LU;
  const layout = layoutTimeline(input.timeline, {
    rate,
    speech: (text) => levelled(`speech|${text}`, () => input.clip(text), target),
    chime: (sound) => levelled(`chime|${sound}`, () => chimeSamples(sound, rate), target - CHIME_UNDER_SPEECH_LU),
  });
  return { layout, truePeakDb, gainReductionDb };
}
