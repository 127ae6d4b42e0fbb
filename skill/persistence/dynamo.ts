// ask-sdk-core PersistenceAdapter on AWS SDK v3 (lib-dynamodb): the official adapter drags in 9.9 MB of SDK v2.
// Every call carries an AbortSignal (a deadline that really aborts the HTTP request) and the handler throws on its
// own request timeout, so a DynamoDB that accepts connections and never answers cannot hold a request.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { RETENTION_DAYS } from "../../content/privacy.js";
import type { ProgressStore, VersionedAttributes } from "./versioned.js";

/** Where and how attributes are stored: one item per Alexa user, `{ id, attributes, version, expiresAt }`. */
export interface DynamoAdapterOptions {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** A ready client (tests); otherwise one is built with short timeouts so Alexa's 8 s budget holds. */
  client?: DynamoDBDocumentClient;
  partitionKeyName?: string;
  attributesName?: string;
  /** Deadline of calls made through the plain PersistenceAdapter methods (ms). */
  callTimeoutMs?: number;
}

/** The item attribute DynamoDB's TTL reads (epoch seconds); lambda/template.yaml names the same attribute. */
export const TTL_ATTRIBUTE = "expiresAt";
/** The item attribute holding the optimistic-concurrency version. */
const VERSION_ATTRIBUTE = "version";
export { RETENTION_DAYS };

/** Thrown with the table and operation named, so the log says what to check. */
export class PersistenceError extends Error {
  override name = "PersistenceError";
}

function userIdOf(envelope: RequestEnvelope): string {
  const id = envelope?.context?.System?.user?.userId;
  if (typeof id !== "string" || !id) throw new PersistenceError("No context.System.user.userId in the request; cannot key persistent attributes (is this an Alexa request?)");
  return id;
}

/** Builds a document client whose timeouts throw (not just warn), with one retry, so a stalled DynamoDB fails fast. */
function documentClient(options: Pick<DynamoAdapterOptions, "endpoint" | "region">): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region ?? process.env.AWS_REGION ?? "us-east-1",
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 500, requestTimeout: 900, throwOnRequestTimeout: true },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/** Stores each user's attributes as one versioned DynamoDB item with a TTL; errors name the table and operation. */
export class DynamoPersistenceAdapter implements PersistenceAdapter, ProgressStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly key: string;
  private readonly attributes: string;
  private readonly callTimeoutMs: number;

  constructor(options: DynamoAdapterOptions) {
    this.table = options.tableName;
    this.key = options.partitionKeyName ?? "id";
    this.attributes = options.attributesName ?? "attributes";
    this.callTimeoutMs = options.callTimeoutMs ?? 1000;
    this.client = options.client ?? documentClient(options);
  }

  /** Reads the user's attributes and version; a user never seen gets `{}` at version 0. */
  async read(envelope: RequestEnvelope, signal: AbortSignal): Promise<VersionedAttributes> {
    const id = userIdOf(envelope);
    try {
      const out = await this.client.send(new GetCommand({ TableName: this.table, Key: { [this.key]: id }, ConsistentRead: true }), { abortSignal: signal });
      const value: unknown = out.Item?.[this.attributes];
      const version: unknown = out.Item?.[VERSION_ATTRIBUTE];
      return {
        attributes: typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {},
        version: typeof version === "number" && Number.isInteger(version) && version > 0 ? version : 0,
      };
    } catch (error) {
      throw this.fail("GetItem", error);
    }
  }

  /** Writes the attributes if the stored version is still `expectedVersion`; undefined when someone wrote in between. */
  async write(envelope: RequestEnvelope, attributes: Record<string, unknown>, expectedVersion: number, signal: AbortSignal): Promise<number | undefined> {
    const id = userIdOf(envelope);
    const version = expectedVersion + 1;
    const expiresAt = Math.floor(Date.now() / 1000) + RETENTION_DAYS * 86_400;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { [this.key]: id, [this.attributes]: attributes, [VERSION_ATTRIBUTE]: version, [TTL_ATTRIBUTE]: expiresAt },
          ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(#v)" : "#v = :expected",
          ExpressionAttributeNames: { "#v": VERSION_ATTRIBUTE },
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ":expected": expectedVersion } }),
        }),
        { abortSignal: signal },
      );
      return version;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw this.fail("PutItem", error);
    }
  }

  /** PersistenceAdapter read (ask-sdk's attributesManager), under the adapter's own deadline. */
  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return (await this.read(envelope, AbortSignal.timeout(this.callTimeoutMs))).attributes;
  }

  /** PersistenceAdapter write: replaces the attributes whatever the version (a new version all the same). */
  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const signal = AbortSignal.timeout(this.callTimeoutMs);
    const current = await this.read(envelope, signal);
    if ((await this.write(envelope, attributes, current.version, signal)) === undefined) {
      throw new PersistenceError(`DynamoDB PutItem on table "${this.table}" lost a race with another write; nothing was saved`);
    }
  }

  /** Forgets the user ("forget my progress", account deletion, tests). */
  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const id = userIdOf(envelope);
    try {
      await this.client.send(new DeleteCommand({ TableName: this.table, Key: { [this.key]: id } }), { abortSignal: AbortSignal.timeout(this.callTimeoutMs) });
    } catch (error) {
      throw this.fail("DeleteItem", error);
    }
  }

  private fail(operation: string, error: unknown): PersistenceError {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new PersistenceError(`DynamoDB ${operation} on table "${this.table}" failed: ${reason} (check TABLE_NAME, the region and the Lambda role's dynamodb permissions)`);
  }
}
