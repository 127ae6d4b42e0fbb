import { z } from "zod";
import { Exercise, Paces, Routine, Safety } from "./schema.js";

/** JSON Schemas of the content files, emitted from the zod schemas so editors complete and check the YAML. */
export function jsonSchemas(): Record<"exercise" | "routine" | "paces" | "safety", unknown> {
  const opts = { io: "input", unrepresentable: "any" } as const;
  return {
    exercise: z.toJSONSchema(Exercise, opts),
    routine: z.toJSONSchema(Routine, opts),
    paces: z.toJSONSchema(Paces, opts),
    safety: z.toJSONSchema(Safety, opts),
  };
}
