// The coach's script as a listener hears it: count-downs a second apart, what's next during each rest,
// equipment named before it is needed, each caution once, whole sentences, varied cue words.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS } from "../../content/schema.js";
import type { Cue, Timeline } from "../../content/timeline.js";

const catalog = loadCatalog();
const routineIds = [...catalog.routines.keys()];
const exerciseIds = [...catalog.exercises.keys()];
const everyTrack: Timeline[] = PACE_IDS.flatMap((pace) => [
  ...routineIds.map((id) => planRoutine(catalog, id, pace)),
  ...exerciseIds.map((id) => planExercise(catalog, id, pace)),
]);
type Speech = Extract<Cue, { type: "speech" }>;
const spoken = (t: Timeline): Speech[] => t.cues.filter((c): c is Speech => c.type === "speech");
const name = (t: Timeline) => `${t.kind} ${t.id} at ${t.pace}`;

describe("count-downs", () => {
  it("give each number its own cue in a one-second slot, three-two-one, ending on the chime", () => {
    let countdowns = 0;
    for (const t of everyTrack) {
      t.cues.forEach((cue, i) => {
        if (cue.type !== "speech" || cue.slotMs === undefined) return;
        expect(cue.slotMs, name(t)).toBe(1000);
        expect(cue.text.split(/\s+/), `${name(t)}: one short word per slot`).toHaveLength(1);
        if (cue.text !== "Three.") return;
        countdowns++;
        expect(t.cues.slice(i, i + 4).map((c) => (c.type === "speech" ? `${c.text}/${c.slotMs}` : c.type)), name(t)).toEqual([
          "Three./1000",
          "Two./1000",
          "One./1000",
          "chime",
        ]);
      });
      expect(spoken(t).filter((c) => /three, two, one/i.test(c.text)), name(t)).toEqual([]);
    }
    expect(countdowns).toBeGreaterThan(0);
  });

  it("keeps the bare numbers for count-downs: a repetition is counted 'And two.', so the manifest tells them apart", () => {
    for (const t of everyTrack) {
      const bare = spoken(t).filter((c) => /^(Three|Two|One)\.$/.test(c.text));
      expect(bare.filter((c) => c.slotMs === undefined).map((c) => c.text), name(t)).toEqual([]);
    }
    expect(spoken(planExercise(catalog, "cat-cow", "standard")).map((c) => c.text)).toContain("And two.");
  });
});

describe("rests and equipment", () => {
  it.each(routineIds)("%s: every rest says what comes next, with its position, before the pause", (id) => {
    for (const pace of PACE_IDS) {
      const cues = planRoutine(catalog, id, pace).cues;
      const rests = cues.flatMap((c, i) => (c.type === "pause" && c.purpose === "rest" ? [i] : []));
      expect(rests).toHaveLength(catalog.routines.get(id)!.items.length - 1);
      for (const i of rests) {
        const line = cues[i - 1]!;
        const next = cues.slice(i).find((c) => c.type === "chapter")!;
        expect(line.type).toBe("speech");
        expect((line as Speech).text.toLowerCase()).toContain(`next up: ${(next as { title: string }).title.toLowerCase()},`);
      }
    }
  });

  it.each(routineIds)("%s: names all equipment and the starting position in the introduction, and new equipment again before it is needed, with time to fetch it", (id) => {
    const routine = catalog.routines.get(id)!;
    const t = planRoutine(catalog, id, "standard");
    const intro = spoken(t).filter((c) => c.role === "intro").map((c) => c.text).join(" ");
    expect(intro).toMatch(/The first exercise is done (sitting|standing|on your hands and knees|kneeling|lying)/);
    const seen = new Set<string>();
    routine.items.forEach((item, index) => {
      const exercise = catalog.exercises.get(item.exercise)!;
      const variants = exercise.variants.filter((v) => !item.variants || item.variants.includes(v.id));
      const needs = [...new Set(variants.flatMap((v) => v.equipment ?? exercise.equipment))];
      for (const e of needs) expect(intro, `${id}: ${e} in the introduction`).toContain(e.replace("-", " "));
      const fresh = needs.filter((e) => !seen.has(e));
      needs.forEach((e) => seen.add(e));
      if (index === 0 || fresh.length === 0) return;
      const at = t.cues.findIndex((c) => c.type === "chapter" && c.exerciseId === exercise.id);
      const rest = t.cues[at - 1] as Extract<Cue, { type: "pause" }>;
      const line = t.cues[at - 2] as Speech;
      for (const e of fresh) expect(line.text, `${id}: ${e} before ${exercise.id}`).toMatch(new RegExp(`You'll need .*${e.replace("-", " ")}`));
      expect(rest.ms, `${id}: time to fetch before ${exercise.id}`).toBeGreaterThan(catalog.paces.standard.restSeconds * 1000);
    });
  });

  it("names the equipment and the position at the start of a single exercise", () => {
    expect(spoken(planExercise(catalog, "foam-roller", "standard")).map((c) => c.text)).toContain(
      "For this one you'll need a foam roller and a mat, and you'll be lying on your back.",
    );
    expect(spoken(planExercise(catalog, "neck-rotation", "standard")).map((c) => c.text)).toContain("You can do this one sitting or standing.");
  });
});

