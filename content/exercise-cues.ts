// One exercise as cues: what a pace chooses (holds, repetitions), the coach's lines around the seed's steps,
// and the session memory that keeps each caution to once and names equipment before it is needed.
import {
  COUNTDOWN_MIN_SECONDS,
  COUNT_SLOT_MS,
  countdownCues,
  HALFWAY_LINES,
  HALFWAY_MIN_SECONDS,
  HOLD_LINES,
  PRAISE_LINES,
  RELEASE_LINES,
  varied,
} from "./coach.js";
import type { EquipmentT, ExerciseT, PaceT, PhaseT, PositionT, VariantT } from "./schema.js";
import type { Cue } from "./timeline.js";

/** What one session has said and set out so far, so each caution is said once and equipment is named before first use. */
export interface SessionMemory {
  /**
   * The general safety note said at the start stands for each exercise's own "stop if it hurts" line (a routine,
   * where ten of them would repeat one caution); a single exercise still says its own, which is specific to it.
   */
  painCovered: boolean;
  /** Cautions said so far (by text), and whether one "check with a professional" line has been said. */
  cautions: Set<string>;
  consulted: boolean;
  /** Equipment already named in this session. */
  equipment: Set<EquipmentT>;
  /** Counters that make repeated coach lines take turns. */
  turns: { hold: number; halfway: number; release: number; praise: number };
}

/** A fresh memory for one session; `painCovered` says whether the general note stands for the stop-on-pain lines. */
export function newSessionMemory(painCovered: boolean): SessionMemory {
  return { painCovered, cautions: new Set(), consulted: false, equipment: new Set(), turns: { hold: 0, halfway: 0, release: 0, praise: 0 } };
}

/** Options for planning one exercise, alone or as part of a routine. */
export interface ExercisePlanOptions {
  variants?: string[];
  maxReps?: number;
  /** Place in a routine, for "exercise 3 of 10". */
  position?: { index: number; total: number };
  /** The session this exercise is part of; a fresh one (no general note said) when absent. */
  session?: SessionMemory;
  /** The last exercise of a routine leaves the praise to the routine's ending. */
  last?: boolean;
}

/** Time to settle into each setup step before the next instruction. */
const SETUP_PAUSE_MS = 1500;
/** Time to get into the starting position (the first setup step of an exercise or variant). */
const SETTLE_PAUSE_MS = 3000;
/** Extra time when a variant starts somewhere else (the doorway after the chair). */
const MOVE_PAUSE_MS = 5000;
/** Holds shorter than this get no "hold it there" line. */
const HOLD_LINE_MIN_SECONDS = 5;

/**
 * Picks a whole number inside a seed range, deterministically. A fraction strictly between 0 and 1 stays off
 * both ends when the range has a value between them, so the middle pace never sounds like either neighbour.
 */
export function pick(range: { min: number; max: number }, fraction: number): number {
  const value = Math.round(range.min + (range.max - range.min) * fraction);
  if (fraction <= 0 || fraction >= 1 || range.max - range.min < 2) return value;
  return Math.min(range.max - 1, Math.max(range.min + 1, value));
}

/**
 * Hold length and rep count a pace chooses for a variant, kept inside the seed's ranges. A routine's `maxReps`
 * narrows the rep range (its top), and the pace still picks inside what is left: clamping the pace's pick to
 * the cap instead made every pace land on the cap, so "slower" and "faster" changed nothing in a routine.
 */
export function dose(variant: VariantT, pace: PaceT, maxReps?: number): { holdSeconds: number | undefined; reps: number } {
  const top = Math.max(variant.reps.min, Math.min(variant.reps.max, maxReps ?? Infinity));
  return {
    holdSeconds: variant.hold ? pick(variant.hold, pace.holdFraction) : undefined,
    reps: pick({ min: variant.reps.min, max: top }, pace.repsFraction),
  };
}

function shortCue(phase: PhaseT): string {
  if (phase.cue) return phase.cue;
  const first = phase.say.split(/[,.;]/)[0]!.trim();
  return first.split(/\s+/).length >= 3 ? `${first}.` : phase.say;
}

