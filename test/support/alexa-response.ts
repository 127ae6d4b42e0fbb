// Checks any Alexa response envelope against the platform rules the project relies on; reusable by every test
// that drives the skill (virtual-alexa, the local server, the Lambda bundle).
import { breaksMs, spokenText, xmlError } from "./ssml-check.js";

export { spokenText };

const MAX_SSML_CHARS = 8000;
const MAX_BREAK_MS = 10_000;

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Problems with one SSML document: XML, root, length, breaks, double escaping (empty list when fine). */
export function ssmlProblems(ssml: string, where: string): string[] {
  const problems: string[] = [];
  if (ssml.length >= MAX_SSML_CHARS) problems.push(`${where}: ${ssml.length} characters, Alexa allows under ${MAX_SSML_CHARS}`);
  const error = xmlError(ssml);
  if (error) return [...problems, `${where}: not well-formed XML: ${error}`];
  if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml.trim())) problems.push(`${where}: must be one <speak> element`);
  if (/&amp;(amp|apos|quot|lt|gt|#\d+);/.test(ssml)) problems.push(`${where}: text escaped twice (${/&amp;\w+;/.exec(ssml)![0]})`);
  const tags = ssml.match(/<break\b[^>]*>/g) ?? [];
  const breaks = breaksMs(ssml);
  if (breaks.length !== tags.length) problems.push(`${where}: a <break> without a valid time (${tags.join(" ")})`);
  for (const ms of breaks) if (ms > MAX_BREAK_MS) problems.push(`${where}: a ${ms} ms <break> is longer than 10 s; chain breaks`);
  return problems;
}

/** Every rule a response breaks, given the request it answers. */
export function responseProblems(request: any, envelope: any): string[] {
  const problems: string[] = [];
  const type: string = request?.request?.type ?? "?";
  const name = request?.request?.intent?.name;
  const where = name ? `${type} ${name}` : type;
  const response = envelope?.response;
  if (!envelope || envelope.version !== "1.0" || typeof response !== "object") return [`${where}: not a response envelope`];
  const directives: any[] = response.directives ?? [];
  const plays = directives.filter((d) => d.type === "AudioPlayer.Play");
  if (plays.length > 1) problems.push(`${where}: ${plays.length} AudioPlayer.Play directives; one per response`);
  for (const play of plays) {
    const url: string = play.audioItem?.stream?.url ?? "";
    if (!url.startsWith("https://")) problems.push(`${where}: stream URL must be HTTPS (${url})`);
    if (!play.audioItem?.stream?.token) problems.push(`${where}: Play without a token`);
    if (play.playBehavior === "ENQUEUE" && !play.audioItem?.stream?.expectedPreviousToken) problems.push(`${where}: ENQUEUE without expectedPreviousToken`);
  }
  if (type.startsWith("AudioPlayer.") || type.startsWith("PlaybackController.") || type === "SessionEndedRequest" || type === "System.ExceptionEncountered") {
    if (response.outputSpeech || response.reprompt || response.card) problems.push(`${where}: must not carry speech, reprompt or card`);
    if (type !== "SessionEndedRequest" && directives.some((d) => !String(d.type).startsWith("AudioPlayer."))) problems.push(`${where}: only AudioPlayer directives allowed`);
    return problems;
  }
  if (response.outputSpeech) {
    if (response.outputSpeech.type !== "SSML") problems.push(`${where}: outputSpeech must be SSML`);
    else problems.push(...ssmlProblems(response.outputSpeech.ssml, `${where} outputSpeech`));
  } else if (!directives.some((d) => String(d.type).startsWith("AudioPlayer."))) {
    problems.push(`${where}: no speech and no AudioPlayer directive`);
  }
  if (response.reprompt?.outputSpeech) problems.push(...ssmlProblems(response.reprompt.outputSpeech.ssml, `${where} reprompt`));
  if (response.shouldEndSession === false && !response.reprompt?.outputSpeech) problems.push(`${where}: session stays open without a reprompt`);
  if (plays.length > 0 && response.shouldEndSession === false) problems.push(`${where}: a Play directive must end the session`);
  return problems;
}

/** Throws with every problem listed when a response breaks the rules. */
export function assertValidResponse(request: unknown, envelope: unknown): void {
  const problems = responseProblems(request, envelope);
  if (problems.length > 0) throw new Error(`Invalid Alexa response:\n${problems.join("\n")}`);
}