describe("cautions", () => {
  it("says the general safety note once, and no caution twice, in every track", () => {
    const general = catalog.safety.intro.map((l) => l.say);
    for (const t of everyTrack) {
      const texts = spoken(t).map((c) => c.text);
      for (const line of general) expect(texts.filter((x) => x === line), name(t)).toHaveLength(1);
      const cautions = spoken(t).filter((c) => c.role === "caution").map((c) => c.text);
      expect(new Set(cautions).size, name(t)).toBe(cautions.length);
    }
  });

  it("keeps every contraindication where its exercise is done: no neck turns with neck pain, the doctor when pregnant", () => {
    for (const t of everyTrack) {
      const texts = spoken(t).map((c) => c.text);
      const ids = t.cues.flatMap((c) => (c.type === "chapter" && c.exerciseId ? [c.exerciseId] : []));
      for (const id of ids) {
        for (const caution of catalog.exercises.get(id)!.cautions.filter((c) => c.kind === "contraindication")) {
          expect(texts, `${name(t)}: ${id}`).toContain(caution.say);
        }
      }
      if (ids.includes("neck-rotation")) expect(texts.join(" "), name(t)).toMatch(/pain in your neck or shoulders, skip this exercise/);
      if (ids.includes("seated-twist")) expect(texts.join(" "), name(t)).toMatch(/pregnant, injured.*talk to your doctor/);
    }
  });

  it("lets the general note stand for each exercise's 'stop if it hurts' in a routine, and says the exercise's own on its own track", () => {
    for (const e of catalog.exercises.values()) {
      const own = e.cautions.filter((c) => c.kind === "stop-on-pain").map((c) => c.say);
      expect(spoken(planExercise(catalog, e.id, "standard")).map((c) => c.text), e.id).toEqual(expect.arrayContaining(own));
    }
    const full = spoken(planRoutine(catalog, "upper-back", "standard")).map((c) => c.text);
    const stops = [...catalog.exercises.values()].flatMap((e) => e.cautions.filter((c) => c.kind === "stop-on-pain").map((c) => c.say));
    expect(full.filter((t) => stops.includes(t))).toEqual([]);
  });

  it("says one check-with-a-professional line per session, not one per exercise", () => {
    for (const t of everyTrack) {
      const consult = new Set([...catalog.exercises.values()].flatMap((e) => e.cautions.filter((c) => c.kind === "consult").map((c) => c.say)));
      expect(spoken(t).filter((c) => consult.has(c.text)).length, name(t)).toBeLessThanOrEqual(1);
    }
  });

  it("tells people to stop if it hurts in every track, and never claims to cure", () => {
    for (const t of everyTrack) {
      const said = spoken(t).map((c) => c.text).join(" ");
      expect(said, name(t)).toMatch(/If anything hurts, stop/);
      expect(said, name(t)).not.toMatch(/\bcur(e|es|ed|ing)\b/i);
    }
  });
});

describe("whole sentences, varied words", () => {
  it("speaks no fragments: every line but a counted number or a title is a sentence of three words or more", () => {
    for (const t of everyTrack) {
      const short = spoken(t).filter((c) => c.role !== "count" && c.role !== "title" && c.text.split(/\s+/).length < 3);
      expect(short.map((c) => c.text), name(t)).toEqual([]);
    }
  });

  it("never praises twice in a row: the routine's ending is its only praise after the last exercise", () => {
    const praise = /well done|nicely done|good work|nice work/i;
    for (const t of everyTrack) {
      const texts = spoken(t).map((c) => c.text);
      texts.forEach((text, i) => {
        if (i > 0 && praise.test(text)) expect(praise.test(texts[i - 1]!), `${name(t)}: "${texts[i - 1]}" then "${text}"`).toBe(false);
      });
    }
  });

  it("varies the coach's repeated lines: no coach line more than ten times in the full routine", () => {
    for (const pace of PACE_IDS) {
      const counts = new Map<string, number>();
      for (const c of spoken(planRoutine(catalog, "upper-back", pace))) if (c.role === "coach") counts.set(c.text, (counts.get(c.text) ?? 0) + 1);
      const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      expect(n, `${pace}: "${top}"`).toBeLessThanOrEqual(10);
      expect(counts.get("Hold.") ?? 0).toBe(0);
    }
  });
});
