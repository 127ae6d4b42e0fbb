import { describe, expect, it } from "vitest";
import { layoutTimeline, type SoundSource } from "../../../generator/audio/assemble.js";
import type { Timeline } from "../../../content/timeline.js";

const RATE = 1000;
// Clips of a known length per text, so the layout's arithmetic can be checked sample by sample.
const source = (lengths: Record<string, number>): SoundSource => ({
  rate: RATE,
  speech: (text) => new Float32Array(lengths[text] ?? 0).fill(0.5),
  chime: () => new Float32Array(100),
});
const countdown: Timeline = {
  id: "t",
  kind: "exercise",
  title: "T",
  pace: "standard",
  cues: [
    { type: "pause", ms: 2000, purpose: "hold" },
    { type: "speech", text: "Three.", role: "count", slotMs: 1000 },
    { type: "speech", text: "Two.", role: "count", slotMs: 1000 },
    { type: "speech", text: "One.", role: "count", slotMs: 1000 },
    { type: "chime", sound: "end" },
  ],
};

describe("count slots in the layout", () => {
  it("starts each counted number exactly one slot after the last, whatever the clip lengths", () => {
    const layout = layoutTimeline(countdown, source({ "Three.": 420, "Two.": 310, "One.": 380 }));
    const starts = layout.segments.filter((s) => s.type === "speech").map((s) => s.startMs);
    expect(starts).toEqual([2000, 3000, 4000]);
    expect(layout.segments.find((s) => s.type === "chime")!.startMs).toBe(5000);
    // The padding is part of the hold, marked as a pause.
    expect(layout.segments.filter((s) => s.type === "pause").map((s) => s.endMs - s.startMs)).toEqual([2000, 580, 690, 620]);
  });

  it("refuses a number that does not fit its slot, naming it and the fix", () => {
    expect(() => layoutTimeline(countdown, source({ "Three.": 1200, "Two.": 300, "One.": 300 }))).toThrow(
      /"Three\." lasts 1200 ms, longer than its 1000 ms count slot \(fix: /,
    );
  });
});
