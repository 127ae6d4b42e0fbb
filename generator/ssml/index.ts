// SSML for both dialects, derived from the same timeline so Alexa and the MP3s never drift apart.
export { alexaSsml, splitForAlexa, ALEXA_MAX_SSML_CHARS, CHIME_FILES, type AlexaSsmlOptions } from "./alexa.js";
export { pollyRequests, pollyBilledCharacters, engineAcceptsRate, POLLY_MAX_BILLED_CHARS, type PollyEngine, type PollyOptions } from "./polly.js";
export { escapeXml, chainBreaks, MAX_BREAK_MS } from "./builder.js";
