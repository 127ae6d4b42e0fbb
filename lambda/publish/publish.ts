// Uploads the rendered sessions (dist/sessions/) to the audio bucket: right Content-Type and Cache-Control per file,
// unchanged files skipped by comparing the bucket's ETag with the local MD5, media before the documents naming it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { translateAwsError } from "./aws-errors.js";
import { cacheControlOf, contentTypeOf, uploadRank } from "./content-types.js";
import { PublishRefused, verifySessions } from "./verify.js";

/** What to publish where. */
export interface PublishOptions {
  /** Folder to upload (dist/sessions). */
  dir: string;
  bucket: string;
  /** Key prefix inside the bucket, e.g. "v1"; none by default. */
  prefix?: string;
  client: S3Client;
  /** Only report what would be uploaded. */
  dryRun?: boolean;
  /** Uploads at once; 4 keeps a home connection busy without S3 throttling. */
  concurrency?: number;
  onFile?: (event: { key: string; action: "upload" | "skip"; bytes: number }) => void;
}

/** What a publish did. */
export interface PublishResult {
  uploaded: string[];
  skipped: string[];
  bytesUploaded: number;
}

interface LocalFile {
  path: string;
  key: string;
  size: number;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dotfiles and atomic-write temporaries are never published.
    if (entry.name.startsWith(".") || entry.name.endsWith(".tmp")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Normalises a --prefix ("/v1/" → "v1/"; "" → ""). */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `${trimmed}/` : "";
}

async function remoteETags(client: S3Client, bucket: string, prefix: string): Promise<Map<string, { etag: string; size: number }>> {
  const found = new Map<string, { etag: string; size: number }>();
  let token: string | undefined;
  do {
    const page = await client
      .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }))
      .catch((error: unknown) => Promise.reject(translateAwsError(error, bucket, "listing")));
    for (const object of page.Contents ?? []) {
      if (object.Key) found.set(object.Key, { etag: (object.ETag ?? "").replace(/"/g, ""), size: object.Size ?? -1 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/**
 * Publishes a folder to S3; returns which keys went up and which were already there unchanged. A folder that is
 * not a complete render (see verify.ts) is refused with PublishRefused before anything is listed or uploaded.
 */
export async function publishSessions(options: PublishOptions): Promise<PublishResult> {
  let stat;
  try {
    stat = statSync(options.dir);
  } catch {
    throw new Error(`${options.dir}: no such folder (run \`npm run render\` first, or pass the folder to publish)`);
  }
  if (!stat.isDirectory()) throw new Error(`${options.dir}: not a folder (pass the folder that holds manifest.json)`);
  const problems = await verifySessions(options.dir);
  if (problems.length > 0) throw new PublishRefused(options.dir, problems);
  const prefix = normalisePrefix(options.prefix);
  const files: LocalFile[] = listFiles(options.dir)
    .map((path) => ({ path, key: prefix + relative(options.dir, path).split(sep).join("/"), size: statSync(path).size }))
    .sort((a, b) => uploadRank(a.key) - uploadRank(b.key) || a.key.localeCompare(b.key));
  if (files.length === 0) throw new Error(`${options.dir}: nothing to publish (run \`npm run render\` first)`);

  const remote = await remoteETags(options.client, options.bucket, prefix);
  const result: PublishResult = { uploaded: [], skipped: [], bytesUploaded: 0 };

  const uploadOne = async (file: LocalFile): Promise<void> => {
    const body = readFileSync(file.path);
    const md5 = createHash("md5").update(body).digest();
    const existing = remote.get(file.key);
    // A single-part PutObject's ETag is the MD5 of the bytes (SSE-S3); anything else simply re-uploads.
    if (existing && existing.size === body.length && existing.etag === md5.toString("hex")) {
      result.skipped.push(file.key);
      options.onFile?.({ key: file.key, action: "skip", bytes: body.length });
      return;
    }
    if (!options.dryRun) {
      await options.client
        .send(
          new PutObjectCommand({
            Bucket: options.bucket,
            Key: file.key,
            Body: body,
            ContentMD5: md5.toString("base64"),
            ContentType: contentTypeOf(file.key),
            CacheControl: cacheControlOf(file.key),
          }),
        )
        .catch((error: unknown) => Promise.reject(translateAwsError(error, options.bucket, `uploading ${file.key} to`)));
    }
    result.uploaded.push(file.key);
    result.bytesUploaded += body.length;
    options.onFile?.({ key: file.key, action: "upload", bytes: body.length });
  };

  // Each rank finishes before the next starts: every MP3 is in place before the manifest, page or feed names it.
  const concurrency = Math.max(1, options.concurrency ?? 4);
  for (const rank of [...new Set(files.map((f) => uploadRank(f.key)))]) {
    const queue = files.filter((f) => uploadRank(f.key) === rank);
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let file = queue.shift(); file; file = queue.shift()) await uploadOne(file);
      }),
    );
  }
  return result;
}

/** An S3 client for publishing; an endpoint (MinIO, a test server) switches to path-style addressing. */
export function createS3Client(options: { region?: string; endpoint?: string }): S3Client {
  const config: S3ClientConfig = { region: options.region ?? process.env.AWS_REGION ?? "us-east-1" };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
  }
  return new S3Client(config);
}
