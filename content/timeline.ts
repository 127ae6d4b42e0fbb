import type { PaceId } from "./schema.js";

/** Why a pause exists; the audio pipeline renders all as exact silence, the skill as breaks. */
export type PausePurpose = "hold" | "rest" | "transition" | "breath" | "movement";

/** What a speech cue is for; lets SSML and the skill treat cautions, counts and steps differently. */
export type SpeechRole = "intro" | "title" | "benefit" | "caution" | "setup" | "step" | "count" | "coach" | "outro";

export type Cue =
  /** Start of an exercise (routine track; no `exerciseId` for the routine's introduction) or of a variant; becomes an ID3 chapter. */
  | { type: "chapter"; id: string; title: string; exerciseId?: string }
  /**
   * Spoken text, plain (not SSML). `setStart` marks a place where a long exercise may be split (a new side or set).
   * `slotMs` fixes the time from this speech's start to the next cue's (a count-down number): the audio pads
   * the clip with silence to fill the slot, so counted numbers start exactly a slot apart.
   */
  | { type: "speech"; text: string; role: SpeechRole; setStart?: boolean; slotMs?: number }
  /** Exact silence. */
  | { type: "pause"; ms: number; purpose: PausePurpose }
  /** A short tone: start of a hold, end of a hold, switch sides. */
  | { type: "chime"; sound: "start" | "end" };

/** Length of every chime cue: the planner's estimate and the generated tone share it. */
export const CHIME_MS = 600;

/** The single compiled form of a script: SSML and audio are both derived from it. */
export interface Timeline {
  id: string;
  kind: "routine" | "exercise";
  title: string;
  pace: PaceId;
  cues: Cue[];
}
