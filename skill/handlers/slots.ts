// Reads slots defensively: a missing intent, slot or resolution is simply "not given", never an exception.
import type { HandlerInput } from "ask-sdk-core";

/** What the user said for a slot and the catalog id it resolved to, if any. */
export interface SlotReading {
  id?: string;
  heard?: string;
}

/** Intent name of an IntentRequest, or undefined for any other (or malformed) request. */
export function intentName(input: HandlerInput): string | undefined {
  const request = input.requestEnvelope.request as { type?: string; intent?: { name?: unknown } };
  return request.type === "IntentRequest" && typeof request.intent?.name === "string" ? request.intent.name : undefined;
}

/** Reads a custom slot: the entity-resolution id on a match, and the raw words (trimmed, length-capped). */
export function readSlot(input: HandlerInput, name: string): SlotReading {
  const request = input.requestEnvelope.request as { intent?: { slots?: Record<string, unknown> } };
  const slot = request.intent?.slots?.[name] as
    | { value?: unknown; resolutions?: { resolutionsPerAuthority?: { status?: { code?: string }; values?: { value?: { id?: unknown } }[] }[] } }
    | undefined;
  if (!slot) return {};
  const heard = typeof slot.value === "string" && slot.value.trim() ? slot.value.trim().slice(0, 80) : undefined;
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    const id = authority?.values?.[0]?.value?.id;
    if (authority?.status?.code === "ER_SUCCESS_MATCH" && typeof id === "string") return { id, heard };
  }
  return { heard };
}
