// Lambda entry, Jovo-style: build the skill once per container from the environment, hand it every event.
import { createAnswerer, readSkillConfig } from "../skill/index.js";
import { bundledAssets } from "./assets.js";

const answer = createAnswerer({ ...readSkillConfig(process.env), ...bundledAssets() });
/** What Lambda calls for each Alexa request (the Alexa Skills Kit trigger); malformed events still get a valid answer. */
export const handler = (event: unknown, context?: unknown) => answer(event, context);
