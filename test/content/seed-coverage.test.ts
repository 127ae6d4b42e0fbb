import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCatalog } from "../../content/load.js";
import { Exercise, Line, Range } from "../../content/schema.js";
import { normalise, readSeedSections, SEED_FILE } from "./seed-sections.js";

// Proves nothing of the seed is lost and nothing invented is labelled as sourced. The YAML is read
// with the `yaml` package directly so this test does not depend on the loader's behaviour.

const CONTENT = fileURLToPath(new URL("../../content/", import.meta.url));
const seedText = readFileSync(SEED_FILE, "utf8");
const sections = readSeedSections();

type Node = Record<string, unknown>;
const readYaml = (file: string): Node => parse(readFileSync(file, "utf8")) as Node;
const yamlIn = (dir: string): Map<string, Node> =>
  new Map(readdirSync(`${CONTENT}${dir}`).filter((f) => f.endsWith(".yaml")).map((f) => [f.replace(/\.yaml$/, ""), readYaml(`${CONTENT}${dir}/${f}`)]));
const exercises = yamlIn("exercises");
const routines = yamlIn("routines");

/** Every object in a YAML tree with its dotted path. */
function objects(value: unknown, path = ""): { path: string; node: Node }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, `${path}.${i}`));
  if (value === null || typeof value !== "object") return [];
  const node = value as Node;
  return [{ path, node }, ...Object.entries(node).flatMap(([k, v]) => objects(v, path ? `${path}.${k}` : k))];
}

const quotes = (tree: unknown): string[] =>
  objects(tree).flatMap(({ node }) => (typeof node.seed === "string" ? [node.seed] : []));
const cautionQuotes = (ex: Node): string[] => quotes(ex.cautions);
const variants = (ex: Node): Node[] => ex.variants as Node[];
const rangeQuotes = (ex: Node): string[] => variants(ex).flatMap((v) => quotes([v.hold, v.reps]));
const covered = (sentence: string, among: string[]): boolean => among.some((q) => normalise(q).includes(normalise(sentence)));

/** Numbers a quote states, in seconds or counts: "1 minute" is 60. */
function statedNumbers(quote: string): Set<number> {
  const found = new Set([...quote.matchAll(/\d+/g)].map((m) => Number(m[0])));
  for (const m of quote.matchAll(/(\d+) minutes?\b/g)) found.add(Number(m[1]) * 60);
  return found;
}
/** "several minutes" has no number; the content reads it as 2 to 5 minutes and says so in a comment. */
const SEVERAL_MINUTES = { min: 120, max: 300 };

describe("the seed parser", () => {
  it("finds the ten exercise sections in the article's order, under the content's ids", () => {
    expect(sections.map((s) => s.id).sort()).toEqual([...exercises.keys()].sort());
  });

  it("finds each section's step sentences, doses and cautions (guards the parser against silently finding nothing)", () => {
    const counts = Object.fromEntries(sections.map((s) => [s.id, [s.steps.length, s.doses.length, s.cautions.length]]));
    expect(counts).toEqual({
      "neck-rotation": [6, 3, 2],
      "chest-expansion": [6, 2, 2],
      "seated-twist": [0, 2, 3],
      "cat-cow": [8, 1, 2],
      "shoulder-blade-squeeze": [4, 2, 2],
      "childs-pose": [7, 1, 3],
      "upper-trapezius-stretch": [7, 2, 2],
      "thoracic-spine-rotation": [4, 2, 2],
      "lat-pulldown-with-towel": [0, 0, 3],
      "foam-roller": [6, 0, 2],
    });
  });
});

