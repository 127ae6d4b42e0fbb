// Keeping people safe and in control: "it hurts" (stop, remember the exercise), the question before an exercise
// that hurt last time, "skip X from now on" / "put it back", and "forget my progress".
import { advance, ask, exerciseAt, menu, present, ssml, tell } from "./moves.js";
import { exerciseNames, unknownNameWords } from "./names.js";
import { sequenceOf } from "./sequence.js";
import * as say from "./speech.js";
import { initialState, type MachineContext, type Progress, type SkillState, type Transition } from "./types.js";

const line = say.line;

function withId(list: string[] | undefined, id: string): string[] {
  return [...new Set([...(list ?? []), id])];
}

function title(ctx: MachineContext, id: string): string {
  return ctx.catalog.exercises.get(id)?.title.toLowerCase() ?? id;
}

/** "It hurts": stop at once, remember the exercise, advise a professional if it persists, offer to go on gently. */
export function pain(ctx: MachineContext, state: SkillState, bodyPart?: string): Transition {
  const progress = state.progress;
  const id = progress ? exerciseAt(ctx, progress) : undefined;
  const remembered: SkillState = id ? { ...state, hurt: withId(state.hurt, id) } : state;
  const hasNext = progress !== undefined && progress.index + 1 < sequenceOf(ctx.catalog, progress.source).length;
  const sorry = bodyPart ? [line(`I'm sorry about your ${bodyPart.replace(/^.* my /, "")}.`)] : [];
  // With nothing after this exercise, going on "gently" would only end the session, so it ends now, kindly.
  const result = hasNext
    ? ask(ctx, { ...remembered, pending: { kind: "pain" } }, [...sorry, ...say.painAdvice(state.pace, true).map(line)], say.PAIN_REPROMPT)
    : tell(ctx, { ...remembered, pending: undefined }, [...sorry, ...say.painAdvice(state.pace, false).map(line)]);
  return state.progress?.audio ? { ...result, say: { ...result.say, audio: { type: "stop" } } } : result;
}

/** Yes after "it hurt last time, skip it?": skips it; no: plays it, gently, and stops asking. */
export function answerHurtBefore(ctx: MachineContext, state: SkillState, progress: Progress, skip: boolean): Transition {
  const id = exerciseAt(ctx, progress);
  const cleared: SkillState = { ...state, pending: undefined };
  if (skip) {
    const lead = [line(`Okay, skipping ${id ? title(ctx, id) : "it"}.`)];
    return progress.source.kind === "exercise" ? menu(ctx, { ...cleared, skipped: progress }, lead) : advance(ctx, { ...cleared, skipped: progress }, progress, lead, true);
  }
  const relieved: SkillState = { ...cleared, hurt: (state.hurt ?? []).filter((h) => h !== id) };
  return present(ctx, relieved, progress, [line("Okay. Go gently, and stop the moment it hurts.")], { checked: true });
}

/** "Skip neck rotation from now on" (or "skip this one from now on"): routines leave it out until "put it back". */
export function skipForGood(ctx: MachineContext, state: SkillState, exerciseId: string | undefined, heard: string | undefined): Transition {
  const current = state.progress ? exerciseAt(ctx, state.progress) : undefined;
  const id = exerciseId && ctx.catalog.exercises.has(exerciseId) ? exerciseId : heard ? undefined : current;
  if (!id) {
    const words = heard ? unknownNameWords("exercise", heard, exerciseNames(ctx.catalog)) : ["Which exercise should I leave out from now on?"];
    return ask(ctx, { ...state, pending: undefined }, words.map(line), "Say skip, and the exercise's name, from now on.");
  }
  const next: SkillState = { ...state, pending: undefined, skipAlways: withId(state.skipAlways, id) };
  const lead = [line(`Okay, I'll leave out ${title(ctx, id)} from now on. To bring it back, say: put ${title(ctx, id)} back.`)];
  if (state.progress && current === id) {
    const progress = state.progress;
    return progress.source.kind === "exercise" ? menu(ctx, next, lead) : advance(ctx, next, progress, lead, true);
  }
  if (state.progress) return ask(ctx, next, [...lead, line("Say next to carry on.")], "Say next to carry on, or stop to finish.");
  return menu(ctx, next, lead);
}

/** "Put neck rotation back" / "put it back": it plays in routines again (and no longer counts as having hurt). */
export function putBack(ctx: MachineContext, state: SkillState, exerciseId: string | undefined, heard: string | undefined): Transition {
  const skipped = state.skipAlways ?? [];
  if (heard && !(exerciseId && ctx.catalog.exercises.has(exerciseId))) {
    return ask(ctx, { ...state, pending: undefined }, unknownNameWords("exercise", heard, exerciseNames(ctx.catalog)).map(line), say.MENU_REPROMPT);
  }
  const ids = exerciseId ? [exerciseId] : skipped;
  const next: SkillState = { ...state, pending: undefined, skipAlways: skipped.filter((s) => !ids.includes(s)), hurt: (state.hurt ?? []).filter((h) => !ids.includes(h)) };
  const words = ids.length === 0
    ? "There's nothing left out, so every exercise is in your routines."
    : `Okay, ${say.spokenList(ids.map((id) => title(ctx, id)))} ${ids.length > 1 ? "are" : "is"} back in your routines.`;
  if (state.progress) return ask(ctx, next, [line(words), line("Say next to carry on.")], "Say next to carry on, or stop to finish.");
  return menu(ctx, next, [line(words)]);
}

/** "Forget my progress": asks first, since it cannot be undone. */
export function askForget(ctx: MachineContext, state: SkillState): Transition {
  return ask(ctx, { ...state, pending: { kind: "forget" } },
    [line("This deletes your saved place, your session count, your streak, and the exercises you asked me to leave out. Should I forget your progress?")],
    "Say yes to forget your progress, or no to keep it.");
}

/** Yes to "should I forget": a fresh user; the handler deletes the stored record and speaks this only if that worked. */
export function forget(ctx: MachineContext): Transition {
  const result = tell(ctx, initialState(), [line("Done. I've forgotten your progress. Next time, we'll start fresh, with the safety note. Take care.")]);
  return { ...result, say: { ...result.say, forget: { forgetFailed: ssml(ctx, [line("Sorry, I couldn't delete your progress just now. Please try again later.")]) } } };
}
