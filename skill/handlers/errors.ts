// Every unexpected failure gets a spoken apology (or, where speech is not allowed, an empty answer) — never a crash.
import type { ErrorHandler, RequestHandler } from "ask-sdk-core";
import type { SkillDeps } from "./deps.js";
import { isPlaybackRequest } from "./respond.js";

const APOLOGY = "<speak>Sorry, something went wrong on my side. Please try again, or say stop to finish.</speak>";

/** The last-resort error handler: logs the failure with the request type and answers politely. */
export function errorHandler(deps: SkillDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const request = input.requestEnvelope?.request;
      deps.log("error", "unhandled failure", { requestType: request?.type, error: error?.stack ?? String(error) });
      if (!request || isPlaybackRequest(input) || request.type === "SessionEndedRequest" || request.type === "System.ExceptionEncountered") {
        return input.responseBuilder.getResponse();
      }
      return input.responseBuilder.speak(APOLOGY).reprompt("<speak>Say help to hear what you can do, or stop to finish.</speak>").withShouldEndSession(false).getResponse();
    },
  };
}

/** System.ExceptionEncountered: Alexa reports a failed directive; log it, answer nothing (speech is not allowed). */
export function systemHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    {
      canHandle: (input) => input.requestEnvelope.request.type === "System.ExceptionEncountered",
      handle: (input) => {
        deps.log("warn", "Alexa reported an exception", { request: input.requestEnvelope.request as unknown as Record<string, unknown> });
        return input.responseBuilder.getResponse();
      },
    },
  ];
}
