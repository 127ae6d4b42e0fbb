import type { Catalog } from "./load.js";
import type { ExerciseT, PaceId, PaceT, PhaseT, RoutineItemT, VariantT } from "./schema.js";
import { CHIME_MS, type Cue, type Timeline } from "./timeline.js";

/** Options for planning one exercise, alone or as part of a routine. */
export interface ExercisePlanOptions {
  variants?: string[];
  maxReps?: number;
  /** Place in a routine, for "exercise 3 of 10". */
  position?: { index: number; total: number };
}

// Fitted to rendered clips: the embedded voice speaks ~220 words a minute plus ~370 ms of silence at a
// clip's edges; Polly's neural voices are slower, so the estimate sits between the two.
const SPEECH_WORDS_PER_MINUTE = 200;
const CLIP_EDGES_MS = 300;
const COUNTDOWN_MS = 3000;
/** Time to settle into each setup step before the next instruction. */
const SETUP_PAUSE_MS = 1500;
/** Time to get into the starting position (the first setup step of an exercise or variant). */
const SETTLE_PAUSE_MS = 3000;
/** Least rest before an exercise in another position (getting down to the mat, fetching the roller). */
const MOVE_REST_SECONDS = 10;

/** Picks a value inside a seed range; deterministic, whole numbers. */
export function pick(range: { min: number; max: number }, fraction: number): number {
  return Math.round(range.min + (range.max - range.min) * fraction);
}

