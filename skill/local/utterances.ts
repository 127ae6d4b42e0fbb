// A small natural-language router over the skill's own interaction model (skill-package/.../<locale>.json): typed
// utterances become intents with slots and entity resolutions, the way Alexa would fill them for these samples.
// Deliberately simple (exact sample shapes, catalog synonyms): a developer tool, not a speech recogniser.
import type { Slot } from "ask-sdk-model";

import type { InteractionModel, ModelIntent } from "../model/types.js";

export type { InteractionModel };
type ModelSlot = NonNullable<ModelIntent["slots"]>[number];

/** The router's verdict for one utterance. */
export type Routed =
  | { kind: "launch" }
  | { kind: "intent"; name: string; slots: Record<string, Slot>; oneShot: boolean };

// What people say for Amazon's built-in intents (Alexa trains these itself; the model lists only our extensions).
const BUILT_IN_PHRASES: Record<string, string[]> = {
  "AMAZON.HelpIntent": ["help", "help me", "what can i say", "what can i do", "what do i do"],
  "AMAZON.StopIntent": ["stop", "quit", "exit", "off", "shut up", "goodbye", "bye"],
  "AMAZON.CancelIntent": ["cancel", "never mind", "nevermind", "forget it"],
  "AMAZON.NextIntent": ["next", "next one", "next exercise", "go to the next one", "move on"],
  "AMAZON.PreviousIntent": ["previous", "go back", "back", "previous one", "last one", "previous exercise"],
  "AMAZON.RepeatIntent": ["repeat", "repeat that", "say that again", "again", "what did you say"],
  "AMAZON.StartOverIntent": ["start over", "restart", "start again", "from the beginning"],
  "AMAZON.PauseIntent": ["pause", "hold on", "wait"],
  "AMAZON.ResumeIntent": ["resume", "continue", "keep going", "go on", "unpause"],
  "AMAZON.YesIntent": ["yes", "yeah", "yep", "sure", "ok", "okay", "yes please", "alright", "please do"],
  "AMAZON.NoIntent": ["no", "nope", "no thanks", "no thank you", "not now"],
  "AMAZON.NavigateHomeIntent": ["go home", "home"],
  "AMAZON.LoopOnIntent": ["loop on", "turn on loop"],
  "AMAZON.LoopOffIntent": ["loop off", "turn off loop"],
  "AMAZON.ShuffleOnIntent": ["shuffle on", "shuffle"],
  "AMAZON.ShuffleOffIntent": ["shuffle off", "stop shuffling"],
};

/** Lower-case words without punctuation, as Alexa hands a skill its transcriptions. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface Pattern {
  intent: string;
  regex: RegExp;
  slots: ModelSlot[];
  literalLength: number;
}

/** Routes utterances through one interaction model. */
export class UtteranceRouter {
  private readonly patterns: Pattern[] = [];
  private readonly types = new Map<string, Map<string, { id: string; value: string }>>();
  /** The invocation name, normalised ("upper back routine"). */
  readonly invocationName: string;
  private readonly hasFallback: boolean;
  private readonly skillId: string;

  constructor(model: InteractionModel, skillId = "amzn1.ask.skill.local") {
    const language = model.interactionModel.languageModel;
    this.invocationName = normalise(language.invocationName);
    this.skillId = skillId;
    for (const type of language.types) {
      const words = new Map<string, { id: string; value: string }>();
      for (const v of type.values) {
        const entry = { id: v.id ?? v.name.value, value: v.name.value };
        for (const said of [v.name.value, ...(v.name.synonyms ?? [])]) words.set(normalise(said), entry);
      }
      this.types.set(type.name, words);
    }
    const declared = new Set(language.intents.map((i) => i.name));
    this.hasFallback = declared.has("AMAZON.FallbackIntent");
    for (const intent of language.intents) {
      const samples = [...(intent.samples ?? []), ...(BUILT_IN_PHRASES[intent.name] ?? [])];
      for (const sample of samples) this.patterns.push(this.compile(intent, sample));
    }
  }

