// Whole tracks: a routine (introduction, exercises with rests that say what's next, ending) or one exercise
// on its own, compiled into the timeline that SSML and audio are both made from.
import { equipmentList, positionPhrase } from "./coach.js";
import { exerciseCues, itemNeeds, newSessionMemory, type ExercisePlanOptions, type SessionMemory } from "./exercise-cues.js";
import type { Catalog } from "./load.js";
import type { ExerciseT, PaceId, PaceT, RoutineItemT } from "./schema.js";
import { CHIME_MS, type Cue, type Timeline } from "./timeline.js";

export { dose, exerciseCues, numberWord, pick, type ExercisePlanOptions } from "./exercise-cues.js";

// Fitted to rendered clips: the embedded voice is slowed to ~155 words a minute for guided movement, plus
// ~300 ms of silence at a clip's edges.
const SPEECH_WORDS_PER_MINUTE = 155;
const CLIP_EDGES_MS = 300;
/** Least rest before an exercise in another position (getting down to the mat, fetching the roller). */
const MOVE_REST_SECONDS = 10;
/** Extra rest to fetch equipment the next exercise needs that the session has not used yet. */
const FETCH_SECONDS = 8;
/** Time after the introduction to set out the equipment and get into the first position. */
const GET_READY_MS = 5000;

function requirePace(catalog: Catalog, pace: PaceId): PaceT {
  const p = catalog.paces[pace];
  if (!p) throw new Error(`Unknown pace "${pace}". Expected one of: ${Object.keys(catalog.paces).join(", ")}.`);
  return p;
}

function safetyNote(catalog: Catalog): Cue[] {
  return catalog.safety.intro.map((line) => ({ type: "speech", text: line.say, role: "intro" }) as const);
}

/** The first chapter of every track starts at 0: the introduction (safety note, what you need, where to start). */
const INTRO_CHAPTER: Cue = { type: "chapter", id: "introduction", title: "Introduction" };

function getReady(pace: PaceT): Cue {
  return { type: "pause", ms: Math.round(GET_READY_MS * pace.movementScale), purpose: "transition" };
}

/** Compiles one exercise, on its own, into a timeline. */
export function planExercise(catalog: Catalog, exerciseId: string, pace: PaceId, options: ExercisePlanOptions = {}): Timeline {
  const exercise = catalog.exercises.get(exerciseId);
  if (!exercise) throw new Error(`Unknown exercise "${exerciseId}". Expected one of: ${[...catalog.exercises.keys()].join(", ")}.`);
  const p = requirePace(catalog, pace);
  const session = newSessionMemory(false);
  const needs = itemNeeds(exercise, options.variants);
  needs.equipment.forEach((e) => session.equipment.add(e));
  const where = positionPhrase(needs.positions);
  const kit = needs.equipment.length > 0
    ? `For this one you'll need ${equipmentList(needs.equipment)}, and you'll be ${where}.`
    : `You can do this one ${where}.`;
  const cues: Cue[] = [INTRO_CHAPTER, ...safetyNote(catalog), { type: "speech", text: kit, role: "intro" }];
  if (needs.equipment.length > 0) cues.push(getReady(p));
  cues.push(...exerciseCues(exercise, p, { ...options, session }));
  return { id: exercise.id, kind: "exercise", title: exercise.title, pace, cues };
}

/** "Next up: cat-cow, on your hands and knees. You'll need a mat, so get it now." and the rest to do it in. */
function restCues(exercise: ExerciseT, item: RoutineItemT, previous: ExerciseT, previousItem: RoutineItemT, pace: PaceT, session: SessionMemory): Cue[] {
  const needs = itemNeeds(exercise, item.variants);
  const before = itemNeeds(previous, previousItem.variants);
  const fresh = needs.equipment.filter((e) => !session.equipment.has(e));
  fresh.forEach((e) => session.equipment.add(e));
  // A change of position (chair to mat, mat to roller) needs longer than a breather between seated moves.
  const moving = !needs.positions.some((position) => before.positions.includes(position));
  let text = `Rest. Next up: ${exercise.title.toLowerCase()}, ${positionPhrase(needs.positions)}.`;
  // Things to fetch, and places to go to (a doorway), are said differently; both get time.
  const things = fresh.filter((e) => e !== "doorway");
  if (things.length > 0) text += ` You'll need ${equipmentList(things)}, so get ${things.length > 1 ? "them" : "it"} now.`;
  if (things.length < fresh.length) text += ` You'll need a doorway nearby.`;
  let seconds = pace.restSeconds + (fresh.length > 0 ? FETCH_SECONDS : 0);
  if (moving) seconds = Math.max(seconds, MOVE_REST_SECONDS);
  return [{ type: "speech", text, role: "coach" }, { type: "pause", ms: seconds * 1000, purpose: "rest" }];
}

/** Compiles a routine into a timeline: introduction, each exercise with a rest that says what's next, ending. */
export function planRoutine(catalog: Catalog, routineId: string, pace: PaceId): Timeline {
  const routine = catalog.routines.get(routineId);
  if (!routine) throw new Error(`Unknown routine "${routineId}". Expected one of: ${[...catalog.routines.keys()].join(", ")}.`);
  const p = requirePace(catalog, pace);
  const session = newSessionMemory(true);
  const items = routine.items.map((item) => ({ item, exercise: catalog.exercises.get(item.exercise)! }));
  const equipment = [...new Set(items.flatMap(({ item, exercise }) => itemNeeds(exercise, item.variants).equipment))];
  const firstNeeds = itemNeeds(items[0]!.exercise, items[0]!.item.variants);
  firstNeeds.equipment.forEach((e) => session.equipment.add(e));
  const kit = equipment.length > 0 ? `You'll need ${equipmentList(equipment)}. ` : "";
  const cues: Cue[] = [
    INTRO_CHAPTER,
    { type: "speech", text: `${routine.title}. ${routine.summary}`, role: "intro" },
    { type: "speech", text: `${kit}The first exercise is done ${positionPhrase(firstNeeds.positions)}.`, role: "intro" },
    ...safetyNote(catalog),
    getReady(p),
  ];
  items.forEach(({ item, exercise }, index) => {
    const prev = items[index - 1];
    if (prev) cues.push(...restCues(exercise, item, prev.exercise, prev.item, p, session));
    const position = { index, total: items.length };
    cues.push(...exerciseCues(exercise, p, { variants: item.variants, maxReps: item.maxReps, position, session, last: index === items.length - 1 }));
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
