// The coach's own words around the seed's: count-downs, varied cue words, and how equipment and positions
// are said. Kept apart from the planner so the phrasing can be read (and tuned) in one place.
import type { Cue } from "./timeline.js";
import type { EquipmentT, PositionT } from "./schema.js";

/** Each count-down number owns exactly this long, so "three", "two", "one" start a second apart in the audio. */
export const COUNT_SLOT_MS = 1000;
/** Numbers said at the end of a hold, one per slot. */
const COUNTDOWN = ["Three.", "Two.", "One."] as const;
/** Holds this long or longer end with a count-down; shorter ones just end on the chime. */
export const COUNTDOWN_MIN_SECONDS = 10;
/** Holds this long or longer also hear that they are halfway. */
export const HALFWAY_MIN_SECONDS = 20;

/** Said once at the start of a variant's first hold when the step's own words don't say "hold". */
export const HOLD_LINES = ["Hold it there.", "Stay there, breathing easily.", "Hold, and keep breathing."] as const;
export const HALFWAY_LINES = ["You're halfway there.", "Halfway, keep breathing.", "Halfway, stay relaxed."] as const;
/** After the end-of-hold chime; varied so one phrase is not heard fifty times in a routine. */
export const RELEASE_LINES = ["Now slowly release.", "And slowly relax.", "Gently let go.", "And let it go."] as const;
/** After an exercise inside a routine (the routine's own ending says "well done" for the last one). */
export const PRAISE_LINES = ["Well done there.", "Nicely done, that's it.", "Good work on that one.", "That's it, nice work."] as const;

/** The count-down at the end of a hold: one speech cue per number, each in its own one-second slot. */
export function countdownCues(): Cue[] {
  return COUNTDOWN.map((text) => ({ type: "speech", text, role: "count", slotMs: COUNT_SLOT_MS }) as const);
}

/** Picks the nth line of a list, cycling, so repeated cues take turns. */
export function varied(lines: readonly string[], n: number): string {
  return lines[n % lines.length]!;
}

const EQUIPMENT_NAMES: Record<EquipmentT, string> = {
  chair: "a chair",
  mat: "a mat",
  towel: "a towel",
  "foam-roller": "a foam roller",
  doorway: "a doorway",
  blanket: "a folded blanket",
};

const POSITION_NAMES: Record<PositionT, string> = {
  seated: "sitting",
  standing: "standing",
  kneeling: "kneeling on your mat",
  lying: "lying on your back",
  "hands-and-knees": "on your hands and knees",
  doorway: "standing in a doorway",
};

/** "a chair, a towel and a mat": equipment as a spoken list. */
export function equipmentList(equipment: readonly EquipmentT[]): string {
  return spokenList(equipment.map((e) => EQUIPMENT_NAMES[e]));
}

/** "sitting or standing": the positions an exercise can be done in. */
export function positionPhrase(positions: readonly PositionT[]): string {
  return spokenList(positions.map((p) => POSITION_NAMES[p]), "or");
}

function spokenList(words: string[], last = "and"): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${last} ${words.at(-1)!}`;
}