  private compile(intent: ModelIntent, sample: string): Pattern {
    const slots: ModelSlot[] = [];
    let literalLength = 0;
    // Whole words only: literals and slots are joined by whitespace, so "do {exercise}" never matches "doorway".
    const tokens = sample
      .split(/(\{\w+\})/)
      .flatMap((part) => {
        const slotName = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!slotName) return normalise(part).split(" ").filter(Boolean);
        const slot = intent.slots?.find((s) => s.name === slotName);
        if (!slot) throw new Error(`interaction model: intent ${intent.name} sample "${sample}" names slot {${slotName}} it does not declare`);
        slots.push(slot);
        return [null];
      })
      .map((word) => {
        if (word === null) return "(.+?)";
        literalLength += word.length;
        return escapeRegExp(word);
      });
    return { intent: intent.name, regex: new RegExp(`^${tokens.join(" ")}$`), slots, literalLength };
  }

  private slotFor(slot: ModelSlot, heard: string): { slot: Slot; resolved: boolean } {
    const words = this.types.get(slot.type);
    if (!words) return { slot: { name: slot.name, value: heard, confirmationStatus: "NONE" }, resolved: true }; // AMAZON.* types
    const authority = `amzn1.er-authority.echo-sdk.${this.skillId}.${slot.type}`;
    const match = words.get(heard);
    const resolutions = match
      ? { resolutionsPerAuthority: [{ authority, status: { code: "ER_SUCCESS_MATCH" }, values: [{ value: { name: match.value, id: match.id } }] }] }
      : { resolutionsPerAuthority: [{ authority, status: { code: "ER_SUCCESS_NO_MATCH" } }] };
    return { slot: { name: slot.name, value: heard, confirmationStatus: "NONE", resolutions } as Slot, resolved: match !== undefined };
  }

  /** The intent an in-session utterance maps to; Fallback (if the model has it) when nothing fits. */
  matchIntent(utterance: string): Routed | undefined {
    const text = normalise(utterance);
    let best: { routed: Routed; score: number } | undefined;
    for (const pattern of this.patterns) {
      const match = pattern.regex.exec(text);
      if (!match) continue;
      const slots: Record<string, Slot> = {};
      let resolved = 0;
      pattern.slots.forEach((s, i) => {
        const filled = this.slotFor(s, match[i + 1]!.trim());
        slots[s.name] = filled.slot;
        if (filled.resolved) resolved++;
      });
      // Exact samples beat slotted ones; resolved slot values beat free text; more literal words beat fewer.
      const unresolved = pattern.slots.length - resolved;
      // A bare-slot sample ("{exercise}") only catches names it knows; anything else is Fallback's, as on Alexa.
      if (pattern.literalLength === 0 && unresolved > 0) continue;
      const score = (pattern.slots.length === 0 ? 1_000_000 : 0) - unresolved * 10_000 + pattern.literalLength;
      if (!best || score > best.score) best = { routed: { kind: "intent", name: pattern.intent, slots, oneShot: false }, score };
    }
    if (best) return best.routed;
    return this.hasFallback ? { kind: "intent", name: "AMAZON.FallbackIntent", slots: {}, oneShot: false } : undefined;
  }

  /**
   * Routes a whole utterance: "open/start upper back routine" launches; "ask upper back routine for cat cow" is a
   * one-shot intent; anything else is an in-session utterance. A leading wake word ("Alexa,") is ignored.
   */
  route(utterance: string): Routed | undefined {
    const text = normalise(utterance).replace(/^alexa\s+/, "");
    const name = escapeRegExp(this.invocationName).replace(/ /g, "\\s+");
    if (new RegExp(`^(open|start|launch|begin|run|load|play|use)\\s+(the\\s+)?${name}$`).test(text)) return { kind: "launch" };
    const oneShot = new RegExp(`^(ask|tell)\\s+${name}\\s+(?:(?:to|for|about|that|if|whether)\\s+)?(.+)$`).exec(text)
      ?? new RegExp(`^(?:open|start|launch|use)\\s+${name}\\s+(?:and|to)\\s+(.+)$`).exec(text);
    if (oneShot) {
      const rest = oneShot[oneShot.length - 1]!;
      // "ask ... for cat cow": the optional "for" was consumed above, and samples start with "for", so try both.
      const direct = this.matchIntent(rest);
      const withFor = this.matchIntent(`for ${rest}`);
      const isFallback = (r: Routed | undefined) => !r || (r.kind === "intent" && r.name === "AMAZON.FallbackIntent");
      const chosen = isFallback(direct) && !isFallback(withFor) ? withFor : direct;
      return chosen?.kind === "intent" ? { ...chosen, oneShot: true } : chosen;
    }
    return this.matchIntent(text);
  }
}
