// AudioPlayer mode: an exercise is played from its rendered MP3 at the user's pace (standard when that pace was
// not rendered), with a short spoken heading before the stream starts.
import type { Cue } from "../../content/timeline.js";
import { encodeToken } from "../audio/tokens.js";
import { exerciseTrack, trackUrl } from "../audio/tracks.js";
import { sequenceOf } from "./sequence.js";
import { line } from "./speech.js";
import type { AudioAction, MachineContext, Progress, SkillState } from "./types.js";

function heading(ctx: MachineContext, progress: Progress): string {
  const items = sequenceOf(ctx.catalog, progress.source);
  const title = items[progress.index]?.title ?? "";
  return items.length > 1 ? `Exercise ${progress.index + 1} of ${items.length}: ${title}.` : `${title}.`;
}

/** Streams exercise `progress.index` from `progress.offsetMs` after `prefix`; undefined when the render has no such track. */
export function stream(
  ctx: MachineContext,
  state: SkillState,
  progress: Progress,
  prefix: Cue[],
): { state: SkillState; say: { cues: Cue[]; endSession: true; audio: AudioAction } } | undefined {
  const item = sequenceOf(ctx.catalog, progress.source)[progress.index];
  const track = item && ctx.audio ? exerciseTrack(ctx.audio.manifest, item.exerciseId, state.pace) : undefined;
  if (!item || !track || !ctx.audio) return undefined;
  const offsetMs = Math.min(progress.offsetMs ?? 0, Math.max(0, track.durationMs - 1000));
  const token = encodeToken({ source: progress.source, index: progress.index, pace: state.pace });
  const next: SkillState = { ...state, pending: undefined, progress: { ...progress, step: 0, offsetMs, audio: true } };
  return {
    state: next,
    say: {
      cues: [...prefix, line(heading(ctx, progress))],
      endSession: true,
      audio: { type: "play", behavior: "REPLACE_ALL", token, url: trackUrl(ctx.audio.baseUrl, track), offsetMs, title: item.title },
    },
  };
}
