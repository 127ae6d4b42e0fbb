// Three-way merge for a write that lost a race (phone and kitchen Echo at once): what this request changed wins,
// what it left alone keeps the other writer's value, and counters add up instead of overwriting each other.
import type { SkillState } from "../state/types.js";

type Fields = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function laterStreak(a: SkillState["streak"], b: SkillState["streak"]): SkillState["streak"] {
  const dayA = a.lastDay ?? "";
  const dayB = b.lastDay ?? "";
  if (dayA !== dayB) return dayA > dayB ? a : b;
  return a.days >= b.days ? a : b;
}

/**
 * Merges `ours` (this request's result, started from `base`) into `theirs` (what is stored now). Fields this request
 * did not change take the stored value, so the latest change to the position wins; completedSessions adds this
 * request's increase to the stored count; the streak keeps the later (then longer) one; the safety note stays seen.
 * A new state field needs nothing here unless it is a counter (add it like completedSessions).
 */
export function mergeStates(base: SkillState, ours: SkillState, theirs: SkillState): SkillState {
  const merged: Fields = { ...(theirs as unknown as Fields) };
  const b = base as unknown as Fields;
  for (const [key, value] of Object.entries(ours as unknown as Fields)) {
    if (!same(value, b[key])) merged[key] = value;
  }
  for (const key of Object.keys(b)) {
    if (!(key in (ours as unknown as Fields)) && key in merged) delete merged[key]; // this request removed it
  }
  const result = merged as unknown as SkillState;
  result.completedSessions = theirs.completedSessions + Math.max(0, ours.completedSessions - base.completedSessions);
  result.streak = same(ours.streak, base.streak) ? theirs.streak : laterStreak(ours.streak, theirs.streak);
  result.safetyNoteSeen = ours.safetyNoteSeen || theirs.safetyNoteSeen;
  return result;
}
