// The skill's own words (everything not from content), as cues for the shared SSML renderer.
import type { Catalog } from "../../content/load.js";
import type { PaceId } from "../../content/schema.js";
import type { Cue } from "../../content/timeline.js";

/** One spoken sentence as a cue; text is plain (the renderer escapes it once). */
export function line(text: string): Cue {
  return { type: "speech", text, role: "coach" };
}

/** Joins names as people say them: "a, b, and c". */
export function spokenList(names: string[]): string {
  if (names.length <= 1) return names.join("");
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(", ")}, and ${names.at(-1)}`;
}

/** The safety note said once per user: the content's safety lines and medical disclaimer, plus the safety word. */
export function safetyNote(catalog: Catalog): string[] {
  return [
    "First, a quick safety note.",
    ...catalog.safety.intro.map((l) => l.say),
    catalog.safety.disclaimer.say,
  ];
}

/** The one line on what to say, in the first launch's short welcome. */
export const FIRST_TIP = "During the exercises, say next, repeat, or slower. And if anything hurts, say: it hurts, and I'll stop.";

/** The question that ends the first launch: nothing plays until the user says yes. */
export const READY_QUESTION = "Ready to start the upper back routine?";

export const READY_REPROMPT = "Say yes to start, or name a routine or an exercise, like the desk break or cat cow.";

/** Asked before an exercise that hurt last time: [question, reprompt]. */
export function hurtBeforeQuestion(title: string): [string, string] {
  return [
    `Last time, ${title} hurt. Would you like to skip it? Say yes to skip it, or no to try it gently.`,
    `Say yes to skip ${title}, or no to try it gently.`,
  ];
}

export const CLOSING_NEXT = "Say next when you're ready.";

/** Reprompt during an exercise: what to say now, including the safety word. */
export function duringExerciseReprompt(title: string): string {
  return `Say next when you're ready to go on from ${title}, repeat to hear it again, or stop to finish. If anything hurts, say it hurts.`;
}

export const MENU =
  "You can say start the routine, name an exercise like cat cow or child's pose, or ask what exercises there are.";

export const MENU_REPROMPT = "Say start the routine, or name an exercise, like cat cow.";

/** The list of exercises and routines, for "what exercises are there" and unknown names. */
export function catalogListing(catalog: Catalog): string {
  const order = catalog.routines.get(catalog.defaultRoutineId)?.items.map((i) => i.exercise) ?? [];
  const ids = [...new Set([...order, ...catalog.exercises.keys()])].filter((id) => catalog.exercises.has(id));
  const exercises = ids.map((id) => catalog.exercises.get(id)!.title.toLowerCase());
  const routines = [...catalog.routines.values()].filter((r) => r.id !== catalog.defaultRoutineId).map((r) => r.title.toLowerCase());
  const count = exercises.length === 10 ? "ten" : String(exercises.length);
  const routineText = routines.length > 0 ? ` There are also shorter routines: ${spokenList(routines)}.` : "";
  return `There are ${count} exercises: ${spokenList(exercises)}.${routineText}`;
}

export const HELP =
  "Upper Back Routine guides you through ten gentle exercises for your upper back. " +
  "You can say start the routine, or name an exercise, like cat cow or child's pose. You can ask what exercises there are, or how to do one. " +
  "During an exercise, say next, repeat, previous, skip, start over, slower, or faster. If anything hurts, say it hurts. To finish, say stop.";

/** The immediate answer to "it hurts": stop, rest, see a professional if it persists; then offer the next exercise, gently, if there is one. */
export function painAdvice(pace: PaceId, hasNext: boolean): string[] {
  const advice = [
    "Stop the exercise now, and slowly come out of the position.",
    "Rest in a comfortable position and breathe easily.",
    "If the pain persists, or it is sharp, please see a doctor or a physiotherapist before you exercise again.",
  ];
  if (!hasNext) return [...advice, "Let's stop here for today. Take care."];
  const offer =
    pace === "gentle"
      ? "Would you like to skip this one and move on to the next exercise, gently? Say yes to go on, or no to end here."
      : "Would you like to skip this one and go on with the next exercise at a gentler pace? Say yes to go on gently, or no to end here.";
  return [...advice, offer];
}

export const PAIN_REPROMPT = "Say yes to go on gently, or no to end here.";

export const PAIN_GOODBYE =
  "Okay, let's stop here. Rest, and if the pain persists, please see a doctor or a physiotherapist. Take care.";

/** Cheering at the end of a routine or exercise, with the count and streak. */
export function finishedWords(title: string, sessions: number, streakDays: number): string[] {
  const count = sessions === 1 ? "That's your first session." : `That's ${sessions} sessions so far.`;
  const streak = streakDays > 1 ? ` You're on a ${streakDays} day streak.` : "";
  return [`You've finished ${title}. Well done for taking care of your back.`, `${count}${streak}`, "See you next time."];
}

/** Said only after the write succeeded (persistence/store.ts swaps it for PLACE_NOT_SAVED otherwise). */
export const PLACE_SAVED = "Your place is saved.";
/** The honest answer when the place could not be stored. */
export const PLACE_NOT_SAVED = "I couldn't save your place this time.";

/** Goodbye, telling how to come back to the saved place. */
export function stopWords(hasProgress: boolean): string {
  return hasProgress
    ? `Okay, stopping here. ${PLACE_SAVED} Next time, say: Alexa, ask upper back routine to continue. Take care.`
    : "Okay. Take care of your back, and see you next time.";
}
