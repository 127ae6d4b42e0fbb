// The moves every event is built from: present an exercise (spoken or streamed), go forward or back, finish.
import type { Cue } from "../../content/timeline.js";
import { alexaSsml } from "../../content/ssml/alexa.js";
import { encodeToken } from "../audio/tokens.js";
import { exerciseTrack, trackUrl } from "../audio/tracks.js";
import { exerciseSteps, sequenceOf, sourceTitle } from "./sequence.js";
import { CLOSING_NEXT, MENU, MENU_REPROMPT, duringExerciseReprompt, finishedWords, line } from "./speech.js";
import { recordCompletion } from "./streak.js";
import type { MachineContext, Progress, SkillState, Source, Transition } from "./types.js";

/** Renders cues (plus an optional closing sentence) with the shared Alexa renderer. */
export function ssml(ctx: MachineContext, cues: Cue[], closing?: string): string {
  return alexaSsml(cues, { audioBaseUrl: ctx.audioBaseUrl, closing });
}

/** A reply that keeps the session open: speech plus a reprompt (both rendered once, escaped once). */
export function ask(ctx: MachineContext, state: SkillState, cues: Cue[], reprompt: string): Transition {
  return { state, say: { speech: ssml(ctx, cues), reprompt: ssml(ctx, [line(reprompt)]), endSession: false } };
}

/** A reply that ends the session. */
export function tell(ctx: MachineContext, state: SkillState, cues: Cue[]): Transition {
  return { state, say: { speech: ssml(ctx, cues), endSession: true } };
}

/** True when this request should stream rendered MP3s rather than speak. */
export function streaming(ctx: MachineContext, state: SkillState): boolean {
  return ctx.audio !== undefined && state.audioFailedDay !== ctx.today;
}

/** The menu, for when nothing is in progress. */
export function menu(ctx: MachineContext, state: SkillState, prefix: Cue[] = []): Transition {
  return ask(ctx, { ...state, progress: undefined }, [...prefix, line(MENU)], MENU_REPROMPT);
}

function routineIntro(ctx: MachineContext, progress: Progress): Cue[] {
  if (progress.source.kind !== "routine" || progress.index !== 0 || progress.step !== 0) return [];
  const routine = ctx.catalog.routines.get(progress.source.id);
  return routine ? [line(`${routine.title}. ${routine.summary}`)] : [];
}

function heading(ctx: MachineContext, progress: Progress): string {
  const items = sequenceOf(ctx.catalog, progress.source);
  const title = items[progress.index]?.title ?? "";
  return items.length > 1 ? `Exercise ${progress.index + 1} of ${items.length}: ${title}.` : `${title}.`;
}

/** Streams exercise `progress.index` from `progress.offsetMs`; undefined when the render has no such track. */
function stream(ctx: MachineContext, state: SkillState, progress: Progress, prefix: Cue[]): Transition | undefined {
  const item = sequenceOf(ctx.catalog, progress.source)[progress.index];
  const track = item && ctx.audio ? exerciseTrack(ctx.audio.manifest, item.exerciseId) : undefined;
  if (!item || !track || !ctx.audio) return undefined;
  const offsetMs = Math.min(progress.offsetMs ?? 0, Math.max(0, track.durationMs - 1000));
  const token = encodeToken({ source: progress.source, index: progress.index, pace: state.pace });
  const next: SkillState = { ...state, pending: undefined, progress: { ...progress, step: 0, offsetMs, audio: true } };
  return {
    state: next,
    say: {
      speech: ssml(ctx, [...prefix, ...routineIntro(ctx, progress), line(heading(ctx, progress))]),
      endSession: true,
      audio: { type: "play", behavior: "REPLACE_ALL", token, url: trackUrl(ctx.audio.baseUrl, track), offsetMs, title: item.title },
    },
  };
}

/** Presents the exercise at `progress`: streamed in AudioPlayer mode, else one spoken response of it. */
export function present(ctx: MachineContext, state: SkillState, progress: Progress, prefix: Cue[] = []): Transition {
  if (streaming(ctx, state)) {
    const streamed = stream(ctx, state, progress, prefix);
    if (streamed) return streamed;
  }
  const steps = exerciseSteps(ctx.catalog, progress.source, progress.index, state.pace, ctx.audioBaseUrl);
  if (steps.length === 0) return menu(ctx, state, [...prefix, line("That routine is no longer available.")]);
  const step = Math.min(progress.step, steps.length - 1);
  const at: Progress = { source: progress.source, index: progress.index, step };
  const title = sequenceOf(ctx.catalog, progress.source)[progress.index]!.title.toLowerCase();
  const next: SkillState = { ...state, pending: undefined, progress: at };
  return {
    state: next,
    say: {
      speech: ssml(ctx, [...prefix, ...routineIntro(ctx, at), ...steps[step]!], CLOSING_NEXT),
      reprompt: ssml(ctx, [line(duringExerciseReprompt(title))]),
      endSession: false,
    },
  };
}

/** Starts a source at its first exercise. */
export function begin(ctx: MachineContext, state: SkillState, source: Source, prefix: Cue[] = []): Transition {
  return present(ctx, state, { source, index: 0, step: 0 }, prefix);
}

/** Finishes the current source: counts the session, grows the streak, clears progress, says well done. */
export function finish(ctx: MachineContext, state: SkillState, source: Source, prefix: Cue[] = []): Transition {
  const done = recordCompletion({ ...state, pending: undefined }, ctx.today);
  const title = source.kind === "routine" ? `the ${sourceTitle(ctx.catalog, source).toLowerCase()}` : sourceTitle(ctx.catalog, source).toLowerCase();
  const words = finishedWords(title, done.completedSessions, done.streak.days).map(line);
  const result = tell(ctx, done, [...prefix, ...words]);
  return streaming(ctx, state) ? { ...result, say: { ...result.say, audio: { type: "stop" } } } : result;
}

/** Moves forward: the next response of this exercise, else the next exercise, else finishes. */
export function advance(ctx: MachineContext, state: SkillState, progress: Progress, prefix: Cue[] = [], wholeExercise = false): Transition {
  const items = sequenceOf(ctx.catalog, progress.source);
  if (!wholeExercise && !streaming(ctx, state)) {
    const steps = exerciseSteps(ctx.catalog, progress.source, progress.index, state.pace, ctx.audioBaseUrl);
    if (progress.step + 1 < steps.length) return present(ctx, state, { ...progress, step: progress.step + 1, offsetMs: 0 }, prefix);
  }
  if (progress.index + 1 < items.length) return present(ctx, state, { source: progress.source, index: progress.index + 1, step: 0 }, prefix);
  return finish(ctx, state, progress.source, prefix);
}

/** Moves back: the previous response of this exercise, else the previous exercise, else says it is the first. */
export function retreat(ctx: MachineContext, state: SkillState, progress: Progress): Transition {
  if (progress.step > 0 && !streaming(ctx, state)) return present(ctx, state, { ...progress, step: progress.step - 1 });
  if (progress.index > 0) return present(ctx, state, { source: progress.source, index: progress.index - 1, step: 0 });
  return present(ctx, state, { ...progress, step: 0, offsetMs: 0 }, [line("This is the first exercise, so here it is again.")]);
}
