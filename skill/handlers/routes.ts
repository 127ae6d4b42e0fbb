// Intent routing as one table: every intent of the generated model (IntentName) maps to the machine event it
// becomes, so a missing or misspelled intent is a type error, not a silent Fallback.
import type { HandlerInput, RequestHandler } from "ask-sdk-core";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import type { IntentName } from "../model/intents.js";
import type { SkillEvent } from "../state/types.js";
import type { SkillDeps } from "./deps.js";
import { respond } from "./respond.js";
import { intentName, readSlot } from "./slots.js";

type ToEvent = (input: HandlerInput) => SkillEvent;

function paceSlot(input: HandlerInput): PaceId | undefined {
  const id = readSlot(input, "pace").id;
  return id && (PACE_IDS as readonly string[]).includes(id) ? (id as PaceId) : undefined;
}

function exerciseSlot(input: HandlerInput): { exerciseId?: string; heard?: string } {
  const { id, heard } = readSlot(input, "exercise");
  return { exerciseId: id, heard };
}

const unsupported = (what: string): ToEvent => () => ({ type: "unsupported", what });

/** Which machine event each intent becomes. */
const INTENT_ROUTES: Record<IntentName, ToEvent> = {
  StartRoutineIntent: (input) => {
    const { id, heard } = readSlot(input, "routine");
    return { type: "startRoutine", routineId: id, heard, pace: paceSlot(input) };
  },
  PickExerciseIntent: (input) => ({ type: "pickExercise", ...exerciseSlot(input) }),
  ListExercisesIntent: () => ({ type: "listExercises" }),
  HowToIntent: (input) => ({ type: "howTo", ...exerciseSlot(input) }),
  SkipIntent: () => ({ type: "skip" }),
  SkipForGoodIntent: (input) => ({ type: "skipForGood", ...exerciseSlot(input) }),
  PutBackIntent: (input) => ({ type: "putBack", ...exerciseSlot(input) }),
  SlowerIntent: () => ({ type: "slower" }),
  FasterIntent: () => ({ type: "faster" }),
  PainIntent: (input) => ({ type: "pain", bodyPart: readSlot(input, "bodyPart").heard }),
  ContinueIntent: () => ({ type: "continue" }),
  ForgetProgressIntent: () => ({ type: "forget" }),
  "AMAZON.HelpIntent": () => ({ type: "help" }),
  "AMAZON.StopIntent": () => ({ type: "stop" }),
  "AMAZON.CancelIntent": () => ({ type: "stop" }),
  "AMAZON.NavigateHomeIntent": () => ({ type: "stop" }),
  "AMAZON.FallbackIntent": () => ({ type: "fallback" }),
  "AMAZON.NextIntent": () => ({ type: "next" }),
  "AMAZON.PreviousIntent": () => ({ type: "previous" }),
  "AMAZON.RepeatIntent": () => ({ type: "repeat" }),
  "AMAZON.StartOverIntent": () => ({ type: "startOver" }),
  "AMAZON.PauseIntent": () => ({ type: "pause" }),
  "AMAZON.ResumeIntent": () => ({ type: "continue" }),
  "AMAZON.YesIntent": () => ({ type: "yes" }),
  "AMAZON.NoIntent": () => ({ type: "no" }),
  "AMAZON.LoopOnIntent": unsupported("looping"),
  "AMAZON.LoopOffIntent": unsupported("looping"),
  "AMAZON.ShuffleOnIntent": unsupported("shuffling"),
  "AMAZON.ShuffleOffIntent": unsupported("shuffling"),
};

function routeOf(input: HandlerInput): ToEvent | undefined {
  const name = intentName(input);
  return name !== undefined && Object.hasOwn(INTENT_ROUTES, name) ? INTENT_ROUTES[name as IntentName] : undefined;
}

/** Launch, every intent of the table, SessionEnded, and any intent the model does not know (answered as Fallback). */
export function intentHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    {
      canHandle: (input) => input.requestEnvelope.request.type === "LaunchRequest",
      handle: (input) => respond(input, deps, { type: "launch" }),
    },
    {
      canHandle: (input) => input.requestEnvelope.request.type === "IntentRequest",
      handle: (input) => respond(input, deps, routeOf(input)?.(input) ?? { type: "fallback" }),
    },
    {
      canHandle: (input) => input.requestEnvelope.request.type === "SessionEndedRequest",
      handle: (input) => {
        const request = input.requestEnvelope.request as { reason?: string; error?: unknown };
        // Alexa reports our own invalid responses this way; the log is the only place they show up.
        if (request.reason === "ERROR") deps.log("warn", "session ended with an error", { error: request.error });
        return respond(input, deps, { type: "sessionEnded" });
      },
    },
  ];
}
