// The store contract the skill saves through: reads return a version, writes are conditional on it, and every call
// takes an AbortSignal, so a slow or silent database costs a bounded slice of the request, never the answer.
import type { PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { abortable } from "../../content/abortable.js";

/** What a read returns: the user's attributes and the version they were written at (0 for a user never saved). */
export interface VersionedAttributes {
  attributes: Record<string, unknown>;
  version: number;
}

/** A per-user store with optimistic concurrency; `write` resolves to the new version, or undefined on a conflict. */
export interface ProgressStore {
  read(envelope: RequestEnvelope, signal: AbortSignal): Promise<VersionedAttributes>;
  write(envelope: RequestEnvelope, attributes: Record<string, unknown>, expectedVersion: number, signal: AbortSignal): Promise<number | undefined>;
}

/** Thrown when a call's deadline passed; the request carries on without that call's result. */
export class DeadlineError extends Error {
  override name = "DeadlineError";
}

/** Settles with `work`, or rejects with DeadlineError once `signal` aborts (for stores that cannot be aborted). */
function withinDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return abortable(work, signal, () => new DeadlineError("deadline passed; the call was abandoned"));
}

/** True when an adapter implements ProgressStore itself (DynamoDB); plain adapters get wrapped by `progressStoreOf`. */
function isProgressStore(adapter: PersistenceAdapter | ProgressStore): adapter is ProgressStore {
  return typeof (adapter as Partial<ProgressStore>).read === "function" && typeof (adapter as Partial<ProgressStore>).write === "function";
}

/** Any ask-sdk PersistenceAdapter as a ProgressStore: deadlines by racing, version 0, writes that never conflict. */
export function progressStoreOf(adapter: PersistenceAdapter | ProgressStore): ProgressStore {
  if (isProgressStore(adapter)) return adapter;
  return {
    read: async (envelope, signal) => ({ attributes: await withinDeadline(adapter.getAttributes(envelope), signal), version: 0 }),
    write: async (envelope, attributes, expectedVersion, signal) => {
      await withinDeadline(adapter.saveAttributes(envelope, attributes), signal);
      return expectedVersion + 1;
    },
  };
}
