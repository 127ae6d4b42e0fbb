// Lambda entry, Jovo-style: build the skill once per container from the environment, hand it every event.
import type { RequestEnvelope } from "ask-sdk-model";
import { createSkill, readSkillConfig } from "../skill/index.js";
import { bundledAssets } from "./assets.js";

const skill = createSkill({ ...readSkillConfig(process.env), ...bundledAssets() });
/** What Lambda calls for each Alexa request (the Alexa Skills Kit trigger). */
export const handler = (event: RequestEnvelope, context?: unknown) => skill.invoke(event, context);
