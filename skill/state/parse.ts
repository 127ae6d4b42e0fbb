// Reads stored or session state defensively: whatever arrives (old versions, hand edits, junk) becomes a valid state.
// Hand-written guards, not zod: this runs on every request in the Lambda, where zod would be ~190 KB of cold start.
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import { initialState, type Pending, type Progress, type SkillState, type Source } from "./types.js";

type Fields = Record<string, unknown>;
type Reader<T> = (value: unknown) => T | undefined;

const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);
const flag: Reader<boolean> = (value) => (typeof value === "boolean" ? value : undefined);
const count: Reader<number> = (value) => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined);
const text: Reader<string> = (value) => (typeof value === "string" && value.length > 0 ? value : undefined);
const day: Reader<string> = (value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const pace: Reader<PaceId> = (value) => ((PACE_IDS as readonly unknown[]).includes(value) ? (value as PaceId) : undefined);

const source: Reader<Source> = (value) => {
  if (!isObject(value) || (value.kind !== "routine" && value.kind !== "exercise")) return undefined;
  const id = text(value.id);
  return id ? { kind: value.kind, id } : undefined;
};

const progress: Reader<Progress> = (value) => {
  if (!isObject(value)) return undefined;
  const from = source(value.source);
  const index = count(value.index);
  if (!from || index === undefined) return undefined;
  const until = count(value.until);
  const offsetMs = count(value.offsetMs);
  const audio = flag(value.audio);
  return {
    source: from,
    index,
    step: count(value.step) ?? 0,
    ...(until !== undefined ? { until } : {}),
    ...(offsetMs !== undefined ? { offsetMs } : {}),
    ...(audio !== undefined ? { audio } : {}),
  };
};

const pending: Reader<Pending> = (value) => {
  if (!isObject(value)) return undefined;
  if (value.kind === "continue" || value.kind === "pain" || value.kind === "startRoutine" || value.kind === "forget") return { kind: value.kind };
  if (value.kind === "hurtBefore") {
    const from = progress(value.progress);
    return from ? { kind: "hurtBefore", progress: from } : undefined;
  }
  const exerciseId = text(value.exerciseId);
  return value.kind === "howTo" && exerciseId ? { kind: "howTo", exerciseId } : undefined;
};

/** Exercise ids the user named (hurt, skip from now on): short strings, a bounded list, junk dropped. */
const ids: Reader<string[]> = (value) => {
  if (!Array.isArray(value)) return undefined;
  const kept = value.filter((id): id is string => typeof id === "string" && id.length > 0 && id.length <= 80);
  return kept.slice(0, 50);
};

const streak: Reader<SkillState["streak"]> = (value) => {
  if (!isObject(value)) return undefined;
  const lastDay = day(value.lastDay);
  return { days: count(value.days) ?? 0, ...(lastDay ? { lastDay } : {}) };
};

/**
 * One reader per state field; a field whose stored value does not read keeps its initial value. The mapped type makes
 * a new SkillState field a compile error until it has a reader here (string lists: see `text` and `source`).
 */
const READERS: { [K in keyof SkillState]-?: Reader<NonNullable<SkillState[K]>> } = {
  safetyNoteSeen: flag,
  pace,
  progress,
  completedSessions: count,
  streak,
  pending,
  audioFailedDay: day,
  hurt: ids,
  skipAlways: ids,
  skipped: progress,
};

/** Turns any stored value into a SkillState, keeping every field that is valid and defaulting the rest. */
export function parseState(value: unknown): SkillState {
  const state = initialState() as unknown as Fields;
  if (!isObject(value)) return state as unknown as SkillState;
  for (const [key, read] of Object.entries(READERS) as Array<[string, Reader<unknown>]>) {
    const parsed = read(value[key]);
    if (parsed !== undefined) state[key] = parsed;
  }
  return state as unknown as SkillState;
}

/** The part of the state worth keeping across sessions: a pending question belongs to one conversation. */
export function persistable(state: SkillState): SkillState {
  const { pending: _pending, ...rest } = state;
  return rest;
}
