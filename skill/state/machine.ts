// The skill's decisions as one pure function: (context, state, event) → (state, what to say). No I/O here.
import type { Cue } from "../../content/timeline.js";
import { answerHurtBefore, askForget, forget, pain, putBack, skipForGood } from "./care.js";
import { howToWords } from "./howto.js";
import { advance, ask, begin, exerciseAt, menu, playableIndex, present, retreat, tell } from "./moves.js";
import { exerciseNames, routineNames, unknownNameWords } from "./names.js";
import { neighbourPace, paceChanges } from "./pace.js";
import { adoptPlayer, playbackTransition } from "./playback.js";
import { sequenceOf, sourceTitle } from "./sequence.js";
import * as say from "./speech.js";
import type { MachineContext, SkillEvent, SkillState, Source, Transition } from "./types.js";

const line = say.line;

function defaultRoutine(ctx: MachineContext): Source {
  return { kind: "routine", id: ctx.catalog.defaultRoutineId };
}

/** The safety note, once per user; returns the cues to say and the state that remembers it. */
function safetyOnce(ctx: MachineContext, state: SkillState): [Cue[], SkillState] {
  if (state.safetyNoteSeen) return [[], state];
  return [[...say.safetyNote(ctx.catalog).map(line), line(say.FIRST_TIP)], { ...state, safetyNoteSeen: true }];
}

function startSource(ctx: MachineContext, state: SkillState, source: Source, lead: Cue[] = []): Transition {
  const [note, seen] = safetyOnce(ctx, state);
  return begin(ctx, seen, source, [...lead, ...note]);
}

/** First launch: the safety note, one line on what to say, and a question; returning: one line and the choice. */
function launch(ctx: MachineContext, state: SkillState): Transition {
  if (!state.safetyNoteSeen) {
    const [note, seen] = safetyOnce(ctx, state);
    return ask(ctx, { ...seen, pending: { kind: "startRoutine" } }, [line("Welcome to Upper Back Routine."), ...note, line(say.READY_QUESTION)], say.READY_REPROMPT);
  }
  const progress = state.progress;
  const items = progress ? sequenceOf(ctx.catalog, progress.source) : [];
  if (progress && items[progress.index]) {
    const title = items[progress.index]!.title.toLowerCase();
    const where = progress.source.kind === "routine"
      ? `${title}, exercise ${progress.index + 1} of ${items.length} in the ${sourceTitle(ctx.catalog, progress.source).toLowerCase()}`
      : title;
    return ask(ctx, { ...state, pending: { kind: "continue" } },
      [line(`Welcome back. Last time you stopped at ${where}. Would you like to continue where you left off?`)],
      `Say yes to continue, or no to choose something else.`);
  }
  const streak = state.streak.days > 1 ? ` You're on a ${state.streak.days} day streak.` : "";
  return ask(ctx, { ...state, pending: { kind: "startRoutine" } }, [line(`Welcome back.${streak} ${say.READY_QUESTION}`)], say.READY_REPROMPT);
}

function continueWhereLeft(ctx: MachineContext, state: SkillState): Transition {
  const progress = state.progress;
  if (progress && sequenceOf(ctx.catalog, progress.source)[progress.index]) {
    return present(ctx, state, progress, [line("Picking up where you left off.")]);
  }
  return startSource(ctx, state, defaultRoutine(ctx), [line("There's nothing unfinished, so let's start the routine.")]);
}

/** Pace changes say what changes (read from the planner), replay the exercise at the new pace, and at the limit say so without replaying. */
function changePace(ctx: MachineContext, state: SkillState, direction: "slower" | "faster"): Transition {
  const to = neighbourPace(state.pace, direction);
  const carryOn = state.progress ? "Say next to carry on, or repeat to hear this exercise again." : say.MENU;
  if (!to) {
    const limit = direction === "slower" ? "You're already at the gentlest pace." : "You're already at the deepest pace.";
    return ask(ctx, { ...state, pending: undefined }, [line(limit), line(carryOn)], state.progress ? "Say next to carry on, or stop to finish." : say.MENU_REPROMPT);
  }
  const changes = paceChanges(ctx, state, state.pace, to);
  const what = changes.length > 0 ? `: ${say.spokenList(changes)}` : ", though this exercise's holds and repetitions stay the same";
  const words = [line(`Okay, the ${ctx.catalog.paces[to].title.toLowerCase()} pace${what}. I'll remember that.`)];
  const next: SkillState = { ...state, pace: to, pending: undefined };
  if (next.progress) return present(ctx, next, { ...next.progress, step: 0, offsetMs: 0 }, [...words, line("Here's this exercise again at that pace.")], { checked: true });
  return ask(ctx, next, [...words, line(say.MENU)], say.MENU_REPROMPT);
}

