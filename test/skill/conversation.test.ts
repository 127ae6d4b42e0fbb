// Conversations with the real skill on the real interaction model (virtual-alexa), every response rule-checked.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { harness, said } from "./harness.js";

const catalog = loadCatalog();
const routine = catalog.routines.get(catalog.defaultRoutineId)!;
const titles = routine.items.map((i) => catalog.exercises.get(i.exercise)!.title);

/* eslint-disable @typescript-eslint/no-explicit-any */
function headingOf(response: any): string {
  return /Exercise (\d+) of (\d+): ([^.]+)\./.exec(said(response))?.[0] ?? "";
}

describe("the guided routine by voice", () => {
  it("first launch: the safety note, one line on what to say, then 'ready to start?' before any exercise", async () => {
    const { alexa } = harness();
    const r: any = await alexa.utter("open upper back routine");
    const text = said(r);
    expect(text).toContain("not a substitute for professional medical advice");
    expect(text).toContain("if anything hurts, say: it hurts");
    expect(text).not.toContain("Exercise 1 of");
    expect(text).toMatch(/Ready to start the upper back routine\?$/);
    expect(r.response.shouldEndSession).toBe(false);
    const yes: any = await alexa.utter("yes");
    expect(said(yes)).toContain(`Exercise 1 of ${titles.length}: ${titles[0]}.`);
    expect(said(yes)).not.toContain("safety note");
    expect(said(yes)).toMatch(/Say next when you're ready\.$/);
    expect(said({ response: yes.response.reprompt })).toContain("say it hurts");
  });

  it("walks the whole routine with next, repeat, skip and previous, then counts the session", async () => {
    const { alexa, exchanges } = harness();
    await alexa.utter("start upper back routine");
    const seen: string[] = [];
    let r: any = await alexa.utter("repeat");
    expect(headingOf(r)).toBe(`Exercise 1 of ${titles.length}: ${titles[0]}.`);
    r = await alexa.utter("next");
    expect(headingOf(r)).toContain(`Exercise 2 of ${titles.length}`);
    r = await alexa.utter("go back");
    expect(headingOf(r)).toContain(`Exercise 1 of ${titles.length}`);
    r = await alexa.utter("skip this exercise");
    expect(said(r)).toContain(`Skipping ${titles[0]!.toLowerCase()}.`);
    expect(headingOf(r)).toContain(`Exercise 2 of ${titles.length}`);
    // From here on: next until the end; long exercises may take more than one response (same heading, no new one).
    for (let turn = 0; turn < 40 && r.response.shouldEndSession === false; turn++) {
      const h = headingOf(r);
      if (h) seen.push(h);
      r = await alexa.utter("next");
    }
    expect(r.response.shouldEndSession).toBe(true);
    expect(said(r)).toContain("You've finished the upper back routine");
    expect(said(r)).toContain("That's your first session.");
    expect(seen.at(-1)).toContain(`Exercise ${titles.length} of ${titles.length}: ${titles.at(-1)}`);
    expect(new Set(seen).size).toBe(titles.length - 1);
    expect(exchanges.length).toBeGreaterThan(titles.length);
  });

  it("starts over at the first exercise from anywhere", async () => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    await alexa.utter("skip");
    await alexa.utter("skip");
    const r: any = await alexa.utter("start over");
    expect(said(r)).toContain("Starting over.");
    expect(headingOf(r)).toContain("Exercise 1 of");
  });

  it("says it is the first exercise when asked for the previous one at the start", async () => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    const r: any = await alexa.utter("previous");
    expect(said(r)).toContain("This is the first exercise");
    expect(headingOf(r)).toContain("Exercise 1 of");
  });

  it("starts a named routine at a named pace", async () => {
    const { alexa } = harness();
    await alexa.launch();
    const r: any = await alexa.utter("start the desk break at a gentle pace");
    expect(said(r)).toContain("Starting the desk break at the gentle pace.");
    const desk = catalog.routines.get("desk-break")!;
    expect(headingOf(r)).toBe(`Exercise 1 of ${desk.items.length}: ${catalog.exercises.get(desk.items[0]!.exercise)!.title}.`);
  });
});

