// The skill's decisions as one pure function: (context, state, event) → (state, what to say). No I/O here.
import type { PaceId } from "../../content/schema.js";
import type { Cue } from "../../content/timeline.js";
import { howToWords } from "./howto.js";
import { advance, ask, begin, menu, present, retreat, streaming, tell } from "./moves.js";
import { playbackTransition } from "./playback.js";
import { sequenceOf, sourceTitle } from "./sequence.js";
import * as say from "./speech.js";
import type { MachineContext, SkillEvent, SkillState, Source, Transition } from "./types.js";

const line = say.line;
const PACE_ORDER: PaceId[] = ["gentle", "standard", "deeper"];

function defaultRoutine(ctx: MachineContext): Source {
  return { kind: "routine", id: ctx.catalog.defaultRoutineId };
}

/** The safety note, once per user; returns the cues to say and the state that remembers it. */
function safetyOnce(ctx: MachineContext, state: SkillState): [Cue[], SkillState] {
  if (state.safetyNoteSeen) return [[], state];
  return [[...say.safetyNote(ctx.catalog).map(line), line(say.WHAT_YOU_CAN_SAY)], { ...state, safetyNoteSeen: true }];
}

function startSource(ctx: MachineContext, state: SkillState, source: Source, lead: Cue[] = []): Transition {
  const [note, seen] = safetyOnce(ctx, state);
  return begin(ctx, seen, source, [...lead, ...note]);
}

function launch(ctx: MachineContext, state: SkillState): Transition {
  if (!state.safetyNoteSeen) {
    return startSource(ctx, state, defaultRoutine(ctx), [line("Welcome to Upper Back Routine.")]);
  }
  const progress = state.progress;
  const items = progress ? sequenceOf(ctx.catalog, progress.source) : [];
  if (progress && items[progress.index]) {
    const where = progress.source.kind === "routine"
      ? `${items[progress.index]!.title.toLowerCase()}, exercise ${progress.index + 1} of ${items.length} in the ${sourceTitle(ctx.catalog, progress.source).toLowerCase()}`
      : items[progress.index]!.title.toLowerCase();
    return ask(ctx, { ...state, pending: { kind: "continue" } },
      [line(`Welcome back. Last time you stopped at ${where}.`), line("Would you like to continue where you left off?")],
      `Say yes to continue with ${items[progress.index]!.title.toLowerCase()}, or no to choose something else.`);
  }
  const streak = state.streak.days > 1 ? ` You're on a ${state.streak.days} day streak.` : "";
  return startSource(ctx, state, defaultRoutine(ctx), [line(`Welcome back.${streak} Let's start.`)]);
}

function continueWhereLeft(ctx: MachineContext, state: SkillState): Transition {
  const progress = state.progress;
  if (progress && sequenceOf(ctx.catalog, progress.source)[progress.index]) {
    return present(ctx, state, progress, [line("Picking up where you left off.")]);
  }
  return startSource(ctx, state, defaultRoutine(ctx), [line("There's nothing unfinished, so let's start the routine.")]);
}

function changePace(ctx: MachineContext, state: SkillState, direction: "slower" | "faster"): Transition {
  const at = PACE_ORDER.indexOf(state.pace);
  const to = PACE_ORDER[direction === "slower" ? at - 1 : at + 1];
  const words = to ? say.paceChanged(to, direction) : say.paceAtLimit(direction);
  const next: SkillState = { ...state, pace: to ?? state.pace, pending: undefined };
  if (next.progress?.audio && streaming(ctx, state)) {
    // Recordings have one pace; say so, and let the paused stream carry on (no directive).
    return tell(ctx, next, [line(words), line("The recorded sessions play at one pace; I'll use this pace when I guide you by voice.")]);
  }
  if (next.progress) return present(ctx, next, { ...next.progress, step: 0, offsetMs: 0 }, [line(words), line("Let's do this exercise again.")]);
  return ask(ctx, next, [line(words), line("I'll remember that."), line(say.MENU)], say.MENU_REPROMPT);
}

function pain(ctx: MachineContext, state: SkillState): Transition {
  const progress = state.progress;
  const hasNext = progress !== undefined && progress.index + 1 < sequenceOf(ctx.catalog, progress.source).length;
  // With nothing after this exercise, going on "gently" would only end the session, so it ends now, kindly.
  const result = hasNext
    ? ask(ctx, { ...state, pending: { kind: "pain" } }, say.painAdvice(state.pace, true).map(line), say.PAIN_REPROMPT)
    : tell(ctx, { ...state, pending: undefined }, say.painAdvice(state.pace, false).map(line));
  return state.progress?.audio || streaming(ctx, state) ? { ...result, say: { ...result.say, audio: { type: "stop" } } } : result;
}

function yes(ctx: MachineContext, state: SkillState): Transition {
  const pending = state.pending;
  if (pending?.kind === "continue") return continueWhereLeft(ctx, state);
  if (pending?.kind === "howTo") return startSource(ctx, state, { kind: "exercise", id: pending.exerciseId });
  if (pending?.kind === "startRoutine") return startSource(ctx, state, defaultRoutine(ctx));
  if (pending?.kind === "pain") {
    const gentler: SkillState = { ...state, pace: "gentle", pending: undefined };
    const lead = [line("Okay, gently now. Only move as far as is comfortable, and skip any movement that hurts.")];
    return gentler.progress ? advance(ctx, gentler, gentler.progress, lead, true) : menu(ctx, gentler, lead);
  }
  return fallback(ctx, state);
}

