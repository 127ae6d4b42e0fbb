// Reads stored or session state defensively: whatever arrives (old versions, hand edits, junk) becomes a valid state.
import { z } from "zod";
import { PACE_IDS } from "../../content/schema.js";
import { initialState, type SkillState } from "./types.js";

const SourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("routine"), id: z.string().min(1) }),
  z.object({ kind: z.literal("exercise"), id: z.string().min(1) }),
]);

const ProgressSchema = z.object({
  source: SourceSchema,
  index: z.number().int().min(0),
  step: z.number().int().min(0).catch(0),
  until: z.number().int().min(0).optional().catch(undefined),
  offsetMs: z.number().int().min(0).optional().catch(undefined),
  audio: z.boolean().optional().catch(undefined),
});

const PendingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("continue") }),
  z.object({ kind: z.literal("pain") }),
  z.object({ kind: z.literal("howTo"), exerciseId: z.string().min(1) }),
  z.object({ kind: z.literal("startRoutine") }),
  z.object({ kind: z.literal("hurtBefore"), progress: ProgressSchema }),
  z.object({ kind: z.literal("forget") }),
]);

const IdList = z.array(z.string().min(1).max(80)).max(50).optional().catch(undefined);

const StateSchema = z.object({
  safetyNoteSeen: z.boolean().catch(false),
  pace: z.enum(PACE_IDS as [string, ...string[]]).catch("standard"),
  progress: ProgressSchema.optional().catch(undefined),
  completedSessions: z.number().int().min(0).catch(0),
  streak: z
    .object({ days: z.number().int().min(0).catch(0), lastDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined) })
    .catch({ days: 0 }),
  pending: PendingSchema.optional().catch(undefined),
  audioFailedDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  hurt: IdList,
  skipAlways: IdList,
  skipped: ProgressSchema.optional().catch(undefined),
});

/** Turns any stored value into a SkillState, keeping every field that is valid and defaulting the rest. */
export function parseState(value: unknown): SkillState {
  if (typeof value !== "object" || value === null) return initialState();
  const result = StateSchema.safeParse({ ...initialState(), ...(value as object) });
  return result.success ? (result.data as SkillState) : initialState();
}

/** The part of the state worth keeping across sessions: a pending question belongs to one conversation. */
export function persistable(state: SkillState): SkillState {
  const { pending: _pending, ...rest } = state;
  return rest;
}
