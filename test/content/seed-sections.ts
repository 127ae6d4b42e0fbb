import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The source article every `seed:` quote must come from. */
export const SEED_FILE = fileURLToPath(new URL("../../content/source/seed-article.txt", import.meta.url));

/** What the seed says about one exercise, found by reading the article, not by a hand-copied list. */
export interface SeedSection {
  id: string;
  heading: string;
  /** The section's full text (used to check that quotes come from the right exercise). */
  text: string;
  /** Sentences of the bullet lines under step headings ("How to perform …", "1. Seated side bend stretch:"). */
  steps: string[];
  /** Sentences that state a hold or a repetition count. */
  doses: string[];
  /** Sentences that warn, stop or send the reader to a professional. */
  cautions: string[];
  /** Named variants: "1. Seated side bend stretch:" headings and labelled bullets of the foam-roller list. */
  variants: string[];
}

/** Same text for comparison: curly quotes as straight ones, runs of whitespace as one space. */
export function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}

/** Section headings look like "Cat-Cow: the benefits and effects of …" or "Foam Roller: benefits and effects of …". */
const SECTION_HEADING = /^(.+?): (?:the )?benefits (?:and|of)\b/;
/** The article's closing part that belongs to no exercise. */
const SECTION_END = /^Precautions and Tips for Exercising/;

/** Lines introducing a list of steps. */
const STEP_HEADING =
  /^(Here are the steps|How to perform|Performing the|How to do|Seated Thoracic Rotation:|\d\. .+:$|Here are some specific foam rolling exercises)/;
/** Headings naming a variant: numbered ("1. Seated side bend stretch:") or the one named example. */
const NAMED_VARIANT = /^(?:\d\. (.+)|(Seated Thoracic Rotation)):$/;
/** A list whose labelled bullets are variants ("- Thoracic spine roll: Lie on your back …"). */
const VARIANT_LIST = /^Here are some specific foam rolling exercises/;
/** A sentence stating a hold or repetitions. */
const DOSE = /^(Hold|Repeat|Perform)\b|\bthen repeat\b/;
/** A sentence that warns or refers to a professional. */
const CAUTION =
  /should not perform|\bstop\b|pregnant|talk to your doctor|consult|see a doctor|come out of the pose if you experience any pain|avoid pushing yourself too far|may not be suitable/i;

/** Kebab-case id from a section name: "Child’s Pose" → "childs-pose". */
export function sectionId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Splits a line into sentences and drops a leading bullet label such as "Sit comfortably:". */
export function sentences(line: string): string[] {
  const body = line.replace(/^-\s*/, "").replace(/^[A-Z][A-Za-z’' -]{0,40}:\s+(?=\S)/, "");
  return body
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads the seed article and returns one section per exercise, in the article's order. */
export function readSeedSections(file: string = SEED_FILE): SeedSection[] {
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const sections: SeedSection[] = [];
  let current: SeedSection | undefined;
  let inSteps = false;
  let inVariants = false;
  for (const raw of lines) {
    const line = raw.trim();
    const heading = SECTION_HEADING.exec(line);
    if (SECTION_END.test(line)) {
      current = undefined;
      continue;
    }
    if (heading) {
      const id = sectionId(heading[1]!);
      if (current?.id !== id) {
        current = { id, heading: line, text: "", steps: [], doses: [], cautions: [], variants: [] };
        sections.push(current);
      }
      inSteps = false;
      continue;
    }
    if (!current || line === "") continue;
    current.text += `${line}\n`;
    const bullet = line.startsWith("- ");
    if (STEP_HEADING.test(line)) {
      inSteps = true;
      inVariants = VARIANT_LIST.test(line);
      const named = NAMED_VARIANT.exec(line);
      if (named) current.variants.push((named[1] ?? named[2])!);
      continue;
    }
    if (!bullet) inSteps = inVariants = false;
    const label = /^- ([^:]{1,40}):/.exec(line);
    if (inVariants && label) current.variants.push(label[1]!);
    const found = sentences(line);
    if (inSteps && bullet) current.steps.push(...found);
    current.doses.push(...found.filter((s) => DOSE.test(s)));
    current.cautions.push(...found.filter((s) => CAUTION.test(s)));
  }
  return sections;
}
