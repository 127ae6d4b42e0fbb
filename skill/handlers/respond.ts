// Runs one event through the pure state machine and turns its decision into an Alexa response.
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import { honestAboutSaving, loadState, saveState } from "../persistence/store.js";
import { transition } from "../state/machine.js";
import { dayOf } from "../state/streak.js";
import type { MachineContext, Reply, SkillEvent } from "../state/types.js";
import type { SkillDeps } from "./deps.js";
import { PRODUCT_NAME } from "../../content/facts.js";

/** True for requests that must be answered with AudioPlayer directives only (no speech, no card). */
function isPlaybackRequest(input: HandlerInput): boolean {
  const type = input.requestEnvelope.request.type;
  return type.startsWith("AudioPlayer.") || type.startsWith("PlaybackController.");
}

function machineContext(input: HandlerInput, deps: SkillDeps): MachineContext {
  const interfaces = input.requestEnvelope.context?.System?.device?.supportedInterfaces ?? {};
  const canStream = deps.audio !== undefined && (interfaces.AudioPlayer !== undefined || isPlaybackRequest(input));
  return {
    catalog: deps.catalog,
    today: dayOf(input.requestEnvelope.request.timestamp),
    audio: canStream ? deps.audio : undefined,
    audioBaseUrl: deps.audioBaseUrl,
    player: playerContext(input),
  };
}

/** The track and offset the device reports in `context.AudioPlayer` (sent with every request while it has a stream). */
function playerContext(input: HandlerInput): MachineContext["player"] {
  const player = input.requestEnvelope.context?.AudioPlayer as { token?: unknown; offsetInMilliseconds?: unknown; playerActivity?: unknown } | undefined;
  if (typeof player?.token !== "string" || player.token === "") return undefined;
  // A finished stream's token stays in the context; it is not a place to return to.
  if (player.playerActivity === "FINISHED" || player.playerActivity === "IDLE") return undefined;
  const offset = Number(player.offsetInMilliseconds);
  return { token: player.token, offsetMs: Number.isFinite(offset) && offset >= 0 ? offset : 0 };
}

/** Deletes the stored record for "forget my progress"; the reply says it was forgotten only when this succeeded. */
async function forget(input: HandlerInput, deps: SkillDeps, reply: Reply): Promise<Reply> {
  if (!reply.forget) return reply;
  try {
    const manager = input.attributesManager;
    if (deps.persistence) {
      if (!manager.deletePersistentAttributes) throw new Error("the persistence adapter cannot delete records");
      await manager.deletePersistentAttributes();
    }
    return reply;
  } catch (error) {
    deps.log("error", "could not delete the stored progress", { error: String(error) });
    return { ...reply, speech: reply.forget.forgetFailed };
  }
}

function build(input: HandlerInput, reply: Reply): Response {
  const rb = input.responseBuilder;
  const playback = isPlaybackRequest(input);
  if (reply.speech && !playback) rb.speak(reply.speech);
  if (reply.reprompt && !playback && !reply.endSession) rb.reprompt(reply.reprompt);
  const audio = reply.audio;
  if (audio?.type === "play") {
    rb.addAudioPlayerPlayDirective(audio.behavior, audio.url, audio.token, audio.offsetMs, audio.expectedPreviousToken, { title: audio.title, subtitle: PRODUCT_NAME });
  } else if (audio?.type === "stop") {
    rb.addAudioPlayerStopDirective();
  } else if (audio?.type === "clearQueue") {
    rb.addAudioPlayerClearQueueDirective("CLEAR_ALL");
  }
  if (!playback && input.requestEnvelope.request.type !== "SessionEndedRequest") rb.withShouldEndSession(reply.endSession);
  return rb.getResponse();
}

/** Loads the user's state, applies the event, saves, and answers; persistence trouble never blocks the answer. */
export async function respond(input: HandlerInput, deps: SkillDeps, event: SkillEvent): Promise<Response> {
  const loaded = await loadState(input, deps.persistence, deps.log);
  const { state, say } = transition(machineContext(input, deps), loaded.state, event);
  const reply = await forget(input, deps, say);
  // A deleted record is not written straight back in the same request.
  const deleted = reply.forget !== undefined && reply.speech === say.speech;
  const outcome = deleted ? "unchanged" : await saveState(input, loaded, state, deps.log, deps.persistence);
  return build(input, honestAboutSaving(reply, outcome));
}
