// One track from timeline to finished MP3: level clips, lay out, measure in Node, encode once, measure the MP3
// with ffmpeg, and only when it misses the profile (±tolerance, or over the peak limit) encode once more.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Timeline } from "../../content/timeline.js";
import { withAtomicFile } from "../io/atomic.js";
import { layoutPcm, layoutTimeline, type Layout } from "./assemble.js";
import { encodeMp3, measureLoudness, type MeasuredLoudness } from "./ffmpeg.js";
import { levelClip, type LevelledClip } from "./level.js";
import { dbToGain, LoudnessMeter } from "./loudness.js";
import { ffmetadata, type TrackTags } from "./metadata.js";
import { CHIME_UNDER_SPEECH_LU, type AudioProfile } from "./profiles.js";
import { chimeSamples } from "./tones.js";

/** How far a track of levelled clips and silence measures under its clips (edge blocks), typically 0.4–0.6 LU. */
const EDGE_ALLOWANCE_LU = 0.5;

export interface TrackInput {
  timeline: Timeline;
  /** Trimmed float PCM of each speech text at `rate` (synthesized beforehand). */
  clip(text: string): Float32Array;
  rate: number;
  profile: AudioProfile;
  tags: TrackTags;
  artworkFile?: string;
  /** Final path; written under a temporary name and renamed when complete. */
  outFile: string;
  /** Overrides the profile's peak margin (the render raises it after seeing MP3 overshoot). */
  peakMarginDb?: number;
  /** Levelled clips shared between tracks of one run (key: profile, ceiling, text). */
  levelCache?: Map<string, LevelledClip>;
  signal?: AbortSignal;
  /** Called after the encode with the temporary file, before it is renamed (tests inject failures here). */
  beforeRename?(tempFile: string): Promise<void>;
}

export interface TrackOutput {
  layout: Layout;
  loudness: MeasuredLoudness;
  /** Encodes it took: 1 normally, 2 when a corrective pass was needed. */
  encodes: number;
  /** Each encode: loudness predicted in Node before it, and measured by ffmpeg after it (tuning, the bench). */
  passes: { predictedLufs: number; ceilingDb: number; gainDb: number; measured: MeasuredLoudness }[];
  /** Wall time per stage, ms (levelling and layout in Node, the encode, the ffmpeg measurement), summed over passes. */
  timings: { assembleMs: number; encodeMs: number; measureMs: number };
  bytes: number;
  sha256: string;
}

/** A track's PCM before encoding: the layout of levelled clips and the one gain that puts it on target. */
export interface AssembledTrack {
  layout: Layout;
  /** Loudness of the layout before the gain, measured in Node (BS.1770). */
  predictedLufs: number;
  gainDb: number;
}

/**
 * Levels the clips (to the target plus what edge blocks and the encoder take away) and lays the track out;
 * the small rest is one gain on the whole track. Exported for the bench's bare-encode floor.
 */
export function assembleTrack(input: Omit<TrackInput, "outFile">, cache: Map<string, LevelledClip>, ceilingDb: number): AssembledTrack {
  const { profile } = input;
  // Speech next to silence makes edge blocks that pull the track's gated loudness under its clips', and the
  // encoder takes a little more: clips aim that much higher, and the small rest is one gain on the track.
  const layout = layoutLevelled(input, cache, profile.targetLufs + profile.encoderLossLu + EDGE_ALLOWANCE_LU, ceilingDb);
  const meter = new LoudnessMeter(input.rate);
  for (const chunk of layoutPcm(layout)) meter.push(chunk);
  const predictedLufs = meter.integratedLufs();
  const gainDb = Number.isFinite(predictedLufs) ? clamp(profile.targetLufs + profile.encoderLossLu - predictedLufs, -6, 3) : 0;
  return { layout, predictedLufs, gainDb };
}

/** Renders one timeline to one MP3 (the only place a track is encoded). */
export async function renderTrack(input: TrackInput): Promise<TrackOutput> {
  const { profile, rate } = input;
  const cache = input.levelCache ?? new Map<string, LevelledClip>();
  const workDir = await mkdtemp(join(tmpdir(), "upper-back-track-"));
  try {
    return await withAtomicFile(input.outFile, async (tempFile) => {
      let ceilingDb = profile.truePeakLimitDb - (input.peakMarginDb ?? profile.peakMarginDb);
      let correctionDb = 0;
      const passes: TrackOutput["passes"] = [];
      const timings = { assembleMs: 0, encodeMs: 0, measureMs: 0 };
      let clock = performance.now();
      const lap = (stage: keyof typeof timings) => {
        const now = performance.now();
        timings[stage] += now - clock;
        clock = now;
      };
      for (let encodes = 1; ; encodes++) {
        const { layout, predictedLufs: trackLufs, gainDb: residualDb } = assembleTrack(input, cache, ceilingDb);
        const metadataFile = join(workDir, "metadata.txt");
        await writeFile(metadataFile, ffmetadata(input.tags, layout.chapters));
        lap("assembleMs");
        await encodeMp3(layoutPcm(layout, dbToGain(residualDb + correctionDb)), tempFile, {
          inputRate: rate,
          outputRate: profile.sampleRate,
          bitrateKbps: profile.bitrateKbps,
          lowpassHz: profile.lowpassHz,
          metadataFile,
          artworkFile: input.artworkFile,
          signal: input.signal,
        });
        lap("encodeMs");
        const loudness = await measureLoudness(tempFile, input.signal);
        lap("measureMs");
        passes.push({ predictedLufs: trackLufs, ceilingDb, gainDb: residualDb + correctionDb, measured: loudness });
        const loudnessOff = Math.abs(loudness.integratedLufs - profile.targetLufs) > profile.toleranceLu;
        const peakOver = loudness.truePeakDbtp > profile.truePeakLimitDb;
        if ((!loudnessOff && !peakOver) || encodes >= 3) {
          await input.beforeRename?.(tempFile);
          const bytes = await readFile(tempFile);
          return { layout, loudness, encodes, passes, timings, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
        }
        correctionDb += profile.targetLufs - loudness.integratedLufs;
        // Deeper limiting raises the overshoot a little too (measured), so step past the miss by half a dB.
        if (peakOver) ceilingDb -= loudness.truePeakDbtp - profile.truePeakLimitDb + 0.5;
      }
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

// Lays out the timeline from clips levelled to (target, ceiling), memoized across tracks of the run.
function layoutLevelled(input: Omit<TrackInput, "outFile">, cache: Map<string, LevelledClip>, targetLufs: number, ceilingDb: number): Layout {
  const { profile, rate } = input;
  const levelled = (key: string, make: () => Float32Array, target: number) => {
    const cacheKey = `${profile.id}|${target.toFixed(2)}|${ceilingDb.toFixed(2)}|${key}`;
    let hit = cache.get(cacheKey);
    if (!hit) cache.set(cacheKey, (hit = levelClip(make(), rate, { targetLufs: target, ceilingDb, attackMs: profile.limiterAttackMs, releaseMs: profile.limiterReleaseMs })));
    return hit.samples;
  };
  return layoutTimeline(input.timeline, {
    rate,
    speech: (text) => levelled(`speech|${text}`, () => input.clip(text), targetLufs),
    chime: (sound) => levelled(`chime|${sound}`, () => chimeSamples(sound, rate), targetLufs - CHIME_UNDER_SPEECH_LU),
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
