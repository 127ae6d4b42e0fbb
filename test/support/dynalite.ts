// Starts dynalite (DynamoDB's API in-process) on loopback with one table, ready (ACTIVE) for persistence tests.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";

/** A running dynalite with its endpoint and table; `stop()` closes it (requests then fail, as in an outage). */
export interface LocalDynamo {
  endpoint: string;
  tableName: string;
  region: string;
  stop(): Promise<void>;
}

/** Fake credentials for the local endpoint; never real ones. */
export function useLocalCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
}

/** Starts dynalite on 127.0.0.1 (a free port), creates the table and returns once DescribeTable says ACTIVE. */
export async function startDynalite(tableName = "upper-back-test"): Promise<LocalDynamo> {
  useLocalCredentials();
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const region = "us-east-1";
  const client = new DynamoDBClient({ endpoint, region });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  for (;;) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus === "ACTIVE") break;
  }
  client.destroy();
  let stopped = false;
  return {
    endpoint,
    tableName,
    region,
    stop: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            stopped = true;
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeAllConnections?.();
          }),
  };
}
