// Loads and saves a user's state around one request under a time budget: reads give up and the skill answers
// without progress; writes are conditional on the version last seen and merge on conflict; the outcome is returned
// so the answer never claims a save that did not happen. A session that could not read its state never writes.
import type { HandlerInput } from "ask-sdk-core";
import { escapeXml } from "../../content/xml.js";
import { parseState, persistable } from "../state/parse.js";
import { PLACE_NOT_SAVED, PLACE_SAVED } from "../state/speech.js";
import { initialState, type Reply, type SkillState } from "../state/types.js";
import type { Log } from "../handlers/deps.js";
import { mergeStates } from "./merge.js";
import type { ProgressStore } from "./versioned.js";

const STATE_KEY = "ubr";
const NO_SAVE_KEY = "ubrNoSave";
/** Session attribute: the version and state last known to be stored (the base of a merge). */
const SYNC_KEY = "ubrSync";

/** Persistence may use this much of a request (ms); Alexa waits 8 s, the skill promises an answer within 3 s. */
const PERSISTENCE_BUDGET_MS = 2200;
/** A read gives up after this long (ms), leaving the rest of the budget for the write. */
const READ_DEADLINE_MS = 900;
/** A write attempt, and the re-read of a conflict, give up after this long (ms). */
const WRITE_DEADLINE_MS = 1000;
const MAX_WRITE_ATTEMPTS = 3;

/** What happened to this request's state: written, nothing to write, could not write, or persistence not in use. */
export type SaveOutcome = "saved" | "unchanged" | "failed" | "off";

interface Synced {
  version: number;
  state: SkillState;
}

/** The state at the start of a request and whether (and from which stored version) it may be written back. */
export interface LoadedState {
  state: SkillState;
  /** What persistence held at the start (the merge base); undefined when the state may not be saved. */
  synced?: Synced;
  canSave: boolean;
  /** Epoch ms after which persistence is given up for this request. */
  deadline: number;
}

function requestIdOf(input: HandlerInput): string | null {
  const id = (input.requestEnvelope.request as { requestId?: unknown } | undefined)?.requestId;
  return typeof id === "string" ? id : null;
}

function signalUntil(deadline: number, capMs: number): AbortSignal {
  return AbortSignal.timeout(Math.max(0, Math.min(capMs, deadline - Date.now())));
}

function syncedFrom(value: unknown): Synced | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { version, state } = value as { version?: unknown; state?: unknown };
  return typeof version === "number" && Number.isInteger(version) && version >= 0 ? { version, state: parseState(state) } : undefined;
}

/** Reads state: from the session when one is running, else from persistence (within the budget), else a fresh user. */
export async function loadState(input: HandlerInput, store: ProgressStore | undefined, log: Log): Promise<LoadedState> {
  const deadline = Date.now() + PERSISTENCE_BUDGET_MS;
  const session = input.requestEnvelope.session;
  const attributes = session ? input.attributesManager.getSessionAttributes() : {};
  if (session && !session.new && attributes[STATE_KEY] !== undefined) {
    const state = parseState(attributes[STATE_KEY]);
    const synced = syncedFrom(attributes[SYNC_KEY]) ?? { version: 0, state: persistable(state) };
    const canSave = store !== undefined && attributes[NO_SAVE_KEY] !== true;
    return { state, synced: canSave ? synced : undefined, canSave, deadline };
  }
  if (!store) return { state: initialState(), canSave: false, deadline };
  try {
    const stored = await store.read(input.requestEnvelope, signalUntil(deadline, READ_DEADLINE_MS));
    const state = persistable(parseState(stored.attributes[STATE_KEY]));
    return { state, synced: { version: stored.version, state }, canSave: true, deadline };
  } catch (error) {
    log("error", "could not read progress; answering without it", { requestId: requestIdOf(input), error: String(error) });
    return { state: initialState(), canSave: false, deadline };
  }
}

// Conditional write of this request's changes onto the last known stored state; on a conflict, re-read and merge
// onto the fresh one. Merging against the request's starting state means only what this request changed is applied.
async function writeMerged(input: HandlerInput, store: ProgressStore, loaded: LoadedState, ours: SkillState): Promise<Synced> {
  const start = persistable(loaded.state);
  let stored = loaded.synced!;
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const next = mergeStates(start, ours, stored.state);
    const version = await store.write(input.requestEnvelope, { [STATE_KEY]: next }, stored.version, signalUntil(loaded.deadline, WRITE_DEADLINE_MS));
    if (version !== undefined) return { version, state: next };
    const fresh = await store.read(input.requestEnvelope, signalUntil(loaded.deadline, WRITE_DEADLINE_MS));
    stored = { version: fresh.version, state: persistable(parseState(fresh.attributes[STATE_KEY])) };
  }
  throw new Error(`still conflicting after ${MAX_WRITE_ATTEMPTS} attempts (another device keeps writing)`);
}

/** Writes state back: to persistence when it changed and may be saved, then to the session (if any); says how it went. */
export async function saveState(input: HandlerInput, loaded: LoadedState, state: SkillState, log: Log, store?: ProgressStore): Promise<SaveOutcome> {
  let synced = loaded.synced;
  let current = state;
  let outcome: SaveOutcome = loaded.canSave && store && synced ? "unchanged" : "off";
  const keep = persistable(state);
  if (outcome === "unchanged" && JSON.stringify(synced!.state) !== JSON.stringify(keep)) {
    try {
      synced = await writeMerged(input, store!, loaded, keep);
      current = { ...synced.state, pending: state.pending };
      outcome = "saved";
    } catch (error) {
      outcome = "failed";
      log("error", "could not save progress; the answer says so", { requestId: requestIdOf(input), error: String(error) });
    }
  }
  if (input.requestEnvelope.session) {
    input.attributesManager.setSessionAttributes({
      [STATE_KEY]: current,
      ...(loaded.canSave ? { [SYNC_KEY]: synced } : { [NO_SAVE_KEY]: true }),
    });
  }
  return outcome;
}

/** Says "I couldn't save your place this time" instead of "your place is saved" unless the place really is stored. */
export function honestAboutSaving(reply: Reply, outcome: SaveOutcome): Reply {
  if (outcome === "saved" || outcome === "unchanged") return reply;
  const claim = escapeXml(PLACE_SAVED);
  const honest = escapeXml(PLACE_NOT_SAVED);
  return {
    ...reply,
    ...(reply.speech?.includes(claim) ? { speech: reply.speech.replaceAll(claim, honest) } : {}),
    ...(reply.reprompt?.includes(claim) ? { reprompt: reply.reprompt.replaceAll(claim, honest) } : {}),
  };
}
