// Validators for SMAPI's own schema (ask-smapi-model's spec.json): interaction models and skill.json are checked
// against what the Alexa service accepts, optionally strict (no unknown fields, as the service rejects them).
import { createRequire } from "node:module";
import { Ajv } from "ajv";

/* eslint-disable @typescript-eslint/no-explicit-any */
const require = createRequire(import.meta.url);
export const spec = require("ask-smapi-model/spec.json") as { swagger: string; definitions: Record<string, any> };

/** SMAPI's definitions, made strict: objects that list properties accept no others (as SMAPI's service does). */
function strictDefinitions(): Record<string, any> {
  const copy = structuredClone(spec.definitions);
  const close = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(close);
    if (!node || typeof node !== "object") return;
    if (node.type === "object" && node.properties && node.additionalProperties === undefined && !node.discriminator) node.additionalProperties = false;
    Object.values(node).forEach(close);
  };
  close(copy);
  return copy;
}

/** A compiled validator for one SMAPI definition, e.g. "v1.skill.Manifest.SkillManifestEnvelope". */
export function validator(definition: string, strict: boolean) {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile({ definitions: strict ? strictDefinitions() : spec.definitions, $ref: `#/definitions/${definition}` });
}
