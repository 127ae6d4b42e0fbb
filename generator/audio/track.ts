// One track from timeline to finished MP3s: level clips, lay out once, mix the bed, measure loudness on the PCM in
// Node while writing it to a temporary file, then one ffmpeg process encodes every profile from that interleaved
// file; the MP3s are decoded only to check their true peak (no ffmpeg loudness pass).
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Timeline } from "../../content/timeline.js";
import { withAtomicFile } from "../io/atomic.js";
import { layoutPcm, type Layout } from "./assemble.js";
import { bedLufs, createBed, type BedPhase } from "./bed.js";
import { encodeMp3s } from "./ffmpeg.js";
import { mp3TruePeakDb } from "./verify.js";
import type { LevelledClip } from "./level.js";
import { LoudnessMeter } from "./loudness.js";
import { interleave, writePcmFile } from "./pcm-file.js";
import { masterLayout, masterPlan } from "./master.js";
import { ffmetadata, type TrackTags } from "./metadata.js";
import type { AudioProfile } from "./profiles.js";

/** What the manifest records of a profile's loudness; measured on the PCM the encoder was given. */
export interface TrackLoudness {
  /** Integrated loudness (BS.1770, in Node) of the PCM after the profile's gain, LUFS. */
  integratedLufs: number;
  /** Bound on the true peak of that PCM (clips' 4× oversampled peaks plus the bed's), dBTP; the MP3 may add up to the profile's peak margin. */
  truePeakDbtp: number;
  /** Deepest peak-limiter gain reduction on any clip of the track, dB (issue 12: at most 6 for Alexa). */
  gainReductionDb: number;
  /** The gain ffmpeg applied for this profile, dB. */
  gainDb: number;
  measuredOn: "pcm";
  /** True peak of the MP3 itself (decoded, 4× oversampled in Node), dBTP: at most the profile's limit. */
  mp3TruePeakDbtp: number;
  /** Encodes it took: 1, or more when the MP3's peak overshot the limit. */
  encodes: number;
}

export interface TrackInput {
  timeline: Timeline;
  /** Trimmed float PCM of each speech text at `rate` (synthesized beforehand). */
  clip(text: string): Float32Array;
  rate: number;
  /** One MP3 per output, all from one assembly. */
  outputs: { profile: AudioProfile; outFile: string }[];
  tags: TrackTags;
  artworkFile?: string;
  /** Mix the sound bed under the session (default true). */
  bed?: boolean;
  /** Extra samples for some pause pieces, and where the bed is read (a routine laid out for reuse: splice-plan.ts). */
  stretch?: ReadonlyMap<number, number>;
  bedPhases?: readonly BedPhase[];
  /** Levelled clips shared between tracks of one run (key: ceiling, text). */
  levelCache?: Map<string, LevelledClip>;
  signal?: AbortSignal;
  /** Called after the encode with each temporary file, before it is renamed (tests inject failures here). */
  beforeRename?(profile: AudioProfile, tempFile: string): Promise<void>;
}

export interface TrackOutput {
  layout: Layout;
  /** Per output, in the order of `outputs`. */
  files: { profile: AudioProfile; loudness: TrackLoudness; bytes: number; sha256: string }[];
  /** Wall time per stage, ms (levelling and layout in Node, the loudness pass in Node, the encode). */
  timings: { assembleMs: number; encodeMs: number; measureMs: number };
}

type Encoded = Omit<TrackOutput, "files"> & { files: (TrackOutput["files"][number] & { marginDb: number })[] };

/** Deeper limiting lifts the MP3's overshoot a little too (measured), so a retry steps past the miss by this much. */
const RETRY_EXTRA_MARGIN_DB = 0.5;
/**
 * Our MP3 peak reading can sit up to ~0.4 dB under ffmpeg's ebur128 (the judge in tests) on the same file (measured
 * on eSpeak: −2.07 against −1.9 dBTP, and a 0.36 dB gap under parallel test load), so an MP3 that close to the limit
 * counts as over and is encoded again.
 */
export const MP3_PEAK_METER_TOLERANCE_DB = 0.4;

/**
 * Renders one timeline to one MP3 per profile (the only place a track is encoded). Each MP3's true peak is checked;
 * a profile over its limit is encoded again (at most three times) from clips held further under it. A third round:
 * on eSpeak's deeply limited voice the same PCM can come back from the encoder with peaks ~0.8 dB apart from run to
 * run (−2.09 against −2.86 dBTP, seen in test/generator/audio/track.test.ts under load), and two were not enough.
 */
export async function renderTrack(input: TrackInput): Promise<TrackOutput> {
  let result = await encodeOutputs(input, input.outputs.map((o) => o.profile.peakMarginDb));
  for (let round = 0; round < 3; round++) {
    const over = result.files.map((f, i) => ({ f, i })).filter(({ f }) => f.loudness.mp3TruePeakDbtp > f.profile.truePeakLimitDb - MP3_PEAK_METER_TOLERANCE_DB);
    if (over.length === 0) break;
    const again = await encodeOutputs(
      { ...input, outputs: over.map(({ i }) => input.outputs[i]!) },
      over.map(({ f }) => f.marginDb + (f.loudness.mp3TruePeakDbtp - f.profile.truePeakLimitDb + MP3_PEAK_METER_TOLERANCE_DB) + RETRY_EXTRA_MARGIN_DB),
    );
    const files = [...result.files];
    over.forEach(({ f, i }, k) => (files[i] = { ...again.files[k]!, loudness: { ...again.files[k]!.loudness, encodes: f.loudness.encodes + 1 } }));
    const timings = { ...result.timings };
    for (const stage of Object.keys(timings) as (keyof typeof timings)[]) timings[stage] += again.timings[stage];
    result = { layout: result.layout, files, timings };
  }
  return { layout: result.layout, files: result.files.map(({ profile, loudness, bytes, sha256 }) => ({ profile, loudness, bytes, sha256 })), timings: result.timings };
}

