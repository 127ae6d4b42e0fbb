// Generates the interaction model from content: slot values are content ids with the names people say.
import { join } from "node:path";
import type { Catalog } from "../../content/load.js";
import { PACE_IDS } from "../../content/schema.js";
import { BUILTIN_INTENTS, CUSTOM_INTENTS } from "./intents.js";

export const INVOCATION_NAME = "upper back routine";
export const LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"] as const;

interface TypeValue {
  id: string;
  name: { value: string; synonyms: string[] };
}

/** The interaction model document, as SMAPI's InteractionModelData describes it. */
export interface InteractionModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; slots?: { name: string; type: string }[]; samples: string[] }[];
      types: { name: string; values: TypeValue[] }[];
    };
  };
}

/** Folder of the generated models, as ask-cli expects it. */
export function modelPath(root: string, locale: string): string {
  return join(root, "skill-package", "interactionModels", "custom", `${locale}.json`);
}

/** Lower case, hyphens as spaces, only letters, digits, apostrophes and single spaces: what Alexa accepts in slot values. */
export function spokenForm(text: string): string {
  return text.toLowerCase().replace(/[-_/]/g, " ").replace(/[^a-z0-9' ]/g, "").replace(/\s+/g, " ").trim();
}

function typeValue(id: string, title: string, synonyms: string[]): TypeValue {
  const value = spokenForm(title);
  const names = [...new Set([value, ...synonyms.map(spokenForm)])].filter((s) => s.length > 0);
  return { id, name: { value, synonyms: names } };
}

function slotTypes(catalog: Catalog): InteractionModel["interactionModel"]["languageModel"]["types"] {
  return [
    { name: "EXERCISE", values: [...catalog.exercises.values()].map((e) => typeValue(e.id, e.title, e.synonyms)) },
    { name: "ROUTINE", values: [...catalog.routines.values()].map((r) => typeValue(r.id, r.title, r.synonyms)) },
    { name: "PACE", values: PACE_IDS.map((id) => typeValue(id, catalog.paces[id].title, catalog.paces[id].synonyms)) },
  ];
}

/** Every way the samples break Alexa's rules, one message each (empty when the model is clean). */
export function sampleProblems(model: InteractionModel): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const intent of model.interactionModel.languageModel.intents) {
    const slotNames = new Set((intent.slots ?? []).map((s) => s.name));
    const used = new Set<string>();
    for (const sample of intent.samples) {
      const where = `${intent.name}: "${sample}"`;
      if (!/^[a-z' {}]+$/.test(sample)) problems.push(`${where}: only lower-case letters, apostrophes, spaces and {slots} (no "?", digits or punctuation)`);
      if (/^\s*\{[a-z]+\}\s*$/.test(sample)) problems.push(`${where}: a sample cannot be a slot alone; add carrier words`);
      if (sample !== sample.trim() || /\s{2}/.test(sample)) problems.push(`${where}: single spaces, none at the ends`);
      if (/\}\s*\{/.test(sample)) problems.push(`${where}: two slots side by side; put carrier words between them`);
      for (const [, slot] of sample.matchAll(/\{([a-zA-Z]+)\}/g)) {
        if (!slotNames.has(slot!)) problems.push(`${where}: slot {${slot}} is not declared on the intent`);
        used.add(slot!);
      }
      const key = sample.trim();
      const other = seen.get(key);
      if (other !== undefined) problems.push(`${where}: duplicate of a sample of ${other}; remove one`);
      seen.set(key, intent.name);
    }
    for (const slot of slotNames) if (!used.has(slot)) problems.push(`${intent.name}: slot ${slot} is used by no sample`);
  }
  for (const type of model.interactionModel.languageModel.types) {
    for (const value of type.values) {
      for (const name of [value.name.value, ...value.name.synonyms]) {
        if (!/^[a-z0-9' ]+$/.test(name)) problems.push(`${type.name} ${value.id}: "${name}" must be lower-case words`);
      }
    }
  }
  return problems;
}

/** Builds the model for one locale (all English locales share the same words today). */
export function buildInteractionModel(catalog: Catalog, _locale: string = "en-US"): InteractionModel {
  const intents = [
    ...CUSTOM_INTENTS.map((i) => ({
      name: i.name,
      ...(i.slots ? { slots: Object.entries(i.slots).map(([name, type]) => ({ name, type })) } : {}),
      samples: [...i.samples],
    })),
    ...BUILTIN_INTENTS.map((name) => ({ name, samples: [] as string[] })),
  ];
  const model: InteractionModel = { interactionModel: { languageModel: { invocationName: INVOCATION_NAME, intents, types: slotTypes(catalog) } } };
  const problems = sampleProblems(model);
  if (problems.length > 0) throw new Error(`Interaction model breaks Alexa's rules (fix skill/model/intents.ts or the content synonyms):\n${problems.join("\n")}`);
  return model;
}

/** The JSON text of every locale's model, exactly as checked in. */
export function renderModels(catalog: Catalog): Map<string, string> {
  return new Map(LOCALES.map((locale) => [locale, `${JSON.stringify(buildInteractionModel(catalog, locale), null, 2)}\n`]));
}
