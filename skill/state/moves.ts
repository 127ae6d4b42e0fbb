// The moves every event is built from: present an exercise (spoken or streamed), go forward or back, finish.
import type { Cue } from "../../content/timeline.js";
import { alexaSsml, packResponse } from "../../content/ssml/alexa.js";
import { exercisePieces, sequenceOf, sourceTitle } from "./sequence.js";
import { CLOSING_NEXT, MENU, MENU_REPROMPT, duringExerciseReprompt, finishedWords, hurtBeforeQuestion, line } from "./speech.js";
import { stream } from "./stream.js";
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

/** A reply that ends the session (and stops a stream that may be paused on the device). */
export function tell(ctx: MachineContext, state: SkillState, cues: Cue[]): Transition {
  const result: Transition = { state, say: { speech: ssml(ctx, cues), endSession: true } };
  return state.progress?.audio || streaming(ctx, state) ? { ...result, say: { ...result.say, audio: { type: "stop" } } } : result;
}

/** True when this request should stream rendered MP3s rather than speak. */
export function streaming(ctx: MachineContext, state: SkillState): boolean {
  return ctx.audio !== undefined && state.audioFailedDay !== ctx.today;
}

/** The menu, for when nothing is in progress. */
export function menu(ctx: MachineContext, state: SkillState, prefix: Cue[] = []): Transition {
  return ask(ctx, { ...state, progress: undefined, pending: undefined }, [...prefix, line(MENU)], MENU_REPROMPT);
}

/** How to present: `intro` adds the routine's introduction (a fresh start); `checked` skips the hurt-before question. */
export interface PresentOptions {
  intro?: boolean;
  checked?: boolean;
}

/** True when a routine passes over this exercise because the user said "skip it from now on". */
function leftOut(ctx: MachineContext, state: SkillState, source: Source, index: number): boolean {
  if (source.kind !== "routine") return false;
  const id = sequenceOf(ctx.catalog, source)[index]?.exerciseId;
  return id !== undefined && (state.skipAlways ?? []).includes(id);
}

/** The nearest exercise of a source from `from` in direction `step` that is not left out; undefined past either end. */
export function playableIndex(ctx: MachineContext, state: SkillState, source: Source, from: number, step: 1 | -1): number | undefined {
  const count = sequenceOf(ctx.catalog, source).length;
  for (let i = from; i >= 0 && i < count; i += step) if (!leftOut(ctx, state, source, i)) return i;
  return undefined;
}

/** The routine's introduction, said when it starts. */
function routineIntro(ctx: MachineContext, source: Source): Cue[] {
  const routine = source.kind === "routine" ? ctx.catalog.routines.get(source.id) : undefined;
  return routine ? [line(`${routine.title}. ${routine.summary}`)] : [];
}

/** The exercise id at a place in a source. */
export function exerciseAt(ctx: MachineContext, progress: Progress): string | undefined {
  return sequenceOf(ctx.catalog, progress.source)[progress.index]?.exerciseId;
}

/** Presents the exercise at `progress`: streamed in AudioPlayer mode, else one spoken response of it. */
export function present(ctx: MachineContext, state: SkillState, progress: Progress, prefix: Cue[] = [], options: PresentOptions = {}): Transition {
  const id = exerciseAt(ctx, progress);
  const intro = options.intro ? routineIntro(ctx, progress.source) : [];
  if (id && !options.checked && progress.step === 0 && (state.hurt ?? []).includes(id)) {
    // It hurt last time: say so and offer to skip it before playing a single step of it.
    const title = sequenceOf(ctx.catalog, progress.source)[progress.index]!.title.toLowerCase();
    const [question, reprompt] = hurtBeforeQuestion(title);
    return ask(ctx, { ...state, pending: { kind: "hurtBefore", progress } }, [...prefix, ...intro, line(question)], reprompt);
  }
  if (streaming(ctx, state)) {
    const streamed = stream(ctx, state, progress, [...prefix, ...intro]);
    if (streamed) return { state: streamed.state, say: { ...streamed.say, speech: ssml(ctx, streamed.say.cues) } };
  }
  const pieces = exercisePieces(ctx.catalog, progress.source, progress.index, state.pace);
  if (pieces.length === 0) return menu(ctx, state, [...prefix, line("That routine is no longer available.")]);
  const step = Math.min(progress.step, pieces.length - 1);
  const packed = packResponse(pieces, step, { audioBaseUrl: ctx.audioBaseUrl, prefix: [...prefix, ...intro], closing: CLOSING_NEXT });
  const title = sequenceOf(ctx.catalog, progress.source)[progress.index]!.title.toLowerCase();
  const next: SkillState = { ...state, pending: undefined, progress: { source: progress.source, index: progress.index, step, until: packed.next } };
  return {
    state: next,
    say: { speech: packed.ssml, reprompt: ssml(ctx, [line(duringExerciseReprompt(title))]), endSession: false },
  };
}

