// Completed sessions and the day streak, counted by calendar day (YYYY-MM-DD of the request).
import type { SkillState } from "./types.js";

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** Records one finished session today: same day keeps the streak, the next day grows it, a gap restarts it. */
export function recordCompletion(state: SkillState, today: string): SkillState {
  const last = state.streak.lastDay;
  let days = 1;
  if (last !== undefined) {
    const gap = dayNumber(today) - dayNumber(last);
    if (gap === 0) days = Math.max(1, state.streak.days);
    else if (gap === 1) days = state.streak.days + 1;
  }
  return { ...state, completedSessions: state.completedSessions + 1, streak: { days, lastDay: today }, progress: undefined };
}

/** YYYY-MM-DD (UTC) of an Alexa request timestamp; falls back to the given clock for a missing or bad one. */
export function dayOf(timestamp: string | undefined, now: () => Date = () => new Date()): string {
  const ms = timestamp ? Date.parse(timestamp) : NaN;
  return new Date(Number.isNaN(ms) ? now().getTime() : ms).toISOString().slice(0, 10);
}