/** Hold length and rep count a pace chooses for a variant, kept inside the seed's ranges. */
export function dose(variant: VariantT, pace: PaceT, maxReps?: number): { holdSeconds: number | undefined; reps: number } {
  const reps = Math.max(variant.reps.min, Math.min(pick(variant.reps, pace.repsFraction), maxReps ?? Infinity));
  return { holdSeconds: variant.hold ? pick(variant.hold, pace.holdFraction) : undefined, reps };
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

function holdCues(seconds: number, sayHold: boolean): Cue[] {
  const ms = seconds * 1000;
  // The phase's own words usually say "hold"; a bare "Hold." is added only when they don't.
  const cues: Cue[] = sayHold ? [{ type: "speech", text: "Hold.", role: "coach" }] : [];
  if (seconds >= 20) {
    const half = Math.round(ms / 2);
    cues.push({ type: "pause", ms: half, purpose: "hold" }, { type: "speech", text: "Halfway.", role: "coach" });
    cues.push({ type: "pause", ms: ms - half - COUNTDOWN_MS, purpose: "hold" }, { type: "speech", text: "Three, two, one.", role: "count" });
  } else if (seconds >= 15) {
    cues.push({ type: "pause", ms: ms - COUNTDOWN_MS, purpose: "hold" }, { type: "speech", text: "Three, two, one.", role: "count" });
  } else {
    cues.push({ type: "pause", ms, purpose: "hold" });
  }
  cues.push({ type: "chime", sound: "end" }, { type: "speech", text: "And release.", role: "coach" });
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

function phaseCues(phase: PhaseT, full: boolean, side: string | undefined, holdSeconds: number | undefined, pace: PaceT): Cue[] {
  const text = fillSide(full ? phase.say : shortCue(phase), side);
  const cues: Cue[] = [{ type: "speech", text, role: "step" }];
  if (phase.pause === "hold" && holdSeconds !== undefined) cues.push(...holdCues(holdSeconds, !/\bhold\b/i.test(text)));
  else if (typeof phase.pause === "number") {
    cues.push({ type: "pause", ms: Math.round(phase.pause * pace.movementScale * 1000), purpose: phase.pauseKind ?? "movement" });
  }
  return cues;
}

function repsCues(variant: VariantT, reps: number, side: string | undefined, holdSeconds: number | undefined, pace: PaceT): Cue[] {
  const cues: Cue[] = [];
  for (let r = 1; r <= reps; r++) {
    if (reps > 1) {
      // A coach counts briefly: the total once, then each number, then "last one".
      const label = r === 1 ? `${capitalised(numberWord(reps))} times${side ? ` on the ${side}` : ""}.` : r === reps ? "Last one." : `${capitalised(numberWord(r))}.`;
      cues.push({ type: "speech", text: label, role: "count", setStart: r > 1 });
    }
    if (reps >= 8 && r === Math.floor(reps / 2) + 1) cues.push({ type: "speech", text: "Halfway there.", role: "coach" });
    for (const phase of variant.rep) cues.push(...phaseCues(phase, r === 1, side, holdSeconds, pace));
  }
  return cues;
}

function variantCues(variant: VariantT, pace: PaceT, maxReps: number | undefined, titled: boolean): Cue[] {
  const cues: Cue[] = [];
  const { holdSeconds, reps } = dose(variant, pace, maxReps);
  if (titled) cues.push({ type: "speech", text: `${variant.title}.`, role: "title", setStart: true });
  variant.setup.forEach((line, i) => {
    cues.push({ type: "speech", text: line.say, role: "setup" });
    cues.push({ type: "pause", ms: Math.round((i === 0 ? SETTLE_PAUSE_MS : SETUP_PAUSE_MS) * pace.movementScale), purpose: "transition" });
  });
  if (variant.sides === "each") {
    (["right", "left"] as const).forEach((side, i) => {
      const text = i === 0 ? "Start with your right side." : "Switch sides. Now your left side.";
      cues.push({ type: "speech", text, role: "coach", setStart: i > 0 });
      if (i > 0) cues.push({ type: "pause", ms: Math.round(2000 * pace.movementScale), purpose: "transition" });
      cues.push(...repsCues(variant, reps, side, holdSeconds, pace));
    });
  } else {
    cues.push(...repsCues(variant, reps, undefined, holdSeconds, pace));
  }
  return cues;
}

/** The cues of one exercise: title, benefit, cautions first, then each variant's setup and reps. */
export function exerciseCues(exercise: ExerciseT, pace: PaceT, options: ExercisePlanOptions = {}): Cue[] {
  const variants = options.variants ? exercise.variants.filter((v) => options.variants!.includes(v.id)) : exercise.variants;
  const pos = options.position;
  const heading = pos && pos.total > 1 ? `Exercise ${pos.index + 1} of ${pos.total}: ${exercise.title}.` : `${exercise.title}.`;
  const cues: Cue[] = [
    { type: "chapter", id: exercise.id, title: exercise.title, exerciseId: exercise.id },
    { type: "chime", sound: "start" },
    { type: "speech", text: heading, role: "title" },
    { type: "speech", text: exercise.benefit.say, role: "benefit" },
  ];
  for (const caution of exercise.cautions) cues.push({ type: "speech", text: caution.say, role: "caution" });
  // On its own an exercise has time for the breathing advice; inside a routine the steps carry the breath cues.
  if (!pos) for (const line of exercise.breath) cues.push({ type: "speech", text: line.say, role: "setup" });
  variants.forEach((v) => cues.push(...variantCues(v, pace, options.maxReps, variants.length > 1)));
  cues.push({ type: "speech", text: pos ? "Well done." : `Well done. That's the end of ${exercise.title.toLowerCase()}.`, role: "outro" });
  return cues;
}

function requirePace(catalog: Catalog, pace: PaceId): PaceT {
  const p = catalog.paces[pace];
  if (!p) throw new Error(`Unknown pace "${pace}". Expected one of: ${Object.keys(catalog.paces).join(", ")}.`);
  return p;
}

function safetyIntro(catalog: Catalog): Cue[] {
  return catalog.safety.intro.map((line) => ({ type: "speech", text: line.say, role: "intro" }) as const);
}

/** Compiles one exercise, on its own, into a timeline. */
export function planExercise(catalog: Catalog, exerciseId: string, pace: PaceId, options: ExercisePlanOptions = {}): Timeline {
  const exercise = catalog.exercises.get(exerciseId);
  if (!exercise) throw new Error(`Unknown exercise "${exerciseId}". Expected one of: ${[...catalog.exercises.keys()].join(", ")}.`);
  const p = requirePace(catalog, pace);
  const cues: Cue[] = [...safetyIntro(catalog), ...exerciseCues(exercise, p, options)];
  return { id: exercise.id, kind: "exercise", title: exercise.title, pace, cues };
}

/** Compiles a routine into a timeline: intro, each exercise with rests between, outro. */
export function planRoutine(catalog: Catalog, routineId: string, pace: PaceId): Timeline {
  const routine = catalog.routines.get(routineId);
  if (!routine) throw new Error(`Unknown routine "${routineId}". Expected one of: ${[...catalog.routines.keys()].join(", ")}.`);
  const p = requirePace(catalog, pace);
  const cues: Cue[] = [
    { type: "speech", text: `${routine.title}. ${routine.summary}`, role: "intro" },
    ...safetyIntro(catalog),
  ];
  let previous: ExerciseT | undefined;
  routine.items.forEach((item: RoutineItemT, index) => {
    const exercise = catalog.exercises.get(item.exercise)!;
    if (previous) {
      // A change of position (chair to mat, mat to roller) needs longer than a breather between seated moves.
      const moving = !exercise.positions.some((position) => previous!.positions.includes(position));
      const text = moving ? "Take your time to get into position for the next exercise." : "Rest for a moment, and get ready for the next exercise.";
      const seconds = moving ? Math.max(p.restSeconds, MOVE_REST_SECONDS) : p.restSeconds;
      if (seconds > 0) cues.push({ type: "speech", text, role: "coach" }, { type: "pause", ms: seconds * 1000, purpose: "rest" });
    }
    previous = exercise;
    cues.push(...exerciseCues(exercise, p, { variants: item.variants, maxReps: item.maxReps, position: { index, total: routine.items.length } }));
  });
  cues.push({ type: "speech", text: `That's the end of the ${routine.title.toLowerCase()}. Well done for taking care of your back.`, role: "outro" });
  return { id: routine.id, kind: "routine", title: routine.title, pace, cues };
}

/** Estimated spoken length of text at a steady speaking rate (the render measures the real one). */
export function estimateSpeechMs(text: string): number {
  const words = text.trim().split(/\s+/).length;
  return Math.round((words * 60_000) / SPEECH_WORDS_PER_MINUTE) + CLIP_EDGES_MS;
}

/** Estimated duration of a timeline, for `upper-back list` and the skill; the render measures the real one. */
export function estimateDurationMs(timeline: Timeline): number {
  let ms = 0;
  for (const cue of timeline.cues) {
    if (cue.type === "speech") ms += estimateSpeechMs(cue.text);
    else if (cue.type === "pause") ms += cue.ms;
    else if (cue.type === "chime") ms += CHIME_MS;
  }
  return ms;
}
