// AudioPlayer stream tokens: opaque to users, and parsed defensively because devices echo them back to us.
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import type { Source } from "../state/types.js";
import { ID_PATTERN } from "../../content/facts.js";

/** Where a stream sits: exercise `index` of `source`, rendered at `pace`. */
export interface StreamPosition {
  source: Source;
  index: number;
  pace: PaceId;
}

const PREFIX = "ubr1";

/** Encodes a stream position as a token (`ubr1:routine:upper-back:3:standard`). */
export function encodeToken(position: StreamPosition): string {
  return [PREFIX, position.source.kind, position.source.id, String(position.index), position.pace].join(":");
}

/** Parses a token; anything malformed, foreign or out of range gives undefined, never an exception. */
export function parseToken(token: unknown): StreamPosition | undefined {
  if (typeof token !== "string" || token.length > 200) return undefined;
  const parts = token.split(":");
  if (parts.length !== 5) return undefined;
  const [prefix, kind, id, index, pace] = parts as [string, string, string, string, string];
  if (prefix !== PREFIX || (kind !== "routine" && kind !== "exercise") || !ID_PATTERN.test(id)) return undefined;
  if (!/^\d{1,3}$/.test(index) || !(PACE_IDS as readonly string[]).includes(pace)) return undefined;
  return { source: { kind, id }, index: Number(index), pace: pace as PaceId };
}
