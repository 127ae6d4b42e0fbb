// Per-user attributes kept in memory for the length of one local run (`upper-back chat` without TABLE_NAME), so
// "continue where I left off", the once-only safety note and paused streams behave as they do with DynamoDB.
import type { PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";

function userKey(envelope: RequestEnvelope): string {
  const userId = envelope.context?.System?.user?.userId;
  if (!userId) throw new Error("memory persistence: request has no context.System.user.userId to key attributes by");
  return userId;
}

/** An ask-sdk-core PersistenceAdapter over a Map owned by the caller's instance (never module state). */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  private readonly store = new Map<string, string>();

  getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const saved = this.store.get(userKey(envelope));
    return Promise.resolve(saved ? (JSON.parse(saved) as Record<string, unknown>) : {});
  }

  saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    // Stored as JSON so callers never share object references with the skill (as with a real database).
    this.store.set(userKey(envelope), JSON.stringify(attributes));
    return Promise.resolve();
  }

  deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.store.delete(userKey(envelope));
    return Promise.resolve();
  }
}
