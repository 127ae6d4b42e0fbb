// Pace changes what is said: holds, repetitions and rests move inside the seed's ranges, gentle to deeper.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { dose, pick, planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS, type VariantT } from "../../content/schema.js";

const catalog = loadCatalog();
const paces = PACE_IDS.map((id) => catalog.paces[id]);

/** Every (variant, rep cap) a track can use: each exercise alone, and each routine item with its maxReps. */
const uses: { at: string; variant: VariantT; maxReps?: number }[] = [
  ...[...catalog.exercises.values()].flatMap((e) => e.variants.map((variant) => ({ at: `${e.id}.${variant.id}`, variant }))),
  ...[...catalog.routines.values()].flatMap((r) =>
    r.items.flatMap((item) =>
      catalog.exercises
        .get(item.exercise)!
        .variants.filter((v) => !item.variants || item.variants.includes(v.id))
        .map((variant) => ({ at: `${r.id}: ${item.exercise}.${variant.id}`, variant, maxReps: item.maxReps })),
    ),
  ),
];

describe("pace", () => {
  it("orders gentle ≤ standard ≤ deeper in holds and repetitions, inside the seed's ranges", () => {
    for (const { at, variant, maxReps } of uses) {
      const [g, s, d] = paces.map((p) => dose(variant, p, maxReps));
      for (const x of [g!, s!, d!]) {
        expect(x.reps, at).toBeGreaterThanOrEqual(variant.reps.min);
        expect(x.reps, at).toBeLessThanOrEqual(Math.min(variant.reps.max, maxReps ?? Infinity));
        if (variant.hold) expect(x.holdSeconds! >= variant.hold.min && x.holdSeconds! <= variant.hold.max, at).toBe(true);
      }
      expect([g!.reps, s!.reps, d!.reps], at).toEqual([g!.reps, s!.reps, d!.reps].sort((a, b) => a - b));
      if (variant.hold) expect([g!.holdSeconds, s!.holdSeconds, d!.holdSeconds], at).toEqual([g!.holdSeconds!, s!.holdSeconds!, d!.holdSeconds!].sort((a, b) => a - b));
    }
  });

  it("changes holds or repetitions from one pace to the next wherever the (capped) ranges leave room", () => {
    for (const { at, variant, maxReps } of uses) {
      const [g, s, d] = paces.map((p) => dose(variant, p, maxReps));
      const key = (x: typeof g) => `${x!.holdSeconds}/${x!.reps}`;
      const repRoom = Math.min(variant.reps.max, maxReps ?? Infinity) - variant.reps.min;
      const holdRoom = variant.hold ? variant.hold.max - variant.hold.min : 0;
      if (repRoom + holdRoom >= 1) expect(key(g), `${at}: gentle and deeper`).not.toBe(key(d));
      // Three different doses need a value between the ends of one of the ranges.
      if (repRoom >= 2 || holdRoom >= 2) {
        expect(key(g), `${at}: gentle and standard`).not.toBe(key(s));
        expect(key(s), `${at}: standard and deeper`).not.toBe(key(d));
      }
    }
  });

  it("changes the repetitions inside a routine (the routine's cap is the top of the range, not the answer at every pace)", () => {
    const neck = catalog.routines.get("upper-back")!.items.find((i) => i.exercise === "neck-rotation")!;
    const variant = catalog.exercises.get("neck-rotation")!.variants[0]!;
    expect(dose(variant, catalog.paces.gentle, neck.maxReps).reps).toBeLessThan(dose(variant, catalog.paces.deeper, neck.maxReps).reps);
  });

  it("says the counts it does: fewer times at gentle than at deeper", () => {
    const said = (pace: "gentle" | "deeper") => planExercise(catalog, "cat-cow", pace).cues.flatMap((c) => (c.type === "speech" ? [c.text] : []));
    expect(said("gentle")).toContain("Ten times.");
    expect(said("deeper")).toContain("Fifteen times.");
  });

  it("rests longer and moves slower at gentle than at standard", () => {
    expect(catalog.paces.gentle.restSeconds).toBeGreaterThan(catalog.paces.standard.restSeconds);
    expect(catalog.paces.gentle.movementScale).toBeGreaterThan(catalog.paces.standard.movementScale);
    for (const id of catalog.routines.keys()) {
      const rest = (pace: "gentle" | "standard") =>
        planRoutine(catalog, id, pace).cues.reduce((ms, c) => ms + (c.type === "pause" && c.purpose === "rest" ? c.ms : 0), 0);
      expect(rest("gentle"), id).toBeGreaterThan(rest("standard"));
    }
  });

  it("keeps a middle fraction off both ends of a range that has room, and at the ends for 0 and 1", () => {
    expect(pick({ min: 2, max: 4 }, 0.1)).toBe(3);
    expect(pick({ min: 2, max: 4 }, 0)).toBe(2);
    expect(pick({ min: 2, max: 4 }, 1)).toBe(4);
    expect(pick({ min: 15, max: 30 }, 0.1)).toBe(17);
    expect(pick({ min: 1, max: 2 }, 0.25)).toBe(1);
  });
});
