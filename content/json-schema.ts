import { z } from "zod";
import { Exercise, Paces, Routine } from "./schema.js";

/** JSON Schemas of the content files, emitted from the zod schemas so editors complete and check the YAML. */
export function jsonSchemas(): Record<"exercise" | "routine" | "paces", unknown> {
  const opts = { io: "input", unrepresentable: "any" } as const;
  return {
    exercise: z.toJSONSchema(Exercise, opts),
    routine: z.toJSONSchema(Routine, opts),
    paces: z.toJSONSchema(Paces, opts),
  };
}
