// Help, Stop, Cancel, NavigateHome, Fallback, unsupported player intents, SessionEnded, and any unknown intent.
import type { RequestHandler } from "ask-sdk-core";
import type { SkillDeps } from "./deps.js";
import { onIntents, onRequests } from "./intent.js";
import { respond } from "./respond.js";

const UNSUPPORTED: Record<string, string> = {
  "AMAZON.LoopOnIntent": "looping",
  "AMAZON.LoopOffIntent": "looping",
  "AMAZON.ShuffleOnIntent": "shuffling",
  "AMAZON.ShuffleOffIntent": "shuffling",
};

/** Handlers certification expects of every skill; the last one answers any intent nobody else handles. */
export function builtinHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    onIntents(["AMAZON.HelpIntent"], deps, () => ({ type: "help" })),
    onIntents(["AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"], deps, () => ({ type: "stop" })),
    onIntents(["AMAZON.FallbackIntent"], deps, () => ({ type: "fallback" })),
    onIntents(Object.keys(UNSUPPORTED), deps, (_input, name) => ({ type: "unsupported", what: UNSUPPORTED[name]! })),
    onRequests(["SessionEndedRequest"], deps, (input) => {
      const request = input.requestEnvelope.request as { reason?: string; error?: unknown };
      // Alexa reports our own invalid responses this way; the log is the only place they show up.
      if (request.reason === "ERROR") deps.log("warn", "session ended with an error", { error: request.error });
      return { type: "sessionEnded" };
    }),
    {
      canHandle: (input) => input.requestEnvelope.request.type === "IntentRequest",
      handle: (input) => respond(input, deps, { type: "fallback" }),
    },
  ];
}
