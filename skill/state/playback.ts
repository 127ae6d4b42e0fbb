// AudioPlayer and PlaybackController events: no session, so the stream token says where we are; replies hold
// only AudioPlayer directives (never speech).
import { encodeToken, parseToken, type StreamPosition } from "../audio/tokens.js";
import { exerciseTrack, trackUrl } from "../audio/tracks.js";
import { playableIndex, present } from "./moves.js";
import { sequenceOf } from "./sequence.js";
import { recordCompletion } from "./streak.js";
import type { MachineContext, Progress, SkillEvent, SkillState, Transition } from "./types.js";

const SILENT = { endSession: true } as const;

function position(ctx: MachineContext, token: string): StreamPosition | undefined {
  const pos = parseToken(token);
  return pos && sequenceOf(ctx.catalog, pos.source)[pos.index] ? pos : undefined;
}

function at(pos: StreamPosition, offsetMs: number): Progress {
  return { source: pos.source, index: pos.index, step: 0, offsetMs: Math.max(0, Math.round(offsetMs)), audio: true };
}

/** Keeps only the AudioPlayer directive of a transition: event replies must not speak. */
function audioOnly(t: Transition): Transition {
  return { state: t.state, say: t.say.audio ? { endSession: true, audio: t.say.audio } : SILENT };
}

function enqueueNext(ctx: MachineContext, state: SkillState, pos: StreamPosition, token: string): Transition {
  const index = playableIndex(ctx, state, pos.source, pos.index + 1, 1);
  const next = index === undefined ? undefined : sequenceOf(ctx.catalog, pos.source)[index];
  const track = next && ctx.audio ? exerciseTrack(ctx.audio.manifest, next.exerciseId, pos.pace) : undefined;
  if (index === undefined || !next || !track || !ctx.audio) return { state, say: SILENT };
  const nextToken = encodeToken({ ...pos, index });
  return {
    state,
    say: {
      endSession: true,
      audio: { type: "play", behavior: "ENQUEUE", token: nextToken, expectedPreviousToken: token, url: trackUrl(ctx.audio.baseUrl, track), offsetMs: 0, title: next.title },
    },
  };
}

function move(ctx: MachineContext, state: SkillState, delta: -1 | 0 | 1, keepOffset: boolean): Transition {
  const progress = state.progress;
  if (!progress) return { state, say: { endSession: true, audio: { type: "stop" } } };
  const index = delta === 0 ? progress.index : (playableIndex(ctx, state, progress.source, progress.index + delta, delta) ?? (delta === 1 ? undefined : progress.index));
  if (index === undefined) return { state, say: { endSession: true, audio: { type: "stop" } } };
  // A button press cannot be asked a question, so the hurt-before check is left to the next spoken request.
  return audioOnly(present(ctx, state, { ...progress, index, step: 0, offsetMs: keepOffset ? progress.offsetMs : 0 }, [], { checked: true }));
}

/** Decides the reply to an AudioPlayer or PlaybackController event; unknown or foreign tokens change nothing. */
export function playbackTransition(ctx: MachineContext, state: SkillState, event: SkillEvent): Transition {
  switch (event.type) {
    case "playbackStarted":
    case "playbackStopped": {
      const pos = position(ctx, event.token);
      return pos ? { state: { ...state, progress: at(pos, event.offsetMs) }, say: SILENT } : { state, say: SILENT };
    }
    case "playbackNearlyFinished": {
      const pos = position(ctx, event.token);
      return pos ? enqueueNext(ctx, state, pos, event.token) : { state, say: SILENT };
    }
    case "playbackFinished": {
      const pos = position(ctx, event.token);
      if (!pos) return { state, say: SILENT };
      const index = playableIndex(ctx, state, pos.source, pos.index + 1, 1);
      const next = index !== undefined ? { ...state, progress: at({ ...pos, index }, 0) } : recordCompletion(state, ctx.today);
      return { state: next, say: SILENT };
    }
    case "playbackFailed": {
      const pos = position(ctx, event.token);
      const progress = pos ? { ...at(pos, event.offsetMs), audio: false } : state.progress;
      return { state: { ...state, progress, audioFailedDay: ctx.today }, say: { endSession: true, audio: { type: "clearQueue" } } };
    }
    case "controllerNext":
      return move(ctx, state, 1, false);
    case "controllerPrevious":
      return move(ctx, state, -1, false);
    case "controllerPlay":
      return move(ctx, state, 0, true);
    case "controllerPause":
      return { state, say: { endSession: true, audio: { type: "stop" } } };
    default:
      return { state, say: SILENT };
  }
}

/**
 * Takes the place from what the device says is playing (`context.AudioPlayer`) before what persistence remembered:
 * with persistence off or behind, pause, resume, next and previous still know the track and offset.
 */
export function adoptPlayer(ctx: MachineContext, state: SkillState): SkillState {
  if (!ctx.audio || !ctx.player) return state;
  const pos = position(ctx, ctx.player.token);
  return pos ? { ...state, pace: pos.pace, progress: at(pos, ctx.player.offsetMs) } : state;
}
