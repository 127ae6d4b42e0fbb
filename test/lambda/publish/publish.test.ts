import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createS3Client, publishSessions } from "../../../lambda/publish/publish.js";
import { TEST_BUCKET, TEST_CREDENTIALS, withFakeS3EachTest, type FakeS3 } from "./fake-s3.js";

const BUCKET = TEST_BUCKET;

function sessionsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "ubr-sessions-"));
  mkdirSync(join(dir, "exercises"));
  writeFileSync(join(dir, "upper-back.mp3"), Buffer.alloc(40_000, 7));
  writeFileSync(join(dir, "exercises", "cat-cow.mp3"), Buffer.alloc(12_000, 3));
  writeFileSync(join(dir, "exercises", "child's pose.mp3"), Buffer.alloc(9_000, 5));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ tracks: [] }));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Sessions</title>");
  writeFileSync(join(dir, "feed.xml"), "<rss version=\"2.0\"></rss>");
  writeFileSync(join(dir, ".DS_Store"), "junk");
  writeFileSync(join(dir, "manifest.json.tmp"), "half-written");
  return dir;
}

let s3: FakeS3;
withFakeS3EachTest((server) => (s3 = server));

describe("upper-back publish", () => {
  it("uploads every session file with its content type and cache policy, media before documents", async () => {
    const dir = sessionsFolder();
    const client = createS3Client({ endpoint: s3.endpoint });
    const result = await publishSessions({ dir, bucket: BUCKET, client });
    client.destroy();

    expect(result.uploaded.sort()).toEqual(["exercises/cat-cow.mp3", "exercises/child's pose.mp3", "feed.xml", "index.html", "manifest.json", "upper-back.mp3"]);
    expect([...s3.objects.keys()]).not.toContain(".DS_Store");
    const header = (key: string, name: string) => s3.objects.get(key)!.headers[name];
    expect(header("upper-back.mp3", "content-type")).toBe("audio/mpeg");
    expect(header("exercises/child's pose.mp3", "content-type")).toBe("audio/mpeg");
    expect(header("manifest.json", "content-type")).toBe("application/json");
    expect(header("index.html", "content-type")).toBe("text/html; charset=utf-8");
    expect(header("feed.xml", "content-type")).toBe("application/rss+xml");
    expect(header("upper-back.mp3", "cache-control")).toBe("public, max-age=86400");
    expect(header("feed.xml", "cache-control")).toBe("public, max-age=300, must-revalidate");
    expect(s3.objects.get("upper-back.mp3")!.body.length).toBe(40_000);

    const puts = s3.requests.filter((r) => r.method === "PUT").map((r) => r.key);
    const lastMedia = Math.max(...puts.map((k, i) => (k.endsWith(".mp3") ? i : -1)));
    const firstDocument = puts.findIndex((k) => !k.endsWith(".mp3"));
    expect(lastMedia).toBeLessThan(firstDocument);
  });

  it("skips unchanged files on the next publish and re-uploads only what changed", async () => {
    const dir = sessionsFolder();
    const client = createS3Client({ endpoint: s3.endpoint });
    await publishSessions({ dir, bucket: BUCKET, client });
    const putsBefore = s3.requests.filter((r) => r.method === "PUT").length;

    const again = await publishSessions({ dir, bucket: BUCKET, client });
    expect(again.uploaded).toEqual([]);
    expect(again.skipped).toHaveLength(6);
    expect(s3.requests.filter((r) => r.method === "PUT").length).toBe(putsBefore);

    writeFileSync(join(dir, "exercises", "cat-cow.mp3"), Buffer.alloc(12_000, 4)); // same size, new bytes
    const third = await publishSessions({ dir, bucket: BUCKET, client });
    client.destroy();
    expect(third.uploaded).toEqual(["exercises/cat-cow.mp3"]);
    expect(s3.objects.get("exercises/cat-cow.mp3")!.body[0]).toBe(4);
  });

  it("puts files under a prefix and a dry run uploads nothing", async () => {
    const dir = sessionsFolder();
    const client = createS3Client({ endpoint: s3.endpoint });
    const dry = await publishSessions({ dir, bucket: BUCKET, prefix: "/v2/", client, dryRun: true });
    expect(dry.uploaded).toContain("v2/upper-back.mp3");
    expect(s3.objects.size).toBe(0);
    await publishSessions({ dir, bucket: BUCKET, prefix: "v2", client });
    client.destroy();
    expect([...s3.objects.keys()].every((k) => k.startsWith("v2/"))).toBe(true);
  });

  it("names the folder and the fix when there is nothing rendered", async () => {
    const client = createS3Client({ endpoint: s3.endpoint });
    await expect(publishSessions({ dir: "/nonexistent/sessions", bucket: BUCKET, client })).rejects.toThrow(
      "/nonexistent/sessions: no such folder (run `npm run render` first",
    );
    client.destroy();
  });

  it("runs as a CLI command and prints the invalidation for changed documents", async () => {
    const dir = sessionsFolder();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bin/cli.ts", "publish", "--bucket", BUCKET, "--endpoint", s3.endpoint, "--dir", dir, "--distribution-id", "E123ABC"],
      { env: { ...process.env, ...TEST_CREDENTIALS }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(err).not.toMatch(/upper-back:|Error/);
    expect(code).toBe(0);
    expect(out).toContain("uploaded upper-back.mp3 (40000 bytes)");
    expect(out).toContain(`6 file(s) uploaded (${40_000 + 12_000 + 9_000 + 38 + 25 + 13} bytes), 0 unchanged and skipped, to s3://${BUCKET}/`);
    expect(out).toContain('aws cloudfront create-invalidation --distribution-id E123ABC --paths "/feed.xml" "/index.html" "/manifest.json"');
    expect(s3.objects.size).toBe(6);
  });
});
