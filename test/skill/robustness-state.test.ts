// Stored and session state is read with small hand-written guards (no zod in the Lambda): junk becomes defaults,
// valid fields survive, unknown fields are dropped.
import { describe, expect, it } from "vitest";
import { parseState, persistable } from "../../skill/state/parse.js";
import { initialState } from "../../skill/state/types.js";

describe("parseState", () => {
  it("turns anything that is not an object into a fresh user", () => {
    for (const junk of [undefined, null, 42, "ubr", [], true]) expect(parseState(junk)).toEqual(initialState());
  });

  it("keeps every valid field", () => {
    const stored = {
      safetyNoteSeen: true,
      pace: "gentle",
      progress: { source: { kind: "routine", id: "quick" }, index: 2, step: 1, offsetMs: 1500, audio: true },
      completedSessions: 4,
      streak: { days: 3, lastDay: "2026-05-04" },
      pending: { kind: "howTo", exerciseId: "cat-cow" },
      audioFailedDay: "2026-05-04",
    };
    expect(parseState(stored)).toEqual(stored);
  });

  it("defaults each broken field on its own and drops unknown ones", () => {
    const parsed = parseState({
      safetyNoteSeen: "yes",
      pace: "turbo",
      progress: { source: { kind: "routine", id: "quick" }, index: 1, step: -3, offsetMs: "x", audio: 1 },
      completedSessions: -1,
      streak: { days: 2.5, lastDay: "yesterday" },
      pending: { kind: "howTo" },
      audioFailedDay: 20260504,
      injected: "<speak>",
    });
    expect(parsed).toEqual({ ...initialState(), progress: { source: { kind: "routine", id: "quick" }, index: 1, step: 0 }, streak: { days: 0 } });
  });

  it("drops a position without a valid source or index", () => {
    expect(parseState({ progress: { source: { kind: "playlist", id: "x" }, index: 0 } }).progress).toBeUndefined();
    expect(parseState({ progress: { source: { kind: "exercise", id: "" }, index: 0 } }).progress).toBeUndefined();
    expect(parseState({ progress: { source: { kind: "exercise", id: "cat-cow" }, index: -1 } }).progress).toBeUndefined();
  });

  it("persists everything but the pending question", () => {
    const state = parseState({ pending: { kind: "pain" }, completedSessions: 2 });
    expect(persistable(state)).toEqual({ ...initialState(), completedSessions: 2 });
  });
});
