// ask-sdk-core PersistenceAdapter on AWS SDK v3 (lib-dynamodb): the official adapter drags in 9.9 MB of SDK v2.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";

/** Where and how attributes are stored: one item per Alexa user, `{ id, attributes }`. */
export interface DynamoAdapterOptions {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** A ready client (tests); otherwise one is built with short timeouts so Alexa's 8 s budget holds. */
  client?: DynamoDBDocumentClient;
  partitionKeyName?: string;
  attributesName?: string;
}

/** Thrown with the table and operation named, so the log says what to check. */
export class PersistenceError extends Error {
  override name = "PersistenceError";
}

function userIdOf(envelope: RequestEnvelope): string {
  const id = envelope.context?.System?.user?.userId;
  if (!id) throw new PersistenceError("No context.System.user.userId in the request; cannot key persistent attributes (is this an Alexa request?)");
  return id;
}

/** Builds a document client with timeouts short enough to answer within Alexa's 8 s even when DynamoDB is down. */
export function documentClient(options: Pick<DynamoAdapterOptions, "endpoint" | "region">): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region ?? process.env.AWS_REGION ?? "us-east-1",
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 800, requestTimeout: 1500 },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Stores each user's attributes as one DynamoDB item; errors name the table and operation. */
export class DynamoPersistenceAdapter implements PersistenceAdapter {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly key: string;
  private readonly attributes: string;

  constructor(options: DynamoAdapterOptions) {
    this.table = options.tableName;
    this.key = options.partitionKeyName ?? "id";
    this.attributes = options.attributesName ?? "attributes";
    this.client = options.client ?? documentClient(options);
  }

  /** Reads the user's attributes; a user never seen gets `{}`. */
  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const id = userIdOf(envelope);
    try {
      const out = await this.client.send(new GetCommand({ TableName: this.table, Key: { [this.key]: id }, ConsistentRead: true }));
      const value: unknown = out.Item?.[this.attributes];
      return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    } catch (error) {
      throw this.fail("GetItem", error);
    }
  }

  /** Writes the user's attributes, replacing what was there. */
  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const id = userIdOf(envelope);
    try {
      await this.client.send(new PutCommand({ TableName: this.table, Item: { [this.key]: id, [this.attributes]: attributes } }));
    } catch (error) {
      throw this.fail("PutItem", error);
    }
  }

  /** Forgets the user (account deletion, tests). */
  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const id = userIdOf(envelope);
    try {
      await this.client.send(new DeleteCommand({ TableName: this.table, Key: { [this.key]: id } }));
    } catch (error) {
      throw this.fail("DeleteItem", error);
    }
  }

  private fail(operation: string, error: unknown): PersistenceError {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new PersistenceError(`DynamoDB ${operation} on table "${this.table}" failed: ${reason} (check TABLE_NAME, the region and the Lambda role's dynamodb permissions)`);
  }
}
