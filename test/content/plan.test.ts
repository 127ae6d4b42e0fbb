import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { dose, estimateDurationMs, planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS } from "../../content/schema.js";
import type { Cue } from "../../content/timeline.js";

const catalog = loadCatalog();
const minutes = (ms: number) => ms / 60_000;
const speech = (cues: Cue[]) => cues.flatMap((c) => (c.type === "speech" ? [c.text] : []));

describe("planRoutine", () => {
  it("is deterministic", () => {
    expect(planRoutine(catalog, "upper-back", "standard")).toEqual(planRoutine(catalog, "upper-back", "standard"));
  });

  it("plans the full routine at standard pace at about half an hour, with speech at guided-movement pace (155 wpm)", () => {
    const ms = estimateDurationMs(planRoutine(catalog, "upper-back", "standard"));
    expect(minutes(ms)).toBeGreaterThanOrEqual(15);
    expect(minutes(ms)).toBeLessThanOrEqual(32);
  });

  it("plans the quick routine at about five minutes", () => {
    const ms = estimateDurationMs(planRoutine(catalog, "quick", "standard"));
    expect(minutes(ms)).toBeGreaterThanOrEqual(4);
    expect(minutes(ms)).toBeLessThanOrEqual(7);
  });

  it("starts a chapter for every exercise of the routine, in order, with rests between", () => {
    const routine = catalog.routines.get("upper-back")!;
    const t = planRoutine(catalog, "upper-back", "standard");
    const chapters = t.cues.filter((c) => c.type === "chapter").map((c) => (c as { id: string }).id);
    expect(chapters).toEqual(["introduction", ...routine.items.map((i) => i.exercise)]);
    expect(t.cues[0]).toMatchObject({ type: "chapter", title: "Introduction" });
    const rests = t.cues.filter((c) => c.type === "pause" && c.purpose === "rest");
    expect(rests).toHaveLength(routine.items.length - 1);
  });

  it("gives longer to change position (chair to mat) than to rest between seated exercises", () => {
    const t = planRoutine(catalog, "upper-back", "standard");
    const rests: { ms: number; before: string }[] = [];
    t.cues.forEach((c, i) => {
      if (c.type !== "pause" || c.purpose !== "rest") return;
      const chapter = t.cues.slice(i).find((n) => n.type === "chapter");
      rests.push({ ms: c.ms, before: chapter && chapter.type === "chapter" ? (chapter.exerciseId ?? "") : "" });
    });
    const toMat = rests.find((r) => r.before === "cat-cow")!;
    const seated = rests.find((r) => r.before === "neck-rotation")!;
    expect(toMat.ms).toBeGreaterThanOrEqual(10_000);
    expect(seated.ms).toBe(catalog.paces.standard.restSeconds * 1000);
    expect(toMat.ms).toBeGreaterThan(seated.ms);
  });

  it("gentle is never longer-held than deeper, and every pace stays inside the seed's ranges", () => {
    for (const exercise of catalog.exercises.values()) {
      for (const variant of exercise.variants) {
        const doses = PACE_IDS.map((p) => dose(variant, catalog.paces[p]));
        for (const d of doses) {
          expect(d.reps).toBeGreaterThanOrEqual(variant.reps.min);
          expect(d.reps).toBeLessThanOrEqual(variant.reps.max);
          if (variant.hold) {
            expect(d.holdSeconds).toBeGreaterThanOrEqual(variant.hold.min);
            expect(d.holdSeconds).toBeLessThanOrEqual(variant.hold.max);
          }
        }
        expect(doses[0]!.reps).toBeLessThanOrEqual(doses[2]!.reps);
        expect(doses[0]!.holdSeconds ?? 0).toBeLessThanOrEqual(doses[2]!.holdSeconds ?? 0);
      }
    }
  });
});

describe("planExercise", () => {
  it("speaks the neck caution before the first step", () => {
    const texts = speech(planExercise(catalog, "neck-rotation", "standard").cues);
    const caution = texts.findIndex((t) => /pain in your neck or shoulders/i.test(t));
    const firstStep = texts.findIndex((t) => /turn your head to the right/i.test(t));
    expect(caution).toBeGreaterThan(-1);
    expect(caution).toBeLessThan(firstStep);
  });

  it("holds neck rotation for exactly the paced hold, with halfway and a count-down at its end", () => {
    const cues = planExercise(catalog, "neck-rotation", "deeper").cues;
    const start = cues.findIndex((c) => c.type === "speech" && /turn your head to the right/i.test(c.text)) + 1;
    const end = cues.findIndex((c, i) => i > start && c.type === "chime");
    const held = cues.slice(start, end).reduce((ms, c) => ms + (c.type === "pause" ? c.ms : c.type === "speech" && c.slotMs ? c.slotMs : 0), 0);
    const hold = dose(catalog.exercises.get("neck-rotation")!.variants[0]!, catalog.paces.deeper).holdSeconds!;
    expect(held).toBe(hold * 1000);
    const texts = speech(cues.slice(start, end));
    expect(texts.some((t) => /halfway/i.test(t))).toBe(true);
    expect(texts.slice(-3)).toEqual(["Three.", "Two.", "One."]);
  });

  it("says switch sides for a one-side-then-the-other exercise", () => {
    const each = [...catalog.exercises.values()].filter((e) => e.variants.some((v) => v.sides === "each"));
    expect(each.length).toBeGreaterThan(0);
    for (const e of each) {
      expect(speech(planExercise(catalog, e.id, "standard").cues).join(" ")).toMatch(/switch sides/i);
    }
  });

  it("tells people to stop on pain in every exercise", () => {
    for (const e of catalog.exercises.values()) {
      const said = speech(planExercise(catalog, e.id, "gentle").cues).join(" ");
      expect(said, e.id).toMatch(/stop/i);
      expect(said, e.id).not.toMatch(/\bcures?\b/i);
    }
  });

  it("names what is wrong for an unknown exercise or pace", () => {
    expect(() => planExercise(catalog, "toe-touch", "standard")).toThrow(/Unknown exercise "toe-touch". Expected one of: .*cat-cow/);
    // @ts-expect-error: testing a bad pace from outside the type system
    expect(() => planExercise(catalog, "cat-cow", "sprint")).toThrow(/Unknown pace "sprint"/);
  });
});
