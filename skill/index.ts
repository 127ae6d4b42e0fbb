// The Alexa skill: builds an ask-sdk-core CustomSkill from SkillConfig; the Lambda entry and local server wrap it.
import { SkillBuilders, type Skill as CustomSkill } from "ask-sdk-core";
import { readSkillConfig, type SkillConfig } from "./config.js";

export { readSkillConfig, type SkillConfig };

/** Builds the skill once per container; all per-user state lives in the request, session and persistence. */
export function createSkill(config: SkillConfig): CustomSkill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers({
      canHandle: (input) => input.requestEnvelope.request.type === "LaunchRequest",
      handle: (input) =>
        input.responseBuilder
          .speak("Welcome to Upper Back Routine. Say start the routine, or name an exercise like cat cow.")
          .reprompt("Say start the routine, or name an exercise like cat cow.")
          .getResponse(),
    })
    .withCustomUserAgent("upper-back-routine");
  if (config.skillId) builder.withSkillId(config.skillId);
  return builder.create();
}
