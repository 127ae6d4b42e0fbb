// Loads and saves a user's state around one request; persistence failures are logged, never thrown, and a
// session that could not read its stored state never overwrites it.
import type { HandlerInput } from "ask-sdk-core";
import { parseState, persistable } from "../state/parse.js";
import { initialState, type SkillState } from "../state/types.js";
import type { Log } from "../handlers/deps.js";

const STATE_KEY = "ubr";
const NO_SAVE_KEY = "ubrNoSave";

/** The state at the start of a request and whether it may be written back. */
export interface LoadedState {
  state: SkillState;
  /** What persistence held (to skip writes that change nothing); undefined when not read this request. */
  stored?: string;
  canSave: boolean;
}

/** Reads state: from the session when one is running, else from persistence, else a fresh user. */
export async function loadState(input: HandlerInput, persistence: boolean, log: Log): Promise<LoadedState> {
  const session = input.requestEnvelope.session;
  const attributes = session ? input.attributesManager.getSessionAttributes() : {};
  if (session && !session.new && attributes[STATE_KEY] !== undefined) {
    return { state: parseState(attributes[STATE_KEY]), canSave: persistence && attributes[NO_SAVE_KEY] !== true };
  }
  if (!persistence) return { state: initialState(), canSave: false };
  try {
    const stored = await input.attributesManager.getPersistentAttributes(true);
    const state = { ...parseState(stored[STATE_KEY]), pending: undefined };
    return { state, stored: JSON.stringify(persistable(state)), canSave: true };
  } catch (error) {
    log("error", "could not read progress; answering without it", { error: String(error) });
    return { state: initialState(), canSave: false };
  }
}

/** Writes state back: to the session (if any) and, when it changed and may be saved, to persistence. */
export async function saveState(input: HandlerInput, loaded: LoadedState, state: SkillState, log: Log): Promise<void> {
  if (input.requestEnvelope.session) {
    input.attributesManager.setSessionAttributes({ [STATE_KEY]: state, ...(loaded.canSave ? {} : { [NO_SAVE_KEY]: true }) });
  }
  if (!loaded.canSave) return;
  const keep = persistable(state);
  if (loaded.stored === JSON.stringify(keep)) return;
  try {
    input.attributesManager.setPersistentAttributes({ [STATE_KEY]: keep });
    await input.attributesManager.savePersistentAttributes();
  } catch (error) {
    log("error", "could not save progress; the answer goes out without it", { error: String(error) });
  }
}
