// "How do I do cat cow": the exercise explained from content (setup, steps, hold and reps), without the pauses.
import type { ExerciseT, RangeT } from "../../content/schema.js";

function range(r: RangeT, unit: string): string {
  return r.min === r.max ? `${r.min} ${unit}` : `${r.min} to ${r.max} ${unit}`;
}

function fill(text: string): string {
  return text.replaceAll("{side}", "right").replaceAll("{other}", "left");
}

/** Sentences that explain an exercise: benefit, setup, each step of the first variant, dose, and its cautions. */
export function howToWords(exercise: ExerciseT): string[] {
  const variant = exercise.variants[0]!;
  const words = [`Here's how to do ${exercise.title.toLowerCase()}.`, exercise.benefit.say];
  words.push(...variant.setup.map((l) => l.say));
  words.push(...variant.rep.map((p) => fill(p.say)));
  const hold = variant.hold ? `Hold for ${range(variant.hold, "seconds")}, ` : "";
  const each = variant.sides === "each" ? " on each side" : "";
  words.push(`${hold}${hold ? "and repeat" : "Repeat"} ${range(variant.reps, "times")}${each}.`);
  words.push(...exercise.cautions.map((c) => c.say));
  return words;
}
