// AudioPlayer and PlaybackController events: no session, so the stream token says where we are; replies hold
// only AudioPlayer directives (never speech).
import { encodeToken, parseToken, type StreamPosition } from "../audio/tokens.js";
import { exerciseTrack, trackUrl } from "../audio/tracks.js";
import { present } from "./moves.js";
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
  const next = sequenceOf(ctx.catalog, pos.source)[pos.index + 1];
  const track = next && ctx.audio ? exerciseTrack(ctx.audio.manifest, next.exerciseId) : undefined;
  if (!next || !track || !ctx.audio) return { state, say: SILENT };
  const nextToken = encodeToken({ ...pos, index: pos.index + 1 });
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
  const items = sequenceOf(ctx.catalog, progress.source);
  const index = Math.max(0, Math.min(items.length - 1, progress.index + delta));
  if (delta === 1 && progress.index + 1 >= items.length) return { state, say: { endSession: true, audio: { type: "stop" } } };
  return audioOnly(present(ctx, state, { ...progress, index, step: 0, offsetMs: keepOffset ? progress.offsetMs : 0 }));
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
      const hasNext = sequenceOf(ctx.catalog, pos.source)[pos.index + 1] !== undefined;
      const next = hasNext ? { ...state, progress: at({ ...pos, index: pos.index + 1 }, 0) } : recordCompletion(state, ctx.today);
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
