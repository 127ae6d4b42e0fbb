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
   * How far under the limit clips are held before encoding: MP3 coding noise lifts the peaks a little. Measured on
   * the embedded voice (Flite "slt", phase-rotated, `upper-back render --routine quick --profile alexa`, MP3 peak
   * against the PCM's in the manifest): +0.3–0.45 dB at 64 kbps / 22.05 kHz, about the same at 96 and 128 kbps
   * (the 16 kHz voice has nothing above 8 kHz for a higher bitrate to keep). eSpeak's old, heavily limited master
   * needed 2.4–5 dB. The render checks each MP3's true peak and encodes a profile again, further under, when it
   * overshoots anyway.
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
 * `alexa`: −14 LUFS, ≤ −2 dBTP, 22050 Hz mono at 64 kbps. Its margin is what sets Alexa's limiting (issue 12: at most
 * 6 dB): the embedded voice's peaks sit 12.4 dB (median; 15.1 at most) over its loudness, clips aim at −13 LUFS
 * (target, encoder loss, edge allowance), so each dB of margin is about a dB more limiting on the peakiest clips. At
 * 4.5 dB (sized for eSpeak) clips were limited by up to 23.6 dB; at 0.8 dB by at most ~5 (figures and commands in docs/MASTERING.md).
 * AudioPlayer accepts 16–384 kbps, but a higher bitrate buys no lower overshoot on this voice, so 64 kbps stays;
 * 48 kbps is only required for SSML <audio> (the chimes, see `SSML_AUDIO`).
 */
export const PROFILES: Record<ProfileId, AudioProfile> = {
  download: { id: "download", targetLufs: -16, truePeakLimitDb: -1, peakMarginDb: 1.8, encoderLossLu: 0.5, sampleRate: 44100, bitrateKbps: 64, subdir: "" },
  alexa: { id: "alexa", targetLufs: -14, truePeakLimitDb: -2, peakMarginDb: 0.8, encoderLossLu: 0.5, sampleRate: 22050, bitrateKbps: 64, subdir: ALEXA_SUBDIR },
};

/** What Alexa's SSML <audio> requires: MP3, 48 kbps, 24000 Hz (used for the chime files the skill plays). */
export const SSML_AUDIO = { sampleRate: 24000, bitrateKbps: 48 } as const;

/** Resolves `--profile` (download | alexa | both) to profiles, in a fixed order. */
export function profilesFor(choice: ProfileId | "both"): AudioProfile[] {
  return choice === "both" ? PROFILE_IDS.map((id) => PROFILES[id]) : [PROFILES[choice]];
}
