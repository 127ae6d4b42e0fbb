// The two output profiles: podcast/download loudness and what Alexa's AudioPlayer and SSML <audio> accept.
import { ALEXA_SUBDIR } from "../../content/facts.js";

/** Loudness and encoding settings of one output profile. */
export interface AudioProfile {
  id: ProfileId;
  /** Integrated loudness the track is levelled to, LUFS. */
  targetLufs: number;
  /** True-peak limit of the finished MP3, dBTP. */
  truePeakLimitDb: number;
  /**
   * How far under the limit clips are held before encoding: MP3 coding noise raises the peaks of heavily
   * limited speech. Measured over the whole catalogue with the embedded voice (peak-to-loudness ~19 dB, so 8–10 dB
   * of limiting for Alexa): 0.4–1.4 dB at 64 kbps / 44.1 kHz, 2.6–4.2 dB at 64 kbps / 22.05 kHz (more at 24 kHz).
   * The render checks each MP3's true peak and encodes a profile again, further under, when it overshoots.
   */
  peakMarginDb: number;
  /** Loudness the MP3 encoder takes away (low-pass at low bitrates), pre-compensated before the encode, LU. */
  encoderLossLu: number;
  sampleRate: number;
  bitrateKbps: number;
  /** Clip limiter timing, ms (defaults in limiter.ts). */
  limiterAttackMs?: number;
  limiterReleaseMs?: number;
  /** Encoder low-pass, Hz (absent = LAME's default for the bitrate). */
  lowpassHz?: number;
  /** Sub-folder of the output folder ("" = the folder itself). */
  subdir: string;
}

export const PROFILE_IDS = ["download", "alexa"] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/**
 * `download`: podcast norms (−16 LUFS, ≤ −1 dBTP), 44.1 kHz mono at 64 kbps, the usual spoken-word podcast setting.
 * `alexa`: −14 LUFS, ≤ −2 dBTP, 22050 Hz mono at 64 kbps (22050 is the embedded voice's own rate: no resampling, and
 * less MP3 peak overshoot than 24000). AudioPlayer accepts 16–384 kbps; 48 kbps is only required
 * for SSML <audio> (the chimes, see `SSML_AUDIO`), and at 48 kbps MP3 coding noise lifts the peaks of the limited
 * embedded voice by ~2 dB (measured), which would need a larger peak margin.
 */
export const PROFILES: Record<ProfileId, AudioProfile> = {
  download: { id: "download", targetLufs: -16, truePeakLimitDb: -1, peakMarginDb: 1.8, encoderLossLu: 0.5, sampleRate: 44100, bitrateKbps: 64, subdir: "" },
  alexa: { id: "alexa", targetLufs: -14, truePeakLimitDb: -2, peakMarginDb: 4.5, encoderLossLu: 0.5, sampleRate: 22050, bitrateKbps: 64, subdir: ALEXA_SUBDIR },
};

/** What Alexa's SSML <audio> requires: MP3, 48 kbps, 24000 Hz (used for the chime files the skill plays). */
export const SSML_AUDIO = { sampleRate: 24000, bitrateKbps: 48 } as const;

/** Resolves `--profile` (download | alexa | both) to profiles, in a fixed order. */
export function profilesFor(choice: ProfileId | "both"): AudioProfile[] {
  return choice === "both" ? PROFILE_IDS.map((id) => PROFILES[id]) : [PROFILES[choice]];
}
