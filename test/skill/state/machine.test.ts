// The pure state machine: every event in any state gives a valid state and valid speech; streak and pace rules.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../content/load.js";
import { PACE_IDS } from "../../../content/schema.js";
import { encodeToken, parseToken } from "../../../skill/audio/tokens.js";
import { transition } from "../../../skill/state/machine.js";
import { parseState, persistable } from "../../../skill/state/parse.js";
import { recordCompletion } from "../../../skill/state/streak.js";
import { initialState, type MachineContext, type SkillEvent, type SkillState } from "../../../skill/state/types.js";
import { ssmlProblems } from "../../support/alexa-response.js";

const catalog = loadCatalog();
const ctx: MachineContext = { catalog, today: "2026-04-01" };

function checkSpeech(speech: string | undefined, where: string): void {
  if (speech !== undefined) expect(ssmlProblems(speech, where)).toEqual([]);
}

describe("state machine", () => {
  it.each([...catalog.routines.keys()].flatMap((r) => PACE_IDS.map((p) => [r, p] as const)))(
    "speaks routine %s at the %s pace to the end in valid responses under 8000 characters",
    (routineId, pace) => {
      let state: SkillState = { ...initialState(), pace };
      let t = transition(ctx, state, { type: "startRoutine", routineId });
      let turns = 0;
      while (!t.say.endSession) {
        checkSpeech(t.say.speech, `${routineId}/${pace} turn ${turns}`);
        checkSpeech(t.say.reprompt, `${routineId}/${pace} reprompt ${turns}`);
        expect(t.say.reprompt).toBeDefined();
        state = t.state;
        t = transition(ctx, state, { type: "next" });
        expect(++turns).toBeLessThan(100);
      }
      expect(t.state.completedSessions).toBe(1);
      expect(t.state.progress).toBeUndefined();
      expect(turns).toBeGreaterThanOrEqual(catalog.routines.get(routineId)!.items.length);
    },
  );

  it.each([...catalog.exercises.keys()].flatMap((e) => PACE_IDS.map((p) => [e, p] as const)))(
    "speaks exercise %s alone at the %s pace in valid responses",
    (exerciseId, pace) => {
      let t = transition(ctx, { ...initialState(), pace, safetyNoteSeen: true }, { type: "pickExercise", exerciseId });
      for (let turns = 0; !t.say.endSession; turns++) {
        checkSpeech(t.say.speech, `${exerciseId}/${pace} turn ${turns}`);
        if (turns === 0) expect(t.say.speech).toContain(catalog.exercises.get(exerciseId)!.title.replace("'", "&apos;"));
        t = transition(ctx, t.state, { type: "next" });
        expect(turns).toBeLessThan(20);
      }
      expect(t.state.completedSessions).toBe(1);
    },
  );

  it("gives the safety note once per user", () => {
    const first = transition(ctx, initialState(), { type: "launch" });
    expect(first.say.speech).toContain("not a substitute for professional medical advice");
    const again = transition(ctx, { ...first.state, progress: undefined }, { type: "launch" });
    expect(again.say.speech).not.toContain("safety note");
    expect(again.say.speech).toContain("Welcome back.");
  });

  it("survives a deterministic random walk of 400 events with valid replies throughout", () => {
    const events: SkillEvent[] = [
      { type: "launch" }, { type: "next" }, { type: "skip" }, { type: "previous" }, { type: "repeat" }, { type: "startOver" },
      { type: "continue" }, { type: "pain" }, { type: "yes" }, { type: "no" }, { type: "slower" }, { type: "faster" }, { type: "help" },
      { type: "fallback" }, { type: "listExercises" }, { type: "pickExercise", exerciseId: "cat-cow" }, { type: "pickExercise", heard: "yoga & <stuff>" },
      { type: "howTo" }, { type: "howTo", exerciseId: "foam-roller" }, { type: "startRoutine", routineId: "quick", pace: "deeper" },
      { type: "stop" }, { type: "pause" }, { type: "sessionEnded" }, { type: "unsupported", what: "shuffling" },
      { type: "playbackStarted", token: "nonsense", offsetMs: 5 }, { type: "controllerNext" },
    ];
    let seed = 7;
    let state = initialState();
    for (let i = 0; i < 400; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const event = events[seed % events.length]!;
      const t = transition(ctx, state, event);
      checkSpeech(t.say.speech, `step ${i} ${event.type}`);
      if (t.say.speech && !t.say.endSession) expect(t.say.reprompt, `step ${i} ${event.type}`).toBeDefined();
      expect(parseState(JSON.parse(JSON.stringify(t.state)))).toEqual(t.state);
      state = t.state;
    }
  });

  it("keeps the pace inside gentle…deeper and remembers it", () => {
    let state = initialState();
    for (let i = 0; i < 3; i++) state = transition(ctx, state, { type: "slower" }).state;
    expect(state.pace).toBe("gentle");
    for (let i = 0; i < 5; i++) state = transition(ctx, state, { type: "faster" }).state;
    expect(state.pace).toBe("deeper");
  });

  it("pain ends the session on no, and moves on gently on yes", () => {
    const started = transition(ctx, initialState(), { type: "startRoutine" }).state;
    const hurt = transition(ctx, started, { type: "pain" });
    expect(hurt.say.endSession).toBe(false);
    expect(hurt.state.pending).toEqual({ kind: "pain" });
    expect(transition(ctx, hurt.state, { type: "no" }).say.endSession).toBe(true);
    const yes = transition(ctx, hurt.state, { type: "yes" });
    expect(yes.state.pace).toBe("gentle");
    expect(yes.state.progress?.index).toBe(1);
  });
});

