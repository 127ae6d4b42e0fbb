// The NLU annotation sets (skill-package/nlu/<locale>.json, the format of Amazon's NLU Evaluation tool) run offline:
// every utterance is matched against that locale's generated model the way virtual-alexa matches, sent to the real
// skill mid-routine, and the skill's answer is checked. Pain must reach PainIntent every time and stop the exercise.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Utterance, type IModel } from "virtual-core";
import { loadCatalog } from "../../content/load.js";
import { LOCALES } from "../../skill/model/generate.js";
import { harness, ROOT, said } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
interface Annotation {
  inputs: { utterance: string; referenceTimestamp?: string };
  expected: { intent: { name: string; slots?: Record<string, { value: string }> } }[];
}

const catalog = loadCatalog();

function annotations(locale: string): Annotation[] {
  return (JSON.parse(readFileSync(join(ROOT, "skill-package", "nlu", `${locale}.json`), "utf8")) as { data: Annotation[] }).data;
}

/** What the skill must answer to an intent said in the middle of a routine. */
function answerProblem(intent: string, response: any): string | undefined {
  const text = said(response);
  const open = response.response.shouldEndSession === false;
  if (intent === "PainIntent") return text.includes("Stop the exercise now") ? undefined : `pain answered with "${text.slice(0, 80)}"`;
  if (/^AMAZON\.(Stop|Cancel)Intent$/.test(intent)) return open ? "stop left the session open" : undefined;
  if (text.includes("didn't catch that")) return `answered as not understood: "${text.slice(0, 80)}"`;
  return undefined;
}

describe.each(LOCALES)("NLU annotation set %s", (locale) => {
  const data = annotations(locale);

  it("holds at least 300 utterances, every one with an expected intent, pain well represented", () => {
    expect(data.length).toBeGreaterThanOrEqual(300);
    for (const a of data) expect(a.expected[0]?.intent.name, a.inputs.utterance).toMatch(/^(AMAZON\.)?[A-Za-z]+Intent$/);
    expect(data.filter((a) => a.expected[0]!.intent.name === "PainIntent").length).toBeGreaterThanOrEqual(60);
  });

  it("reaches the expected intent and slots for at least 95 %, every pain utterance reaches PainIntent, and the skill answers each", async () => {
    const { alexa } = harness({ locale, config: { catalog } });
    // virtual-alexa's own parsed model (not in its typings): the exact matcher `utter` uses, minus its launch-phrase guess.
    const model = (alexa.context() as unknown as { interactionModel(): IModel }).interactionModel();
    const misses: string[] = [];
    const painMisses: string[] = [];
    for (const a of data) {
      const expected = a.expected[0]!.intent;
      const text = a.inputs.utterance;
      const utterance = new Utterance(model, text);
      const got = utterance.matched() ? utterance.intent() : "(no match)";
      const slots: Record<string, string> = utterance.matched() ? (utterance.toJSON() as Record<string, string>) : {};
      const want = Object.fromEntries(Object.entries(expected.slots ?? {}).map(([k, v]) => [k, v.value]));
      // The `pain` phrase slot only carries free words around a word of pain; the intent is what matters there.
      const gotSlots = Object.fromEntries(Object.entries(slots).filter(([k, v]) => v && k !== "pain").map(([k, v]) => [k, v.trim()]));
      if (got !== expected.name || JSON.stringify(gotSlots) !== JSON.stringify(want)) {
        misses.push(`"${text}": expected ${expected.name} ${JSON.stringify(want)}, got ${got} ${JSON.stringify(gotSlots)}`);
        if (expected.name === "PainIntent" && got !== "PainIntent") painMisses.push(text);
        continue;
      }
      // Mid-routine, as people say these during an exercise; a fresh start for each so one answer cannot hide another.
      await alexa.endSession();
      await alexa.intend("StartRoutineIntent");
      const problem = answerProblem(got, await alexa.intend(got, slots));
      if (problem) misses.push(`"${text}": ${got}: ${problem}`);
    }
    expect(painMisses, "pain utterances that missed PainIntent").toEqual([]);
    const understood = (data.length - misses.length) / data.length;
    if (process.env.NLU_MISSES) console.log(misses.join("\n"));
    console.log(`NLU ${locale}: ${data.length - misses.length}/${data.length} (${(understood * 100).toFixed(1)} %) reach the expected intent, slots and answer`);
    expect(understood, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe("pain phrasings that no sample or annotation lists", () => {
  // Free words around a word of pain (the `pain` phrase slot) must still stop the exercise; ordinary talk must not.
  const unlisted = [
    "oh man that hurts", "my left side is really sore today", "the stretch hurts my back", "i think i've pulled my back",
    "hmm that's painful for me", "wow my arm is tingling now", "this one is killing my back", "ouch that was too far",
    "i have a burning feeling in my shoulders", "ow i felt that one", "my neck is stiff and sore", "you're hurting me",
  ];
  const ordinary = ["that was great", "i love this one", "next one please", "i'm ready", "what can i say", "start the desk break"];

  it.each(LOCALES)("%s: all reach PainIntent, and ordinary phrases do not", (locale) => {
    const { alexa } = harness({ locale, config: { catalog } });
    const model = (alexa.context() as unknown as { interactionModel(): IModel }).interactionModel();
    const intentOf = (text: string) => {
      const u = new Utterance(model, text);
      return u.matched() ? u.intent() : "(no match)";
    };
    expect(unlisted.filter((text) => intentOf(text) !== "PainIntent")).toEqual([]);
    expect(ordinary.filter((text) => intentOf(text) === "PainIntent")).toEqual([]);
  });
});
