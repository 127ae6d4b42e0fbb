// A tiny S3 stand-in on loopback: ListObjectsV2 (paged) and PutObject over path-style URLs, recording each request,
// checking Content-MD5 like S3 does, and answering with the MD5 ETag S3 gives single-part uploads.
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach } from "vitest";

/** One stored object. */
export interface FakeObject {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/** A running fake S3 and what it saw. */
export interface FakeS3 {
  endpoint: string;
  objects: Map<string, FakeObject>;
  requests: Array<{ method: string; key: string }>;
  close(): Promise<void>;
}

const PAGE_SIZE = 3;

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Starts the fake on 127.0.0.1 with a random port, serving one bucket; `denyAll` answers 403 AccessDenied as a bucket policy would. */
export async function startFakeS3(bucket: string, options: { denyAll?: boolean } = {}): Promise<FakeS3> {
  const objects = new Map<string, FakeObject>();
  const requests: FakeS3["requests"] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const [, bucketName, ...keyParts] = url.pathname.split("/");
    const key = decodeURIComponent(keyParts.join("/"));
    requests.push({ method: req.method ?? "", key });
    if (bucketName !== bucket) {
      res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchBucket</Code></Error>");
      return;
    }
    if (options.denyAll) {
      res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (req.method === "PUT" && key) {
        const md5 = createHash("md5").update(body).digest();
        const claimed = req.headers["content-md5"];
        if (claimed && claimed !== md5.toString("base64")) {
          res.writeHead(400, { "content-type": "application/xml" }).end("<Error><Code>BadDigest</Code></Error>");
          return;
        }
        objects.set(key, { body, headers: req.headers });
        res.writeHead(200, { etag: `"${md5.toString("hex")}"` }).end();
        return;
      }
      if (req.method === "GET" && !key && url.searchParams.get("list-type") === "2") {
        const prefix = url.searchParams.get("prefix") ?? "";
        const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        const start = Number(url.searchParams.get("continuation-token") ?? "0");
        const page = keys.slice(start, start + PAGE_SIZE);
        const truncated = start + PAGE_SIZE < keys.length;
        const contents = page
          .map((k) => {
            const o = objects.get(k)!;
            const etag = createHash("md5").update(o.body).digest("hex");
            return `<Contents><Key>${xmlEscape(k)}</Key><ETag>&quot;${etag}&quot;</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
          })
          .join("");
        res.writeHead(200, { "content-type": "application/xml" }).end(
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
            `<Name>${bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${PAGE_SIZE}</MaxKeys>` +
            `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${start + PAGE_SIZE}</NextContinuationToken>` : ""}${contents}</ListBucketResult>`,
        );
        return;
      }
      res.writeHead(501, { "content-type": "application/xml" }).end("<Error><Code>NotImplemented</Code></Error>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The bucket and the throwaway credentials the publish tests use against the fake S3. */
export const TEST_BUCKET = "audio-bucket";
export const TEST_CREDENTIALS = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true" };

/** Starts a fresh fake S3 (with test credentials in the environment) before each test and closes it after. */
export function withFakeS3EachTest(use: (s3: FakeS3) => void): void {
  let current: FakeS3 | undefined;
  beforeEach(async () => {
    Object.assign(process.env, TEST_CREDENTIALS);
    current = await startFakeS3(TEST_BUCKET);
    use(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}
