// The one door every request comes through (Lambda and the local server): whatever arrives, a valid Alexa response
// goes out. Requests for another skill are still refused (an error for Lambda, a 400 for serve); anything malformed
// gets a short apology, or an empty answer where speech is not allowed, and one JSON log line with the request id.
import type { Skill as CustomSkill } from "ask-sdk-core";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import type { Log } from "./handlers/deps.js";

/** Thrown for a request whose application id is not this skill's: refused, never answered. */
export class ForeignSkillError extends Error {
  override name = "ForeignSkillError";
}

const SORRY = "<speak>Sorry, I couldn't understand that request. Please try again.</speak>";

/** Request types that must be answered without speech, reprompt or card. */
export function isSilentRequestType(type: unknown): boolean {
  return (
    typeof type === "string" &&
    (type.startsWith("AudioPlayer.") || type.startsWith("PlaybackController.") || type === "SessionEndedRequest" || type === "System.ExceptionEncountered")
  );
}

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The response sent when the skill itself could not answer: an apology that ends the session, or nothing. */
function fallbackResponse(requestType: unknown): ResponseEnvelope {
  if (isSilentRequestType(requestType)) return { version: "1.0", response: {} };
  return { version: "1.0", response: { outputSpeech: { type: "SSML", ssml: SORRY }, shouldEndSession: true } };
}

// What is wrong with the envelope's shape before any skill code may see it; undefined when it can be dispatched.
function shapeProblem(event: unknown, skillId: string | undefined): string | undefined {
  if (typeof event !== "object" || event === null || Array.isArray(event)) return "the request is not a JSON object";
  if (typeof field(event, "request", "type") !== "string") return "request.type is missing or not a string";
  if (typeof field(event, "context", "System") !== "object" || field(event, "context", "System") === null) return "context.System is missing";
  const applicationId = field(event, "context", "System", "application", "applicationId");
  if (skillId !== undefined && typeof applicationId !== "string") return "context.System.application.applicationId is missing";
  return undefined;
}

/** Answers one request with the skill; never throws except to refuse another skill's request. */
export async function answerSafely(skill: CustomSkill, event: unknown, context: unknown, skillId: string | undefined, log: Log): Promise<ResponseEnvelope> {
  const requestType = field(event, "request", "type");
  const requestId = field(event, "request", "requestId");
  const problem = shapeProblem(event, skillId);
  if (problem) {
    log("warn", "malformed request answered without running the skill", { requestId: typeof requestId === "string" ? requestId : null, problem });
    return fallbackResponse(requestType);
  }
  const applicationId = field(event, "context", "System", "application", "applicationId");
  if (skillId !== undefined && applicationId !== skillId) {
    throw new ForeignSkillError(`skill id verification failed: the request is for ${String(applicationId)}, this skill is ${skillId} (check SKILL_ID)`);
  }
  try {
    return await skill.invoke(event as RequestEnvelope, context);
  } catch (error) {
    // Reaching here means the SDK failed outside the handlers (the error handler logs its own failures).
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log("error", "the skill could not answer; sent a fallback response", { requestId: typeof requestId === "string" ? requestId : null, requestType: typeof requestType === "string" ? requestType : null, error: reason });
    return fallbackResponse(requestType);
  }
}