describe("streak", () => {
  const s = (days: number, lastDay?: string): SkillState => ({ ...initialState(), streak: { days, lastDay } });
  it("starts at one, holds on the same day, grows the next day and restarts after a gap", () => {
    expect(recordCompletion(s(0), "2026-04-01").streak).toEqual({ days: 1, lastDay: "2026-04-01" });
    expect(recordCompletion(s(3, "2026-04-01"), "2026-04-01").streak.days).toBe(3);
    expect(recordCompletion(s(3, "2026-04-01"), "2026-04-02").streak.days).toBe(4);
    expect(recordCompletion(s(3, "2026-03-31"), "2026-04-02").streak.days).toBe(1);
    expect(recordCompletion(s(3, "2026-02-28"), "2026-03-01").streak.days).toBe(4);
  });
});

describe("stored state and tokens are read defensively", () => {
  it("turns junk into a fresh state and keeps the valid fields of a damaged one", () => {
    expect(parseState(null)).toEqual(initialState());
    expect(parseState("x")).toEqual(initialState());
    const damaged = parseState({ safetyNoteSeen: true, pace: "turbo", progress: { source: { kind: "routine" }, index: -1 }, completedSessions: 3 });
    expect(damaged).toMatchObject({ safetyNoteSeen: true, pace: "standard", completedSessions: 3 });
    expect(damaged.progress).toBeUndefined();
    expect(persistable({ ...initialState(), pending: { kind: "pain" } }).pending).toBeUndefined();
  });

  it("round-trips tokens and rejects anything else", () => {
    const pos = { source: { kind: "routine" as const, id: "upper-back" }, index: 3, pace: "gentle" as const };
    expect(parseToken(encodeToken(pos))).toEqual(pos);
    for (const bad of [undefined, 42, "", "ubr1:routine:upper-back:3", "ubr2:routine:upper-back:3:gentle", "ubr1:song:x:1:gentle",
      "ubr1:routine:Upper Back:1:gentle", "ubr1:routine:upper-back:-1:gentle", "ubr1:routine:upper-back:1:fast", "x".repeat(500)]) {
      expect(parseToken(bad)).toBeUndefined();
    }
  });
});
