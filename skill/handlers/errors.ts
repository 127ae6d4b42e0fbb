// Every unexpected failure gets a spoken apology (or, where speech is not allowed, an empty answer) — never a crash.
// The error handler itself reads the request defensively: it runs precisely when the request may be malformed.
import type { ErrorHandler, RequestHandler } from "ask-sdk-core";
import { isSilentRequestType } from "../invoke.js";
import type { SkillDeps } from "./deps.js";

const APOLOGY = "<speak>Sorry, something went wrong on my side. Please try again, or say stop to finish.</speak>";

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  } catch {
    return "an error that cannot be described";
  }
}

/** The last-resort error handler: logs the failure once (one JSON line with the request id) and answers politely. */
export function errorHandler(deps: SkillDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const request = (input.requestEnvelope as { request?: { type?: unknown; requestId?: unknown } } | undefined)?.request;
      const type = typeof request?.type === "string" ? request.type : null;
      const requestId = typeof request?.requestId === "string" ? request.requestId : null;
      try {
        deps.log("error", "unhandled failure", { requestId, requestType: type, error: describeError(error) });
      } catch {
        // A failing log sink must not turn an apology into a crash.
      }
      const rb = input.responseBuilder;
      if (type === null || isSilentRequestType(type)) return rb.getResponse();
      return rb.speak(APOLOGY).reprompt("<speak>Say help to hear what you can do, or stop to finish.</speak>").withShouldEndSession(false).getResponse();
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