describe.each(sections.map((s) => [s.id, s] as const))("seed coverage of %s", (id, section) => {
  const ex = exercises.get(id)!;

  it("quotes every step sentence of the seed in a seed: field", () => {
    expect(section.steps.filter((s) => !covered(s, quotes(ex)))).toEqual([]);
  });

  it("quotes every hold and repetition sentence, and those with numbers in a hold or reps range", () => {
    expect(section.doses.filter((s) => !covered(s, quotes(ex)))).toEqual([]);
    const numeric = section.doses.filter((s) => /\d/.test(s));
    expect(numeric.filter((s) => !covered(s, rangeQuotes(ex)))).toEqual([]);
  });

  it("quotes every caution of the seed in cautions", () => {
    expect(section.cautions.filter((s) => !covered(s, cautionQuotes(ex)))).toEqual([]);
  });

  it("has a variant for every variant the seed names, titled as the seed titles it", () => {
    const titles = variants(ex).filter((v) => v.titleSource === "seed").map((v) => String(v.title).toLowerCase());
    expect(section.variants.map((v) => v.toLowerCase()).filter((v) => !titles.includes(v))).toEqual([]);
  });

  it("takes every seed: quote verbatim, as whole sentences, from this exercise's own section", () => {
    const body = section.text.replace(/\s+/g, " ");
    for (const quote of quotes(ex)) {
      const q = quote.replace(/\s+/g, " ").trim();
      const hint = normalise(body).includes(normalise(q)) ? " (quote the seed's curly apostrophes ’ exactly)" : "";
      expect(body.includes(q), `not verbatim in the ${id} section${hint}: ${q}`).toBe(true);
      const before = body.slice(0, body.indexOf(q));
      expect(before === "" || /(^|[.:!?)]|^- |\s- )\s*$/.test(before) || before.endsWith("- "), `does not start a sentence: ${q}`).toBe(true);
      expect(/[.!?:)]$/.test(q), `does not end a sentence: ${q}`).toBe(true);
    }
  });

  it("states the min and max of every sourced range in its quote; ranges without numbers are authored", () => {
    for (const v of variants(ex)) {
      for (const r of [v.hold, v.reps] as (Node | undefined)[]) {
        if (!r || typeof r.seed !== "string") continue;
        const stated = statedNumbers(r.seed);
        const { min, max } = r as { min: number; max: number };
        expect(stated.has(min), `${id}.${String(v.id)}: ${min} not stated in "${r.seed}"`).toBe(true);
        const several = /several minutes/.test(r.seed) && max >= SEVERAL_MINUTES.min && max <= SEVERAL_MINUTES.max;
        expect(stated.has(max) || several, `${id}.${String(v.id)}: ${max} not stated in "${r.seed}"`).toBe(true);
      }
    }
  });

  it("marks as authored what the seed leaves out (steps of an exercise the seed gives none for)", () => {
    const phases = variants(ex).flatMap((v) => [...((v.setup as Node[] | undefined) ?? []), ...(v.rep as Node[])]);
    if (section.steps.length === 0) expect(phases.some((p) => p.authored === true)).toBe(true);
    if (section.doses.length === 0) {
      for (const v of variants(ex)) expect((v.reps as Node).authored, `${id}.${String(v.id)}.reps`).toBe(true);
    }
  });
});