/** Where the response before piece `step` started, packed as "go back" replays it (without a prefix). */
function previousStart(ctx: MachineContext, state: SkillState, progress: Progress): number {
  const pieces = exercisePieces(ctx.catalog, progress.source, progress.index, state.pace);
  let start = 0;
  for (let from = 0; from < progress.step; ) {
    start = from;
    from = packResponse(pieces, from, { audioBaseUrl: ctx.audioBaseUrl, closing: CLOSING_NEXT }).next;
  }
  return start;
}

/** Starts a source at its first exercise that is not left out, with the routine's introduction. */
export function begin(ctx: MachineContext, state: SkillState, source: Source, prefix: Cue[] = []): Transition {
  const index = playableIndex(ctx, state, source, 0, 1);
  if (index === undefined) return menu(ctx, state, [...prefix, line("You've asked me to leave out every exercise of that routine. Say put them back to bring them back.")]);
  return present(ctx, { ...state, skipped: undefined }, { source, index, step: 0 }, prefix, { intro: true });
}

/** Finishes the current source: counts the session, grows the streak, clears progress, says well done. */
export function finish(ctx: MachineContext, state: SkillState, source: Source, prefix: Cue[] = []): Transition {
  const done = recordCompletion({ ...state, pending: undefined }, ctx.today);
  const title = source.kind === "routine" ? `the ${sourceTitle(ctx.catalog, source).toLowerCase()}` : sourceTitle(ctx.catalog, source).toLowerCase();
  const words = finishedWords(title, done.completedSessions, done.streak.days).map(line);
  return tell(ctx, done, [...prefix, ...words]);
}

/** Moves forward: the next response of this exercise, else the next exercise (not left out), else finishes. */
export function advance(ctx: MachineContext, state: SkillState, progress: Progress, prefix: Cue[] = [], wholeExercise = false): Transition {
  if (!wholeExercise && !streaming(ctx, state)) {
    const pieces = exercisePieces(ctx.catalog, progress.source, progress.index, state.pace);
    const until = progress.until ?? packResponse(pieces, progress.step, { audioBaseUrl: ctx.audioBaseUrl, closing: CLOSING_NEXT }).next;
    if (until < pieces.length) return present(ctx, state, { ...progress, step: until, until: undefined, offsetMs: 0 }, prefix);
  }
  const index = playableIndex(ctx, state, progress.source, progress.index + 1, 1);
  if (index !== undefined) return present(ctx, state, { source: progress.source, index, step: 0 }, prefix);
  return finish(ctx, state, progress.source, prefix);
}

/** Moves back: the previous response of this exercise, else the previous exercise, else says it is the first. */
export function retreat(ctx: MachineContext, state: SkillState, progress: Progress): Transition {
  if (progress.step > 0 && !streaming(ctx, state)) return present(ctx, state, { ...progress, step: previousStart(ctx, state, progress) });
  const index = playableIndex(ctx, state, progress.source, progress.index - 1, -1);
  if (index !== undefined) return present(ctx, state, { source: progress.source, index, step: 0 });
  return present(ctx, state, { ...progress, step: 0, offsetMs: 0 }, [line("This is the first exercise, so here it is again.")], { checked: true });
}
