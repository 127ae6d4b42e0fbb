// Generates the interaction model from content: slot values are content ids with the names people say.
import { join } from "node:path";
import type { Catalog } from "../../content/load.js";
import { PACE_IDS } from "../../content/schema.js";
import { BUILTIN_INTENTS, CUSTOM_INTENTS, type IntentSource } from "./intents.js";
import { LOCALE_SAMPLES } from "./locales.js";
import { BODY_PARTS } from "./pain.js";
import type { InteractionModel, ModelIntent, TypeValue } from "./types.js";

export type { InteractionModel };

const INVOCATION_NAME = "upper back routine";
export const LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"] as const;

/** Folder of the generated models, as ask-cli expects it. */
export function modelPath(root: string, locale: string): string {
  return join(root, "skill-package", "interactionModels", "custom", `${locale}.json`);
}

/** Lower case, hyphens as spaces, only letters, digits, apostrophes and single spaces: what Alexa accepts in slot values. */
function spokenForm(text: string): string {
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
    { name: "BODY_PART", values: Object.entries(BODY_PARTS).map(([id, names]) => typeValue(id, names[0]!, names)) },
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
      if (!/^([a-z' ]|\{[a-zA-Z]+\})+$/.test(sample)) problems.push(`${where}: only lower-case letters, apostrophes, spaces and {slots} (no "?", digits or punctuation)`);
      const alone = /^\s*\{([a-zA-Z]+)\}\s*$/.exec(sample)?.[1];
      const aloneType = intent.slots?.find((s) => s.name === alone)?.type;
      if (aloneType?.startsWith("AMAZON.")) problems.push(`${where}: only custom slot types may stand alone in a sample; add carrier words`);
      if (sample !== sample.trim() || /\s{2}/.test(sample)) problems.push(`${where}: single spaces, none at the ends`);
      const types = [...sample.matchAll(/\{([a-zA-Z]+)\}/g)].map(([, s]) => intent.slots?.find((d) => d.name === s)?.type);
      if (types.includes("AMAZON.SearchQuery") && types.length > 1) problems.push(`${where}: an AMAZON.SearchQuery slot must be the only slot of its sample`);
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

function modelIntent(name: string, source: IntentSource, extra: string[] = []): ModelIntent {
  return {
    name,
    ...(source.slots ? { slots: Object.entries(source.slots).map(([slot, type]) => ({ name: slot, type })) } : {}),
    samples: [...source.samples, ...extra],
  };
}

/** Builds the model for one locale: the shared samples plus that locale's own words. */
export function buildInteractionModel(catalog: Catalog, locale: (typeof LOCALES)[number] = "en-US"): InteractionModel {
  const local: Partial<Record<string, string[]>> = LOCALE_SAMPLES[locale];
  const intents = [
    ...Object.entries(CUSTOM_INTENTS).map(([name, source]) => modelIntent(name, source, local[name])),
    ...Object.entries(BUILTIN_INTENTS).map(([name, samples]) => modelIntent(name, { samples }, local[name])),
  ];
  const model: InteractionModel = { interactionModel: { languageModel: { invocationName: INVOCATION_NAME, intents, types: slotTypes(catalog) } } };
  const problems = sampleProblems(model);
  if (problems.length > 0) throw new Error(`Interaction model breaks Alexa's rules (fix skill/model/intents.ts, locales.ts, pain.ts or the content synonyms):\n${problems.join("\n")}`);
  return model;
}

/** The JSON text of every locale's model, exactly as checked in. */
export function renderModels(catalog: Catalog): Map<string, string> {
  return new Map(LOCALES.map((locale) => [locale, `${JSON.stringify(buildInteractionModel(catalog, locale), null, 2)}\n`]));
}