function no(ctx: MachineContext, state: SkillState): Transition {
  const pending = state.pending;
  const cleared: SkillState = { ...state, pending: undefined };
  if (pending?.kind === "pain") return tell(ctx, cleared, [line(say.PAIN_GOODBYE)]);
  if (pending?.kind === "continue") return ask(ctx, cleared, [line("Okay."), line(say.MENU)], say.MENU_REPROMPT);
  if (pending) return ask(ctx, cleared, [line("Okay."), line(say.MENU)], say.MENU_REPROMPT);
  return fallback(ctx, state);
}

function fallback(ctx: MachineContext, state: SkillState, lead = "Sorry, I didn't catch that."): Transition {
  if (state.progress) {
    return ask(ctx, state, [line(lead), line("Say next to go on, repeat to hear this exercise again, or stop to finish.")], "Say next to go on, or stop to finish.");
  }
  return ask(ctx, state, [line(lead), line(say.MENU)], say.MENU_REPROMPT);
}

function pick(ctx: MachineContext, state: SkillState, exerciseId: string | undefined, heard: string | undefined): Transition {
  if (exerciseId && ctx.catalog.exercises.has(exerciseId)) return startSource(ctx, state, { kind: "exercise", id: exerciseId });
  const lead = heard ? `I don't know an exercise called ${heard}.` : "Which exercise would you like?";
  return ask(ctx, { ...state, pending: undefined }, [line(lead), line(say.catalogListing(ctx.catalog)), line("Which one would you like? Say its name, or say start the routine.")], say.MENU_REPROMPT);
}

function howTo(ctx: MachineContext, state: SkillState, exerciseId: string | undefined, heard: string | undefined): Transition {
  const current = state.progress ? sequenceOf(ctx.catalog, state.progress.source)[state.progress.index]?.exerciseId : undefined;
  const id = exerciseId && ctx.catalog.exercises.has(exerciseId) ? exerciseId : heard ? undefined : current;
  if (!id) return pick(ctx, state, undefined, heard);
  const words = howToWords(ctx.catalog.exercises.get(id)!).map(line);
  return ask(ctx, { ...state, pending: { kind: "howTo", exerciseId: id } }, [...words, line("Would you like to do it now?")], "Say yes to do it now, or no to choose something else.");
}

/** The skill's whole decision table: every event, in any state, gives a valid state and a valid reply. */
export function transition(ctx: MachineContext, state: SkillState, event: SkillEvent): Transition {
  const progress = state.progress;
  switch (event.type) {
    case "launch":
      return launch(ctx, { ...state, pending: undefined });
    case "startRoutine": {
      const id = event.routineId && ctx.catalog.routines.has(event.routineId) ? event.routineId : ctx.catalog.defaultRoutineId;
      const paced: SkillState = event.pace ? { ...state, pace: event.pace } : state;
      const title = sourceTitle(ctx.catalog, { kind: "routine", id }).toLowerCase();
      return startSource(ctx, paced, { kind: "routine", id }, [line(`Starting the ${title}${event.pace ? ` at the ${event.pace} pace` : ""}.`)]);
    }
    case "pickExercise":
      return pick(ctx, state, event.exerciseId, event.heard);
    case "listExercises":
      return ask(ctx, { ...state, pending: undefined }, [line(say.catalogListing(ctx.catalog)), line("Say the name of one to do it, or say start the routine.")], say.MENU_REPROMPT);
    case "howTo":
      return howTo(ctx, state, event.exerciseId, event.heard);
    case "next":
      return progress ? advance(ctx, state, progress) : startSource(ctx, state, defaultRoutine(ctx));
    case "skip": {
      if (!progress) return startSource(ctx, state, defaultRoutine(ctx));
      const items = sequenceOf(ctx.catalog, progress.source);
      const lead = [line(`Skipping ${items[progress.index]?.title.toLowerCase() ?? "this one"}.`)];
      // Skipping the only exercise of a single-exercise session is not finishing it: no session is counted.
      if (progress.source.kind === "exercise" || items.length <= 1) return menu(ctx, state, lead);
      return advance(ctx, state, progress, lead, true);
    }
    case "previous":
      return progress ? retreat(ctx, state, progress) : startSource(ctx, state, defaultRoutine(ctx));
    case "repeat":
      return progress ? present(ctx, state, { ...progress, offsetMs: 0 }) : fallback(ctx, state, "There's nothing to repeat yet.");
    case "startOver":
      return progress
        ? present(ctx, state, { source: progress.source, index: 0, step: 0 }, [line("Starting over.")])
        : startSource(ctx, state, defaultRoutine(ctx));
    case "continue":
      return continueWhereLeft(ctx, state);
    case "pause": {
      const result = tell(ctx, { ...state, pending: undefined }, [line(say.stopWords(progress !== undefined))]);
      return streaming(ctx, state) ? { state: result.state, say: { endSession: true, audio: { type: "stop" } } } : result;
    }
    case "pain":
      return pain(ctx, state);
    case "slower":
    case "faster":
      return changePace(ctx, state, event.type);
    case "yes":
      return yes(ctx, state);
    case "no":
      return no(ctx, state);
    case "help": {
      const more = progress ? [line("Say next to carry on where you are.")] : [line("What would you like to do?")];
      return ask(ctx, { ...state, pending: undefined }, [line(say.HELP), ...more], progress ? "Say next to carry on, or stop to finish." : say.MENU_REPROMPT);
    }
    case "stop": {
      const result = tell(ctx, { ...state, pending: undefined }, [line(say.stopWords(progress !== undefined))]);
      return progress?.audio || streaming(ctx, state) ? { ...result, say: { ...result.say, audio: { type: "stop" } } } : result;
    }
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
