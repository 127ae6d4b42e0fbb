import { describe, expect, it } from "vitest";
import { layoutTimeline, type Layout, type SoundSource } from "../../../generator/audio/assemble.js";
import { steadyBedRanges } from "../../../generator/audio/bed.js";
import { frameStep, planSplice, samplesPerFrame, spliceGrid } from "../../../generator/audio/splice-plan.js";
import type { Cue, Timeline } from "../../../content/timeline.js";

const RATE = 16000;
const OUTPUT_RATES = [44100, 22050];
// Clips whose length follows from their text (a few words a second), shared by every layout, like the render's.
const clips = new Map<string, Float32Array>();
const chime = new Float32Array(RATE * 0.6).fill(0.1);
const source: SoundSource = {
  rate: RATE,
  speech: (text) => clips.get(text) ?? clips.set(text, new Float32Array(Math.round(RATE * (0.4 + text.length * 0.06))).fill(0.3)).get(text)!,
  chime: () => chime,
};
const say = (text: string): Cue => ({ type: "speech", text, role: "step" });
const pause = (ms: number, purpose: "hold" | "rest" | "transition" | "movement" = "hold"): Cue => ({ type: "pause", ms, purpose });
const rep = (n: number): Cue[] => [say(`And ${n}.`), say("Squeeze your shoulder blades together."), pause(9000), { type: "chime", sound: "end" }, say("Relax."), pause(3000, "movement")];
const timeline = (kind: "routine" | "exercise", cues: Cue[]): Timeline => ({ id: kind, kind, title: kind, pace: "standard", cues });

const exercise = timeline("exercise", [say("Welcome. Stop if anything hurts."), pause(4000, "transition"), ...[1, 2, 3, 4, 5].flatMap(rep), say("Well done.")]);
const routine = timeline("routine", [
  say("The routine starts. A longer introduction of the whole session."),
  pause(5000, "transition"),
  ...[1, 2].flatMap(rep),
  say("A line only the routine says, at a different length."),
  ...[3, 4, 5].flatMap(rep),
  say("Rest. Next up: something else."),
  pause(10000, "rest"),
  say("The end of the routine."),
]);

const pieceAt = (layout: Layout, sample: number) => layout.pieces.find((p) => p.start <= sample && sample < p.start + (p.type === "pause" ? p.length : p.samples.length));
const inside = (ranges: [number, number][], sample: number) => ranges.some(([a, b]) => a <= sample && sample <= b);

describe("frame steps and grids", () => {
  it("finds a step that is a whole number of frames at every output rate, and a grid of whole samples that is too", () => {
    const step = frameStep(RATE, OUTPUT_RATES);
    for (const rate of OUTPUT_RATES) expect((step * rate) / RATE / samplesPerFrame(rate)).toBeCloseTo(Math.round((step * rate) / RATE / samplesPerFrame(rate)), 9);
    const grid = spliceGrid(RATE, OUTPUT_RATES);
    expect(Number.isInteger(grid)).toBe(true);
    for (const rate of OUTPUT_RATES) expect(((grid * rate) / RATE) % samplesPerFrame(rate)).toBe(0);
    // The least such: half of it is not on every grid.
    expect(OUTPUT_RATES.every((rate) => (((grid / 2) * rate) / RATE) % samplesPerFrame(rate) === 0)).toBe(false);
  });
});

describe("planSplice", () => {
  const exerciseLayout = layoutTimeline(exercise, source);
  const routineLayout = layoutTimeline(routine, source);
  const step = frameStep(RATE, OUTPUT_RATES);
  const plan = planSplice(routineLayout, new Map([["exercise", exerciseLayout]]), step);
  const stretched = layoutTimeline(routine, source, plan.stretch);

  it("reuses the runs the routine shares with the exercise, cut around the line only the routine says", () => {
    expect(plan.spans.length).toBe(2);
    const reused = plan.spans.reduce((n, s) => n + s.sourceEnd - s.sourceStart, 0);
    expect(reused / stretched.totalSamples).toBeGreaterThan(0.5);
    const routineOnly = stretched.pieces.find((p) => p.type === "speech" && p.text.startsWith("A line only"))!;
    for (const span of plan.spans) {
      expect(routineOnly.start >= span.sourceEnd + span.offset || routineOnly.start + (routineOnly.type === "speech" ? routineOnly.samples.length : 0) <= span.sourceStart + span.offset).toBe(true);
    }
  });

  it("puts every span a whole number of frames from its place in the exercise, each stretch under one frame", () => {
    for (const span of plan.spans) expect(span.offset).toBeCloseTo(span.frames * step, 6);
    expect([...plan.stretch.values()].every((extra) => extra >= 0 && extra <= Math.ceil(step))).toBe(true);
    for (const index of plan.stretch.keys()) expect(routineLayout.pieces[index]!.type).toBe("pause");
    expect(stretched.totalSamples - routineLayout.totalSamples).toBe([...plan.stretch.values()].reduce((a, b) => a + b, 0));
  });

  it("lays the routine out so that every piece of a span sits where the exercise has it, plus the span's offset", () => {
    for (const span of plan.spans) {
      const pieces = exerciseLayout.pieces.filter((p) => p.start >= span.sourceStart && p.start < span.sourceEnd);
      expect(pieces.length).toBeGreaterThan(3);
      for (const p of pieces) {
        const there = pieceAt(stretched, p.start + span.offset + 0.5)!;
        expect(there.type).toBe(p.type);
        expect(Math.abs(there.start - (p.start + span.offset))).toBeLessThanOrEqual(0.5);
        if (p.type === "speech" && there.type === "speech") expect(there.text).toBe(p.text);
      }
    }
  });

  it("joins only inside pauses where both tracks carry the bed at full level, with room to spare", () => {
    const steadyRoutine = steadyBedRanges(stretched);
    const steadyExercise = steadyBedRanges(exerciseLayout);
    const margin = RATE * 0.1;
    for (const span of plan.spans) {
      for (const at of [span.sourceStart, span.sourceEnd]) {
        expect(pieceAt(exerciseLayout, at)!.type).toBe("pause");
        expect(pieceAt(stretched, at + span.offset)!.type).toBe("pause");
        for (const d of [-margin, margin]) {
          expect(inside(steadyExercise, at + d)).toBe(true);
          expect(inside(steadyRoutine, at + span.offset + d)).toBe(true);
        }
      }
    }
  });

  it("turns the bed to each span's reading in the routine's own audio between spans, never inside one", () => {
    expect(plan.bedPhases.map((p) => p.offset)).toEqual(plan.spans.map((s) => s.offset));
    plan.bedPhases.slice(1).forEach((phase, k) => {
      const before = plan.spans[k]!;
      const next = plan.spans[k + 1]!;
      expect(phase.at).toBeGreaterThanOrEqual(before.sourceEnd + before.offset);
      expect(phase.at + phase.fade).toBeLessThanOrEqual(next.sourceStart + next.offset);
    });
  });

  it("plans nothing for a routine that shares no run with its sources", () => {
    const other = layoutTimeline(timeline("routine", [say("Something else entirely."), pause(8000, "rest"), say("And the end.")]), source);
    const none = planSplice(other, new Map([["exercise", exerciseLayout]]), step);
    expect(none.spans).toEqual([]);
    expect(none.stretch.size).toBe(0);
  });
});