describe("picking an exercise by voice", () => {
  const names: [string, string, string][] = [...catalog.exercises.values()].map((e) => {
    const spoken = [...new Set(e.synonyms.map((s) => s.toLowerCase()))];
    return [e.id, spoken[0]!, spoken.at(-1)!];
  });

  it.each(names)("plays %s when asked for '%s' or '%s'", async (id, first, second) => {
    const title = catalog.exercises.get(id)!.title;
    for (const name of [first, second]) {
      const { alexa } = harness();
      await alexa.launch();
      const r: any = await alexa.utter(`for ${name}`);
      expect(r.response.shouldEndSession).toBe(false);
      expect(said(r)).toContain(`${title}.`);
      expect(said(r)).toMatch(/Say next when you're ready\.$/);
    }
  });

  it("plays an exercise said as a one-shot: 'ask upper back routine to do the cat cow'", async () => {
    const { alexa } = harness();
    const r: any = await alexa.utter("ask upper back routine to do the cat cow");
    expect(said(r)).toContain(`${catalog.exercises.get("cat-cow")!.title}.`);
    expect(said(r)).toContain("not a substitute for professional medical advice");
  });

  it("answers an unknown exercise name with what exists and a question, echoing the name escaped exactly once", async () => {
    const { alexa } = harness();
    await alexa.launch();
    const r: any = await alexa.intend("PickExerciseIntent", { exercise: "bench press & <squats>" });
    const ssml: string = r.response.outputSpeech.ssml;
    expect(ssml).toContain("bench press &amp; &lt;squats&gt;");
    expect(said(r)).toContain("I don't know an exercise called bench press & <squats>.");
    expect(said(r)).toMatch(/Which would you like\?$/);
    expect(r.response.shouldEndSession).toBe(false);
  });

  it("speaks child's pose with its apostrophe escaped once", async () => {
    const { alexa } = harness();
    await alexa.launch();
    const r: any = await alexa.utter("how do i do child's pose");
    expect(r.response.outputSpeech.ssml).toContain("child&apos;s pose");
    expect(r.response.outputSpeech.ssml).not.toContain("&amp;apos;");
    expect(said(r)).toContain("Would you like to do it now?");
    const yes: any = await alexa.utter("yes");
    expect(said(yes)).toContain(`${catalog.exercises.get("childs-pose")!.title}.`);
  });

  it("lists the exercises when asked", async () => {
    const { alexa } = harness();
    await alexa.launch();
    const r: any = await alexa.utter("what exercises are there");
    for (const t of titles) expect(said(r)).toContain(t.toLowerCase());
  });
});

describe("safety, pace and the built-ins", () => {
  it("stops at once on 'it hurts' mid-exercise, advises a professional, then goes on gently on yes", async () => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    await alexa.utter("next");
    const r: any = await alexa.utter("it hurts");
    const text = said(r);
    expect(text).toMatch(/^Stop the exercise now/);
    expect(text).toContain("If the pain persists");
    expect(text).toContain("doctor or a physiotherapist");
    expect(text).toContain("gentler pace");
    expect(text).not.toContain("Exercise 2 of");
    const yes: any = await alexa.utter("yes");
    expect(said(yes)).toContain("gently");
    expect(headingOf(yes)).toContain("Exercise 3 of");
  });

  it("ends kindly on 'it hurts' during a single exercise, with nothing left to go on to", async () => {
    const { alexa } = harness();
    const first: any = await alexa.utter("ask upper back routine to do the cat cow");
    expect(said(first)).not.toContain("Exercise 1 of");
    const r: any = await alexa.utter("it hurts");
    const text = said(r);
    expect(text).toMatch(/^Stop the exercise now/);
    expect(text).toContain("doctor or a physiotherapist");
    expect(text).not.toContain("gentler pace");
    expect(text).toContain("Let's stop here for today.");
    expect(r.response.shouldEndSession).toBe(true);
  });

  it("ends the session when the user declines to go on after pain", async () => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    await alexa.utter("ouch");
    const r: any = await alexa.utter("no");
    expect(r.response.shouldEndSession).toBe(true);
    expect(said(r)).toContain("if the pain persists");
  });

  it("slows down and speeds up within the paces, and says so at the limits", async () => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    let r: any = await alexa.utter("slower");
    expect(said(r)).toContain("gentle pace");
    r = await alexa.utter("slow down");
    expect(said(r)).toContain("already at the gentlest pace");
    r = await alexa.utter("faster");
    r = await alexa.utter("faster");
    expect(said(r)).toContain("deeper pace");
    r = await alexa.utter("go faster");
    expect(said(r)).toContain("already at the deepest pace");
  });

  it("helps with what people can ask, and keeps the session open", async () => {
    const { alexa } = harness();
    await alexa.launch();
    const r: any = await alexa.utter("help");
    expect(said(r)).toContain("You can say start the routine");
    expect(said(r)).toContain("it hurts");
    expect(r.response.shouldEndSession).toBe(false);
  });

  it.each(["stop", "cancel"])("exits on %s", async (word) => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    const r: any = await alexa.utter(word);
    expect(r.response.shouldEndSession).toBe(true);
    expect(said(r)).toContain("I couldn't save your place this time"); // no persistence here: no "saved" claim
  });

  it("answers the fallback intent with what to say, keeping the place", async () => {
    const { alexa } = harness();
    await alexa.utter("start upper back routine");
    const r: any = await alexa.intend("AMAZON.FallbackIntent");
    expect(said(r)).toContain("Sorry, I didn't catch that.");
    expect(said(r)).toContain("Say next to go on");
    const next: any = await alexa.utter("next");
    expect(headingOf(next)).toContain("Exercise 2 of");
  });

  it("answers loop and shuffle politely instead of failing", async () => {
    const { alexa } = harness();
    await alexa.launch();
    const r: any = await alexa.intend("AMAZON.ShuffleOnIntent");
    expect(said(r)).toContain("isn't something this skill can do");
  });

  it("answers session end with an empty response", async () => {
    const { alexa, exchanges } = harness();
    await alexa.launch();
    await alexa.endSession();
    const last = exchanges.at(-1)!;
    expect(last.request.request.type).toBe("SessionEndedRequest");
    expect(last.response.response.outputSpeech).toBeUndefined();
  });
});