describe("authored versus sourced", () => {
  it("gives every spoken line and range of the content exactly one of seed or authored: true", () => {
    const bad: string[] = [];
    for (const [id, tree] of [...exercises, ...routines]) {
      for (const { path, node } of objects(tree)) {
        const sayable = "say" in node || ("min" in node && "max" in node);
        if (sayable && ("seed" in node) === (node.authored === true)) bad.push(`${id}:${path}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("rejects a line or a range with neither seed nor authored, and an Exercise containing one", () => {
    expect(Line.safeParse({ say: "Sit tall." }).success).toBe(false);
    expect(Range.safeParse({ min: 5, max: 10 }).success).toBe(false);
    expect(Line.safeParse({ say: "Sit tall.", seed: "x", authored: true }).success).toBe(false);
    const sample = structuredClone(exercises.get("neck-rotation")!) as { variants: { setup: Node[] }[] };
    delete sample.variants[0]!.setup[0]!.seed;
    const result = Exercise.safeParse(sample);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join(".")).toBe("variants.0.setup.0");
  });

  it("accepts the exercise files as the schema defines them", () => {
    for (const [id, tree] of exercises) expect(Exercise.safeParse(tree).error?.issues ?? [], id).toEqual([]);
  });
});

describe("what is spoken", () => {
  const spoken = [...exercises].flatMap(([id, tree]) =>
    objects(tree).flatMap(({ path, node }) =>
      (["say", "cue"] as const).flatMap((k) => (typeof node[k] === "string" ? [{ at: `${id}:${path}.${k}`, text: node[k] }] : [])),
    ),
  );

  it("reads naturally aloud: no brackets, no number ranges, straight apostrophes, a full stop at the end", () => {
    const bad = spoken.filter(({ text }) => /[()[\]’“”]|\d+\s*-\s*\d+/.test(text) || !/[.!?]$/.test(text));
    expect(bad).toEqual([]);
  });

  it("never claims to cure", () => {
    expect(spoken.filter(({ text }) => /\bcur(e|es|ed|ing)\b/i.test(text))).toEqual([]);
  });

  it("has at least one stop-on-pain caution in every exercise", () => {
    for (const [id, ex] of exercises) expect((ex.cautions as Node[]).some((c) => c.kind === "stop-on-pain"), id).toBe(true);
  });
});

describe("synonyms", () => {
  const owners = [...exercises, ...routines].flatMap(([id, tree]) => ((tree.synonyms as string[]) ?? []).map((s) => ({ id, s })));
  // Titles are slot values too, in the spoken form the interaction model uses.
  const titles = [...exercises, ...routines].map(([id, tree]) => ({ id, s: String(tree.title).toLowerCase().replace(/-/g, " ") }));
  const paces = Object.entries(readYaml(`${CONTENT}paces.yaml`)).flatMap(([id, p]) => ((p as Node).synonyms as string[]).map((s) => ({ id, s })));

  it("gives every exercise and routine at least three, lower case, letters, spaces and apostrophes only", () => {
    for (const [id, tree] of [...exercises, ...routines]) expect(((tree.synonyms as string[]) ?? []).length, id).toBeGreaterThanOrEqual(3);
    expect(owners.filter(({ s }) => !/^[a-z][a-z' ]*[a-z]$/.test(s))).toEqual([]);
  });

  const clashes = (names: { id: string; s: string }[]): string[] => {
    const seen = new Map<string, string>();
    const found: string[] = [];
    for (const { id, s } of names) {
      if (seen.has(s) && seen.get(s) !== id) found.push(`${s}: ${seen.get(s)} and ${id}`);
      seen.set(s, id);
    }
    return found;
  };

  it("never gives the same name (synonym or title) to two exercises or routines, or to two paces", () => {
    expect(clashes([...owners, ...titles])).toEqual([]);
    expect(clashes(paces)).toEqual([]);
    expect(paces.filter(({ s }) => !/^[a-z][a-z' ]*[a-z]$/.test(s))).toEqual([]);
  });
});

describe("the catalogue", () => {
  it("loads all ten exercises, four routines and three paces through the loader", () => {
    const catalog = loadCatalog();
    expect([...catalog.exercises.keys()].sort()).toEqual(sections.map((s) => s.id).sort());
    expect([...catalog.routines.keys()].sort()).toEqual(["desk-break", "floor", "quick", "upper-back"]);
    expect(catalog.defaultRoutineId).toBe("upper-back");
    expect(catalog.paces.gentle.holdFraction).toBe(0);
    expect(catalog.paces.deeper.holdFraction).toBeGreaterThan(catalog.paces.standard.holdFraction);
  });

  it("has the full routine do all ten exercises with every variant, seated and standing ones before the floor", () => {
    const items = routines.get("upper-back")!.items as Node[];
    expect(items.map((i) => i.exercise).sort()).toEqual(sections.map((s) => s.id).sort());
    expect(items.filter((i) => i.variants !== undefined)).toEqual([]);
    const floor = (i: Node) => (exercises.get(String(i.exercise))!.positions as string[]).some((p) => ["kneeling", "lying", "hands-and-knees"].includes(p));
    const firstFloor = items.findIndex(floor);
    expect(items.slice(firstFloor).every(floor)).toBe(true);
  });

  it("keeps the desk break to a chair: seated or standing, no floor, doorway or towel", () => {
    for (const item of routines.get("desk-break")!.items as Node[]) {
      const ex = exercises.get(String(item.exercise))!;
      const chosen = variants(ex).filter((v) => !item.variants || (item.variants as string[]).includes(String(v.id)));
      const deskOnly = (ex.positions as string[]).every((p) => p === "seated" || p === "standing") && (ex.equipment as string[]).every((e) => e === "chair");
      // Variant-level positions are not in the schema: the one mixed exercise must pick its seated variant.
      expect(deskOnly || chosen.every((v) => v.id === "seated-side-bend"), String(item.exercise)).toBe(true);
    }
  });

  it("keeps the floor routine to mat and foam-roller exercises", () => {
    for (const item of routines.get("floor")!.items as Node[]) {
      const equipment = exercises.get(String(item.exercise))!.equipment as string[];
      expect(equipment.some((e) => e === "mat" || e === "foam-roller"), String(item.exercise)).toBe(true);
    }
  });
});

it("reads the seed from the shared seed file", () => {
  expect(seedText).toContain("10 effective exercises to reduce upper back pain at home");
});