// One assembly and one encode of `input.outputs`, each levelled with its peak margin; verifies each MP3's true peak.
async function encodeOutputs(input: TrackInput, marginsDb: number[]): Promise<Encoded> {
  const profiles = input.outputs.map((o, i) => ({ ...o.profile, peakMarginDb: marginsDb[i]! }));
  const { timings, lap } = stageClock();
  // Each profile is levelled for its own loudness and peak room (one master each, clips memoized across tracks);
  // the masters share one layout and travel to ffmpeg interleaved, as the channels of one stream.
  const plans = profiles.map((p) => masterPlan(p));
  const masters = plans.map((plan) => masterLayout(input, plan, input.levelCache ?? new Map<string, LevelledClip>()));
  const { layout } = masters[0]!;
  const beds = plans.map((plan, i) => (input.bed === false ? undefined : createBed(masters[i]!.layout, bedLufs(plan.speechLufs), input.bedPhases)));
  lap("assembleMs");
  return withWorkDir(input, layout, async (workDir, metadataFile) => {
    // One pass lays the masters out, measures them and writes them to a file the encoder reads on its own.
    const pcmFile = join(workDir, "masters.f32");
    const meters = masters.map(() => new LoudnessMeter(input.rate));
    await writePcmFile(pcmFile, interleave(masters.map((m, i) => layoutPcm(m.layout, 1, beds[i])), meters), input.signal);
    const masterLufs = meters.map((m) => m.integratedLufs());
    const peakDb = masters.map((m, i) => withBedPeak(m.truePeakDb, beds[i]?.peak));
    const gains = plans.map((plan, i) => plan.gainFor(masterLufs[i]!, peakDb[i]!));
    lap("assembleMs");
    return await withAtomicFiles(input.outputs.map((o) => o.outFile), async (tempFiles) => {
      await encodeMp3s(
        { file: pcmFile },
        input.outputs.map(({ profile }, i) => ({
          outFile: tempFiles[i]!,
          outputRate: profile.sampleRate,
          bitrateKbps: profile.bitrateKbps,
          lowpassHz: profile.lowpassHz,
          gainDb: gains[i],
          artworkFile: input.artworkFile,
        })),
        { inputRate: input.rate, metadataFile, signal: input.signal },
      );
      lap("encodeMs");
      const files = [];
      for (const [i, { profile }] of input.outputs.entries()) {
        const mp3PeakDb = await mp3TruePeakDb(tempFiles[i]!, profile.sampleRate, profile.truePeakLimitDb, input.signal);
        lap("measureMs");
        await input.beforeRename?.(profile, tempFiles[i]!);
        const bytes = await readFile(tempFiles[i]!);
        const gainDb = gains[i]!;
        const loudness: TrackLoudness = {
          integratedLufs: round2(masterLufs[i]! + gainDb),
          truePeakDbtp: round2(peakDb[i]! + gainDb),
          gainReductionDb: round2(masters[i]!.gainReductionDb),
          gainDb: round2(gainDb),
          measuredOn: "pcm",
          mp3TruePeakDbtp: round2(mp3PeakDb),
          encodes: 1,
        };
        files.push({ profile, marginDb: marginsDb[i]!, loudness, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
      }
      return { layout, files, timings };
    });
  });
}

/** Wall time per stage of a track's render: each `lap(stage)` adds the time since the previous lap to that stage. */
export function stageClock() {
  const timings = { assembleMs: 0, encodeMs: 0, measureMs: 0 };
  let clock = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
  return { timings, lap };
}

/** Runs `body` in a temporary folder of its own holding the track's ffmpeg metadata file; the folder goes either way. */
export async function withWorkDir<T>(input: TrackInput, layout: Layout, body: (workDir: string, metadataFile: string) => Promise<T>): Promise<T> {
  const workDir = await mkdtemp(join(tmpdir(), "upper-back-track-"));
  try {
    const metadataFile = join(workDir, "metadata.txt");
    await writeFile(metadataFile, ffmetadata(input.tags, layout.chapters));
    return await body(workDir, metadataFile);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Several atomic files at once: each is written under a temporary name and renamed only if all succeed. */
export async function withAtomicFiles<T>(paths: string[], body: (temps: string[]) => Promise<T>, temps: string[] = []): Promise<T> {
  if (temps.length === paths.length) return body(temps);
  return withAtomicFile(paths[temps.length]!, (temp) => withAtomicFiles(paths, body, [...temps, temp]));
}

/** Bed and speech add at most sample by sample: the speech peak plus the ducked bed, or the full bed in a pause. */
export function withBedPeak(speechPeakDb: number, bed: { full: number; ducked: number } | undefined): number {
  if (!bed) return speechPeakDb;
  const linear = Math.max(10 ** (speechPeakDb / 20) + bed.ducked, bed.full);
  return 20 * Math.log10(linear);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
