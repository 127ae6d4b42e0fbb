// The interaction-model document, as SMAPI's InteractionModelData describes it: one type for the generator, the
// local router and every test that reads a checked-in model.

/** One value of a custom slot type: the id the skill sees and every name people say for it. */
export interface TypeValue {
  id: string;
  name: { value: string; synonyms: string[] };
}

/** One intent of the model: its slots and sample utterances (built-in intents may list custom samples too). */
export interface ModelIntent {
  name: string;
  slots?: { name: string; type: string }[];
  samples: string[];
}

/** The interaction model document (skill-package/interactionModels/custom/<locale>.json). */
export interface InteractionModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: ModelIntent[];
      types: { name: string; values: TypeValue[] }[];
    };
  };
}
