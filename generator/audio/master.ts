// A profile's master: the clips levelled for its loudness and peak room (memoized across the tracks of a run),
// laid out on the sample grid; the small rest to its target is one gain, applied by ffmpeg in the encode.
import type { Timeline } from "../../content/timeline.js";
import { layoutTimeline, type Layout } from "./assemble.js";
import { levelClip, type LevelledClip } from "./level.js";
import { rotatePhase } from "./phase.js";
import type { AudioProfile } from "./profiles.js";
import { chimeSamples } from "./tones.js";

/** Chimes sit this far under the speech so they mark time without startling. */
export const CHIME_UNDER_SPEECH_LU = 6;
/** How far a track of levelled clips and silence measures under its clips (edge blocks), typically 0.4–0.6 LU. */
export const EDGE_ALLOWANCE_LU = 0.5;
/** The largest residual gain a profile may get above the master's level (clips already sit near the target). */
const MAX_BOOST_DB = 3;

/** How a profile's master is levelled, and how its gain is derived from what the master measures. */
export interface MasterPlan {
  /** Loudness the master's speech clips aim at (before the edge allowance), LUFS. */
  speechLufs: number;
  /** True-peak ceiling of every clip of the master, dBTP. */
  ceilingDb: number;
  /** The clip limiter's timing, ms (limiter.ts defaults when absent). */
  limiter: { attackMs?: number; releaseMs?: number };
  /** The gain to the target (plus what the encoder takes), never lifting peaks over the ceiling. */
  gainFor(masterLufs: number, masterPeakDb: number): number;
  /** The most gain a master with this peak may get (its peak room, at most the largest boost). */
  maxGain(masterPeakDb: number): number;
}

/** Plans a profile's master: clips at its loudness plus the encoder's loss, peaks under its limit minus the margin. */
export function masterPlan(profile: AudioProfile): MasterPlan {
  const speechLufs = profile.targetLufs + profile.encoderLossLu;
  return {
    speechLufs,
    ceilingDb: profile.truePeakLimitDb - profile.peakMarginDb,
    limiter: { attackMs: profile.limiterAttackMs, releaseMs: profile.limiterReleaseMs },
    gainFor(masterLufs, masterPeakDb) {
      const wanted = profile.targetLufs + profile.encoderLossLu - (Number.isFinite(masterLufs) ? masterLufs : speechLufs);
      return Math.min(wanted, this.maxGain(masterPeakDb));
    },
    maxGain(masterPeakDb) {
      return Math.min(profile.truePeakLimitDb - profile.peakMarginDb - masterPeakDb, MAX_BOOST_DB);
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
  input: { timeline: Timeline; clip(text: string): Float32Array; rate: number; stretch?: ReadonlyMap<number, number> },
  plan: MasterPlan,
  cache: Map<string, LevelledClip>,
): Master {
  const { rate } = input;
  let truePeakDb = -Infinity;
  let gainReductionDb = 0;
  const levelled = (key: string, make: () => Float32Array, targetLufs: number) => {
    const cacheKey = `${targetLufs.toFixed(2)}|${plan.ceilingDb.toFixed(2)}|${plan.limiter.attackMs ?? "-"}|${plan.limiter.releaseMs ?? "-"}|${rate}|${key}`;
    let hit = cache.get(cacheKey);
    if (!hit) cache.set(cacheKey, (hit = levelClip(make(), rate, { targetLufs, ceilingDb: plan.ceilingDb, ...plan.limiter })));
    truePeakDb = Math.max(truePeakDb, hit.truePeakDb);
    gainReductionDb = Math.max(gainReductionDb, hit.limitedDb);
    return hit.samples;
  };
  // Speech next to silence makes edge blocks that pull the track's gated loudness under its clips': clips aim higher.
  const target = plan.speechLufs + EDGE_ALLOWANCE_LU;
  const layout = layoutTimeline(input.timeline, {
    rate,
    // Speech is phase-rotated first (lower peaks at the same loudness, so less limiting); chimes are pure tones.
    speech: (text) => levelled(`speech|${text}`, () => rotatePhase(input.clip(text), rate), target),
    chime: (sound) => levelled(`chime|${sound}`, () => chimeSamples(sound, rate), target - CHIME_UNDER_SPEECH_LU),
  }, input.stretch);
  return { layout, truePeakDb, gainReductionDb };
}