function fillSide(text: string, side: string | undefined): string {
  if (!side) return text;
  const other = side === "right" ? "left" : "right";
  return text.replaceAll("{side}", side).replaceAll("{other}", other);
}

/**
 * A hold: an opening line the first time (when the step's own words don't say "hold"), "halfway" in a long
 * hold, and a count-down whose numbers each own one second at the end, then the chime; a release line only
 * when no next step follows (the next step's own words say what to do, and a release before them is repetition).
 */
function holdCues(seconds: number, opening: boolean, release: boolean, session: SessionMemory): Cue[] {
  const ms = seconds * 1000;
  const turns = session.turns;
  // A hold too short to settle into needs no opening line: the step's words and the chime frame it.
  const cues: Cue[] = opening && seconds >= HOLD_LINE_MIN_SECONDS ? [{ type: "speech", text: varied(HOLD_LINES, turns.hold++), role: "coach" }] : [];
  const countdown = seconds >= COUNTDOWN_MIN_SECONDS ? countdownCues() : [];
  const counted = countdown.length * COUNT_SLOT_MS;
  if (seconds >= HALFWAY_MIN_SECONDS) {
    const half = Math.round(ms / 2);
    cues.push({ type: "pause", ms: half, purpose: "hold" }, { type: "speech", text: varied(HALFWAY_LINES, turns.halfway++), role: "coach" });
    cues.push({ type: "pause", ms: ms - half - counted, purpose: "hold" });
  } else {
    cues.push({ type: "pause", ms: ms - counted, purpose: "hold" });
  }
  cues.push(...countdown, { type: "chime", sound: "end" });
  if (release) cues.push({ type: "speech", text: varied(RELEASE_LINES, turns.release++), role: "coach" });
  return cues;
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

/** Small counts as words, so every voice says "seven", never "seven point". */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface PhaseContext {
  side: string | undefined;
  holdSeconds: number | undefined;
  pace: PaceT;
  session: SessionMemory;
  /** Whether this variant has had its "hold it there" line: once is enough, later holds start on the step's words. */
  held: { said: boolean };
}

function phaseCues(phase: PhaseT, rep: number, lastPhase: boolean, ctx: PhaseContext): Cue[] {
  const text = fillSide(rep === 1 ? phase.say : shortCue(phase), ctx.side);
  const cues: Cue[] = [{ type: "speech", text, role: "step" }];
  if (phase.pause === "hold" && ctx.holdSeconds !== undefined) {
    // The opening line only at the variant's first hold: later ones know what to do, and the step's words start the hold.
    const opening = rep === 1 && !ctx.held.said && !/\bhold\b/i.test(text);
    ctx.held.said = true;
    cues.push(...holdCues(ctx.holdSeconds, opening, lastPhase, ctx.session));
  } else if (typeof phase.pause === "number") {
    cues.push({ type: "pause", ms: Math.round(phase.pause * ctx.pace.movementScale * 1000), purpose: phase.pauseKind ?? "movement" });
  }
  return cues;
}

function repsCues(variant: VariantT, reps: number, ctx: PhaseContext): Cue[] {
  const cues: Cue[] = [];
  for (let r = 1; r <= reps; r++) {
    if (reps > 1) {
      // A coach counts briefly: the total once, then "and two", "and three"… then "the last one". The "and" also
      // keeps a repetition's number apart from the count-down's bare "Three.", "Two.", "One.".
      const label = r === 1 ? `${capitalised(numberWord(reps))} times${ctx.side ? ` on the ${ctx.side}` : ""}.` : r === reps ? "And the last one." : `And ${numberWord(r)}.`;
      cues.push({ type: "speech", text: label, role: "count", setStart: r > 1 });
    }
    variant.rep.forEach((phase, i) => cues.push(...phaseCues(phase, r, i === variant.rep.length - 1, ctx)));
  }
  return cues;
}

function variantCues(variant: VariantT, pace: PaceT, maxReps: number | undefined, titled: boolean, moving: boolean, session: SessionMemory): Cue[] {
  const cues: Cue[] = [];
  const { holdSeconds, reps } = dose(variant, pace, maxReps);
  if (titled) cues.push({ type: "speech", text: `${variant.title}.`, role: "title", setStart: true });
  if (moving) cues.push({ type: "pause", ms: Math.round(MOVE_PAUSE_MS * pace.movementScale), purpose: "transition" });
  variant.setup.forEach((line, i) => {
    cues.push({ type: "speech", text: line.say, role: "setup" });
    cues.push({ type: "pause", ms: Math.round((i === 0 ? SETTLE_PAUSE_MS : SETUP_PAUSE_MS) * pace.movementScale), purpose: "transition" });
  });
  const ctx = { side: undefined, holdSeconds, pace, session, held: { said: false } };
  if (variant.sides === "each") {
    (["right", "left"] as const).forEach((side, i) => {
      const text = i === 0 ? "Start with your right side." : "Now switch sides, to your left.";
      cues.push({ type: "speech", text, role: "coach", setStart: i > 0 });
      if (i > 0) cues.push({ type: "pause", ms: Math.round(2000 * pace.movementScale), purpose: "transition" });
      cues.push(...repsCues(variant, reps, { ...ctx, side }));
    });
  } else {
    cues.push(...repsCues(variant, reps, ctx));
  }
  return cues;
}

/** The variants a routine item (or a whole exercise) uses. */
function chosenVariants(exercise: ExerciseT, only: string[] | undefined): VariantT[] {
  return only ? exercise.variants.filter((v) => only.includes(v.id)) : exercise.variants;
}

/** Where the exercise starts (its first variant's positions) and all the equipment its variants need. */
export function itemNeeds(exercise: ExerciseT, only?: string[]): { positions: PositionT[]; equipment: EquipmentT[] } {
  const variants = chosenVariants(exercise, only);
  const equipment = new Set(variants.flatMap((v) => v.equipment ?? exercise.equipment));
  return { positions: variants[0]?.positions ?? exercise.positions, equipment: [...equipment] };
}

/**
 * The cautions to say now: specific ones (contraindications, form) at their exercise; "stop if it hurts" unless
 * the general note stands for it; one "check with a professional" line per session.
 */
function cautionCues(exercise: ExerciseT, session: SessionMemory): Cue[] {
  const cues: Cue[] = [];
  for (const caution of exercise.cautions) {
    if (session.cautions.has(caution.say)) continue;
    if (caution.kind === "stop-on-pain" && session.painCovered) continue;
    if (caution.kind === "consult") {
      if (session.consulted) continue;
      session.consulted = true;
    }
    session.cautions.add(caution.say);
    cues.push({ type: "speech", text: caution.say, role: "caution" });
  }
  return cues;
}

/** The cues of one exercise: title, benefit, the cautions that apply, then each variant's setup and reps. */
export function exerciseCues(exercise: ExerciseT, pace: PaceT, options: ExercisePlanOptions = {}): Cue[] {
  const session = options.session ?? newSessionMemory(false);
  const variants = chosenVariants(exercise, options.variants);
  const pos = options.position;
  const heading = pos && pos.total > 1 ? `Exercise ${pos.index + 1} of ${pos.total}: ${exercise.title}.` : `${exercise.title}.`;
  const cues: Cue[] = [
    { type: "chapter", id: exercise.id, title: exercise.title, exerciseId: exercise.id },
    { type: "chime", sound: "start" },
    { type: "speech", text: heading, role: "title" },
    { type: "speech", text: exercise.benefit.say, role: "benefit" },
    ...cautionCues(exercise, session),
  ];
  // On its own an exercise has time for the breathing advice; inside a routine the steps carry the breath cues.
  if (!pos) for (const line of exercise.breath) cues.push({ type: "speech", text: line.say, role: "setup" });
  variants.forEach((v, i) => {
    const before = variants[i - 1];
    const moving = before !== undefined && (v.positions ?? exercise.positions).join() !== (before.positions ?? exercise.positions).join();
    cues.push(...variantCues(v, pace, options.maxReps, variants.length > 1, moving, session));
  });
  if (!pos) cues.push({ type: "speech", text: `Well done. That's the end of ${exercise.title.toLowerCase()}.`, role: "outro" });
  else if (!options.last) cues.push({ type: "speech", text: varied(PRAISE_LINES, session.turns.praise++), role: "outro" });
  return cues;
}

