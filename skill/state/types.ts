// The skill's state and events: plain data, so the state machine stays a pure function.
import type { Catalog } from "../../content/load.js";
import type { PaceId } from "../../content/schema.js";
import type { Manifest } from "../../content/manifest.js";

/** What is being done: a routine from content, or one exercise picked by voice. */
export type Source = { kind: "routine"; id: string } | { kind: "exercise"; id: string };

/** Where the user is: exercise `index` of the source, the piece (set) `step` its last response started at (speech), `offsetMs` (audio). */
export interface Progress {
  source: Source;
  index: number;
  step: number;
  /** The piece the next response starts at (the last response ended before it). */
  until?: number;
  /** AudioPlayer position inside the current exercise's stream. */
  offsetMs?: number;
  /** True while an AudioPlayer stream of this progress is (or was last) playing. */
  audio?: boolean;
}

/** A question the last response asked, answered by Yes / No. */
export type Pending =
  | { kind: "continue" }
  | { kind: "pain" }
  | { kind: "howTo"; exerciseId: string }
  | { kind: "startRoutine" }
  | { kind: "hurtBefore"; progress: Progress }
  | { kind: "forget" };

/** Everything remembered about one user; persisted between sessions (except `pending`). */
export interface SkillState {
  safetyNoteSeen: boolean;
  pace: PaceId;
  progress?: Progress;
  completedSessions: number;
  /** Consecutive days with a finished session; `lastDay` is YYYY-MM-DD. */
  streak: { days: number; lastDay?: string };
  pending?: Pending;
  /** Day (YYYY-MM-DD) a stream failed on this user's device; speech mode is used for the rest of that day. */
  audioFailedDay?: string;
  /** Exercises that hurt (ids): never resumed on or played again without a warning and an offer to skip. */
  hurt?: string[];
  /** Exercises the user asked to skip from now on (ids); routines pass over them until "put it back". */
  skipAlways?: string[];
  /** What "skip" last passed over, so "go back" returns to it even after a picked exercise ended. */
  skipped?: Progress;
}

/** Something the user said or the device reported, already resolved against the catalog. */
export type SkillEvent =
  | { type: "launch" }
  | { type: "startRoutine"; routineId?: string; heard?: string; pace?: PaceId }
  | { type: "pickExercise"; exerciseId?: string; heard?: string }
  | { type: "listExercises" }
  | { type: "howTo"; exerciseId?: string; heard?: string }
  | { type: "next" }
  | { type: "skip" }
  | { type: "previous" }
  | { type: "repeat" }
  | { type: "startOver" }
  | { type: "continue" }
  | { type: "pause" }
  | { type: "pain"; bodyPart?: string }
  | { type: "skipForGood"; exerciseId?: string; heard?: string }
  | { type: "putBack"; exerciseId?: string; heard?: string }
  | { type: "forget" }
  | { type: "slower" }
  | { type: "faster" }
  | { type: "yes" }
  | { type: "no" }
  | { type: "help" }
  | { type: "stop" }
  | { type: "fallback" }
  | { type: "unsupported"; what: string }
  | { type: "sessionEnded" }
  // AudioPlayer and PlaybackController (no session; answered with AudioPlayer directives only)
  | { type: "playbackStarted"; token: string; offsetMs: number }
  | { type: "playbackNearlyFinished"; token: string; offsetMs: number }
  | { type: "playbackStopped"; token: string; offsetMs: number }
  | { type: "playbackFinished"; token: string; offsetMs: number }
  | { type: "playbackFailed"; token: string; offsetMs: number }
  | { type: "controllerNext" }
  | { type: "controllerPrevious" }
  | { type: "controllerPlay" }
  | { type: "controllerPause" };

/** An AudioPlayer instruction the handler turns into a directive. */
export type AudioAction =
  | { type: "play"; behavior: "REPLACE_ALL" | "ENQUEUE"; token: string; url: string; offsetMs: number; expectedPreviousToken?: string; title: string }
  | { type: "stop" }
  | { type: "clearQueue" };

/** What to answer: full `<speak>` documents from the shared SSML renderer, or audio directives. */
export interface Reply {
  speech?: string;
  reprompt?: string;
  endSession: boolean;
  audio?: AudioAction;
  /** Delete the user's stored record; the handler speaks `speech` only when the delete succeeded, else `forgetFailed`. */
  forget?: { forgetFailed: string };
}

/** The outcome of one event. */
export interface Transition {
  state: SkillState;
  say: Reply;
}

/** Fixed inputs of the machine: content, the day, and (when streaming) the render manifest. */
export interface MachineContext {
  catalog: Catalog;
  /** YYYY-MM-DD of the request, for the streak. */
  today: string;
  /** Set when the skill streams rendered MP3s (AUDIO_BASE_URL + manifest + a device with AudioPlayer). */
  audio?: { baseUrl: string; manifest: Manifest };
  /** HTTPS base of chimes for speech mode (AUDIO_BASE_URL), if any. */
  audioBaseUrl?: string;
  /** What the device says is playing (`context.AudioPlayer`): read before persistence, which may be off or stale. */
  player?: { token: string; offsetMs: number };
}

/** A fresh user. */
export function initialState(): SkillState {
  return { safetyNoteSeen: false, pace: "standard", completedSessions: 0, streak: { days: 0 } };
}