function yes(ctx: MachineContext, state: SkillState): Transition {
  const pending = state.pending;
  if (pending?.kind === "continue") return continueWhereLeft(ctx, state);
  if (pending?.kind === "howTo") return startSource(ctx, state, { kind: "exercise", id: pending.exerciseId });
  if (pending?.kind === "startRoutine") return startSource(ctx, state, defaultRoutine(ctx));
  if (pending?.kind === "hurtBefore") return answerHurtBefore(ctx, state, pending.progress, true);
  if (pending?.kind === "forget") return forget(ctx);
  if (pending?.kind === "pain") {
    const gentler: SkillState = { ...state, pace: "gentle", pending: undefined };
    const lead = [line("Okay, gently now. Only move as far as is comfortable, and skip any movement that hurts.")];
    return gentler.progress ? advance(ctx, gentler, gentler.progress, lead, true) : menu(ctx, gentler, lead);
  }
  // "Yes" or "ready" with no question open means go on.
  return state.progress ? advance(ctx, state, state.progress) : startSource(ctx, state, defaultRoutine(ctx));
}

function no(ctx: MachineContext, state: SkillState): Transition {
  const pending = state.pending;
  const cleared: SkillState = { ...state, pending: undefined };
  if (pending?.kind === "pain") return tell(ctx, cleared, [line(say.PAIN_GOODBYE)]);
  if (pending?.kind === "hurtBefore") return answerHurtBefore(ctx, state, pending.progress, false);
  if (pending?.kind === "forget") return ask(ctx, cleared, [line("Okay, I'll keep your progress."), line(cleared.progress ? "Say next to carry on." : say.MENU)], say.MENU_REPROMPT);
  if (pending || !state.progress) return ask(ctx, cleared, [line("Okay."), line(say.MENU)], say.MENU_REPROMPT);
  return ask(ctx, cleared, [line("Okay. Say next when you're ready to go on, or stop to finish.")], "Say next to go on, or stop to finish.");
}

function fallback(ctx: MachineContext, state: SkillState, lead = "Sorry, I didn't catch that."): Transition {
  if (state.progress) {
    return ask(ctx, state, [line(lead), line("Say next to go on, repeat to hear this exercise again, or stop to finish. If anything hurts, say it hurts.")], "Say next to go on, or stop to finish.");
  }
  return ask(ctx, state, [line(lead), line(say.MENU)], say.MENU_REPROMPT);
}

function pick(ctx: MachineContext, state: SkillState, exerciseId: string | undefined, heard: string | undefined): Transition {
  if (exerciseId && ctx.catalog.exercises.has(exerciseId)) return startSource(ctx, state, { kind: "exercise", id: exerciseId });
  const words = heard ? unknownNameWords("exercise", heard, exerciseNames(ctx.catalog)) : [say.catalogListing(ctx.catalog), "Which one would you like? Say its name, or say start the routine."];
  return ask(ctx, { ...state, pending: undefined }, words.map(line), say.MENU_REPROMPT);
}

function startRoutine(ctx: MachineContext, state: SkillState, event: Extract<SkillEvent, { type: "startRoutine" }>): Transition {
  if (event.heard && !(event.routineId && ctx.catalog.routines.has(event.routineId))) {
    // An unknown name never starts something else.
    return ask(ctx, { ...state, pending: undefined }, unknownNameWords("routine", event.heard, routineNames(ctx.catalog)).map(line), say.MENU_REPROMPT);
  }
  const id = event.routineId && ctx.catalog.routines.has(event.routineId) ? event.routineId : ctx.catalog.defaultRoutineId;
  const paced: SkillState = event.pace ? { ...state, pace: event.pace } : state;
  const title = sourceTitle(ctx.catalog, { kind: "routine", id }).toLowerCase();
  return startSource(ctx, paced, { kind: "routine", id }, [line(`Starting the ${title}${event.pace ? ` at the ${event.pace} pace` : ""}.`)]);
}

function howTo(ctx: MachineContext, state: SkillState, exerciseId: string | undefined, heard: string | undefined): Transition {
  const current = state.progress ? exerciseAt(ctx, state.progress) : undefined;
  const id = exerciseId && ctx.catalog.exercises.has(exerciseId) ? exerciseId : heard ? undefined : current;
  if (!id) return pick(ctx, state, undefined, heard);
  const words = howToWords(ctx.catalog.exercises.get(id)!).map(line);
  return ask(ctx, { ...state, pending: { kind: "howTo", exerciseId: id } }, [...words, line("Would you like to do it now?")], "Say yes to do it now, or no to choose something else.");
}

