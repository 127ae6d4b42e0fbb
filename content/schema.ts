import { z } from "zod";
import { ID_PATTERN } from "./facts.js";

/**
 * Content limits: far above any real line, far below what hurts. A spoken line goes to the TTS engine and into
 * Alexa's 8,000-character responses in one piece, so one over a few hundred characters is a mistake, not a script.
 */
export const LIMITS = { spoken: 400, seedQuote: 600, title: 80, name: 60, summary: 300 } as const;
const spoken = (what: string) => z.string().min(1, `${what} must not be empty`).max(LIMITS.spoken);
const title = () => z.string().min(1).max(LIMITS.title);
const names = () => z.array(z.string().min(1).max(LIMITS.name)).default([]);

/** Kebab-case id, as the design fixes them (`neck-rotation`, `desk-break`). */
export const Id = z.string().max(LIMITS.name).regex(ID_PATTERN, "must be kebab-case, e.g. cat-cow");

/** Provenance fields shared by every spoken line and range: a seed quote, or authored: true. */
const provenance = {
  seed: z.string().min(1).max(LIMITS.seedQuote).optional(),
  authored: z.literal(true).optional(),
};
const oneProvenance = (l: { seed?: string; authored?: true }) => (l.seed === undefined) !== (l.authored === undefined);
const PROVENANCE_MESSAGE = { message: "give exactly one of seed (a verbatim quote of the source) or authored: true" };

/**
 * Every spoken line says where it comes from: `seed` quotes the source article verbatim
 * (a whole sentence or more), `authored: true` marks text we wrote where the seed is silent.
 */
export const Line = z
  .object({
    say: spoken("say"),
    ...provenance,
  })
  .strict()
  .refine(oneProvenance, PROVENANCE_MESSAGE);

/** A numeric range from the seed (`Hold for 15-30 seconds`) or authored where the seed is silent. */
export const Range = z
  .object({
    min: z.number().positive(),
    max: z.number().positive(),
    ...provenance,
  })
  .strict()
  .refine((r) => r.max >= r.min, { message: "max must be at least min", path: ["max"] })
  .refine(oneProvenance, PROVENANCE_MESSAGE);

const Side = z.enum(["right", "left"]);

/**
 * One phase of a repetition: what to say, then what to wait for.
 * `pause: hold` waits the variant's hold (chosen by pace); a number waits that many seconds
 * (movement or breath time, authored); `side` labels phases of an alternating movement.
 */
const Phase = z
  .object({
    say: spoken("say"),
    ...provenance,
    pause: z.union([z.literal("hold"), z.number().positive().max(120)]).optional(),
    pauseKind: z.enum(["breath", "movement"]).optional(),
    side: Side.optional(),
    /** Short prompt spoken on later repetitions; defaults to `say` up to its first comma. */
    cue: spoken("cue").optional(),
  })
  .strict()
  .refine(oneProvenance, PROVENANCE_MESSAGE);

const Position = z.enum(["seated", "standing", "kneeling", "lying", "hands-and-knees", "doorway"]);
export const Equipment = z.enum(["chair", "mat", "towel", "foam-roller", "doorway", "blanket"]);

export const Variant = z
  .object({
    id: Id,
    title: title(),
    titleSource: z.enum(["seed", "authored"]),
    /** Where this variant differs from the exercise (the doorway opener of a seated stretch); the exercise's otherwise. */
    positions: z.array(Position).min(1).optional(),
    equipment: z.array(Equipment).optional(),
    setup: z.array(Line).default([]),
    /** none: no sides; alternate: each rep does both sides (phases carry `side`); each: all reps on the right, then all on the left (`{side}` in text). */
    sides: z.enum(["none", "alternate", "each"]).default("none"),
    rep: z.array(Phase).min(1, "a variant needs at least one phase in rep"),
    hold: Range.optional(),
    /** Repetitions; per side when sides is `each`. */
    reps: Range,
  })
  .strict();

const Caution = z
  .object({
    kind: z.enum(["contraindication", "stop-on-pain", "consult", "form"]),
    say: spoken("say"),
    ...provenance,
  })
  .strict()
  .refine(oneProvenance, PROVENANCE_MESSAGE);

export const Exercise = z
  .object({
    id: Id,
    title: title(),
    /** Names people say for it (interaction-model synonyms); authored. */
    synonyms: names(),
    benefit: Line,
    positions: z.array(Position).min(1),
    equipment: z.array(Equipment).default([]),
    cautions: z.array(Caution).min(1, "every exercise needs at least one caution (stop on pain)"),
    breath: z.array(Line).default([]),
    tips: z.array(Line).default([]),
    variants: z.array(Variant).min(1),
  })
  .strict();

const RoutineItem = z
  .object({
    exercise: Id,
    /** Subset of variant ids; all variants when absent. */
    variants: z.array(Id).optional(),
    /** Top of the rep range in this routine (the pace still picks between the seed's minimum and it); inside the seed's range (checked by the loader). */
    maxReps: z.number().int().positive().optional(),
  })
  .strict();

export const Routine = z
  .object({
    id: Id,
    title: title(),
    summary: z.string().min(1).max(LIMITS.summary),
    default: z.boolean().default(false),
    /** Names people say for it (interaction-model synonyms). */
    synonyms: names(),
    items: z.array(RoutineItem).min(1),
  })
  .strict();

export const Pace = z
  .object({
    title: title(),
    synonyms: names(),
    /** Where in the seed's hold range to sit: 0 = min, 1 = max. */
    holdFraction: z.number().min(0).max(1),
    /** Where in the seed's rep range to sit: 0 = min, 1 = max. */
    repsFraction: z.number().min(0).max(1),
    /** Multiplier on authored movement and breath times (slower is gentler). */
    movementScale: z.number().min(0.5).max(2),
    restSeconds: z.number().min(0).max(60),
    /** Speaking rate for TTS, percent (100 = normal). */
    speechRatePercent: z.number().min(50).max(150),
  })
  .strict();

export const Paces = z
  .object({ gentle: Pace, standard: Pace, deeper: Pace })
  .strict();

/** Safety lines said at the start of every session, and the medical disclaimer. */
export const Safety = z
  .object({
    intro: z.array(Line).min(1, "say at least one safety line at the start of a session"),
    disclaimer: Line,
  })
  .strict();

export type SafetyT = z.infer<typeof Safety>;
export type RangeT = z.infer<typeof Range>;
export type PhaseT = z.infer<typeof Phase>;
export type VariantT = z.infer<typeof Variant>;
export type ExerciseT = z.infer<typeof Exercise>;
export type RoutineT = z.infer<typeof Routine>;
export type RoutineItemT = z.infer<typeof RoutineItem>;
export type PaceT = z.infer<typeof Pace>;
export type PositionT = z.infer<typeof Position>;
export type EquipmentT = z.infer<typeof Equipment>;
export type PaceId = keyof z.infer<typeof Paces>;
export const PACE_IDS: readonly PaceId[] = ["gentle", "standard", "deeper"];