function skip(ctx: MachineContext, state: SkillState): Transition {
  const progress = state.progress;
  if (!progress) return startSource(ctx, state, defaultRoutine(ctx));
  const items = sequenceOf(ctx.catalog, progress.source);
  const lead = [line(`Skipping ${items[progress.index]?.title.toLowerCase() ?? "this one"}.`)];
  const remembered: SkillState = { ...state, skipped: { ...progress, step: 0, offsetMs: 0 } };
  // Skipping the only exercise of a single-exercise session is not finishing it: no session is counted.
  if (progress.source.kind === "exercise" || items.length <= 1) return menu(ctx, remembered, lead);
  return advance(ctx, remembered, progress, lead, true);
}

/** "Go back": to what was just skipped, else the previous response or exercise. */
function previous(ctx: MachineContext, state: SkillState): Transition {
  const skipped = state.skipped;
  const progress = state.progress;
  const justSkipped = skipped && (!progress || (progress.source.id === skipped.source.id && progress.index === playableIndex(ctx, state, skipped.source, skipped.index + 1, 1) && progress.step === 0));
  if (skipped && justSkipped) return present(ctx, { ...state, skipped: undefined }, skipped, [line("Going back.")], { checked: true });
  return progress ? retreat(ctx, state, progress) : startSource(ctx, state, defaultRoutine(ctx));
}

/** The skill's whole decision table: every event, in any state, gives a valid state and a valid reply. */
export function transition(ctx: MachineContext, stored: SkillState, event: SkillEvent): Transition {
  const state = event.type === "launch" ? stored : adoptPlayer(ctx, stored);
  const progress = state.progress;
  switch (event.type) {
    case "launch":
      return launch(ctx, { ...state, pending: undefined });
    case "startRoutine":
      return startRoutine(ctx, state, event);
    case "pickExercise":
      return pick(ctx, state, event.exerciseId, event.heard);
    case "listExercises":
      return ask(ctx, { ...state, pending: undefined }, [line(say.catalogListing(ctx.catalog)), line("Say the name of one to do it, or say start the routine.")], say.MENU_REPROMPT);
    case "howTo":
      return howTo(ctx, state, event.exerciseId, event.heard);
    case "next":
      return progress ? advance(ctx, state, progress) : startSource(ctx, state, defaultRoutine(ctx));
    case "skip":
      return skip(ctx, state);
    case "skipForGood":
      return skipForGood(ctx, state, event.exerciseId, event.heard);
    case "putBack":
      return putBack(ctx, state, event.exerciseId, event.heard);
    case "previous":
      return previous(ctx, state);
    case "repeat":
      return progress ? present(ctx, state, { ...progress, step: 0, offsetMs: 0 }, [], { checked: true }) : fallback(ctx, state, "There's nothing to repeat yet.");
    case "startOver":
      return progress
        ? present(ctx, state, { source: progress.source, index: playableIndex(ctx, state, progress.source, 0, 1) ?? 0, step: 0 }, [line("Starting over.")], { intro: true })
        : startSource(ctx, state, defaultRoutine(ctx));
    case "continue":
      return continueWhereLeft(ctx, state);
    case "pause": {
      const result = tell(ctx, { ...state, pending: undefined }, [line(say.stopWords(progress !== undefined))]);
      return result.say.audio ? { state: result.state, say: { endSession: true, audio: { type: "stop" } } } : result;
    }
    case "pain":
      return pain(ctx, state, event.bodyPart);
    case "slower":
    case "faster":
      return changePace(ctx, state, event.type);
    case "forget":
      return askForget(ctx, state);
    case "yes":
      return yes(ctx, state);
    case "no":
      return no(ctx, state);
    case "help": {
      const more = progress ? [line("Say next to carry on where you are.")] : [line("What would you like to do?")];
      return ask(ctx, { ...state, pending: undefined }, [line(say.HELP), ...more], progress ? "Say next to carry on, or stop to finish." : say.MENU_REPROMPT);
    }
    case "stop":
      return tell(ctx, { ...state, pending: undefined }, [line(say.stopWords(progress !== undefined))]);
    case "fallback":
      return fallback(ctx, state);
    case "unsupported":
      return fallback(ctx, state, `Sorry, ${event.what} isn't something this skill can do.`);
    case "sessionEnded":
      return { state: { ...state, pending: undefined }, say: { endSession: true } };
    default:
      return playbackTransition(ctx, state, event);
  }
}
