import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createS3Client, publishSessions } from "../../../lambda/publish/publish.js";
import { PublishRefused } from "../../../lambda/publish/verify.js";
import { startFakeS3, TEST_BUCKET, TEST_CREDENTIALS, withFakeS3EachTest, type FakeS3 } from "./fake-s3.js";

const BUCKET = TEST_BUCKET;

/** A complete render in miniature: two MP3s whose manifest records size and sha256, the page and the feed, an alexa profile. */
function completeRender(): string {
  const dir = mkdtempSync(join(tmpdir(), "ubr-verify-"));
  const profile = (folder: string) => {
    mkdirSync(folder, { recursive: true });
    const tracks = [
      { id: "quick", kind: "routine", file: "routine-quick.mp3", bytes: 400_000 },
      { id: "cat-cow", kind: "exercise", file: "exercise-cat-cow.mp3", bytes: 120_000 },
    ].map((t, i) => {
      const body = Buffer.alloc(t.bytes, i + 1);
      writeFileSync(join(folder, t.file), body);
      const sha256 = createHash("sha256").update(body).digest("hex");
      return { id: t.id, kind: t.kind, title: t.id, file: t.file, pace: "standard", durationMs: 60_000, chapters: [], segments: [], bytes: t.bytes, sha256 };
    });
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ tracks }));
  };
  profile(dir);
  profile(join(dir, "alexa"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Sessions</title>");
  writeFileSync(join(dir, "feed.xml"), '<rss version="2.0"></rss>');
  return dir;
}

let s3: FakeS3;
withFakeS3EachTest((server) => (s3 = server));

async function refusal(dir: string): Promise<PublishRefused> {
  const client = createS3Client({ endpoint: s3.endpoint });
  try {
    await publishSessions({ dir, bucket: BUCKET, client });
  } catch (error) {
    if (error instanceof PublishRefused) return error;
    throw error;
  } finally {
    client.destroy();
  }
  throw new Error("publish did not refuse");
}

describe("publish verifies the render before it uploads", () => {
  it("uploads a complete render", async () => {
    const client = createS3Client({ endpoint: s3.endpoint });
    const result = await publishSessions({ dir: completeRender(), bucket: BUCKET, client });
    client.destroy();
    expect(result.uploaded).toHaveLength(8);
  });

  it.each([
    ["no manifest", (dir: string) => rmSync(join(dir, "manifest.json")), /manifest\.json: no manifest here/],
    ["a listed MP3 missing", (dir: string) => rmSync(join(dir, "exercise-cat-cow.mp3")), /exercise-cat-cow\.mp3: listed in the manifest \(track cat-cow\) but missing/],
    ["an MP3 truncated", (dir: string) => truncateSync(join(dir, "routine-quick.mp3"), 300_000), /routine-quick\.mp3: 300000 bytes, the manifest records 400000/],
    ["a page without its feed", (dir: string) => rmSync(join(dir, "feed.xml")), /feed\.xml: missing/],
    ["an alexa MP3 replaced by one of the same size", (dir: string) => writeFileSync(join(dir, "alexa", "exercise-cat-cow.mp3"), Buffer.alloc(120_000, 9)), /alexa\/exercise-cat-cow\.mp3: sha256 differs/],
  ])("refuses %s with the list of problems and uploads nothing", async (_case, breakIt, problem) => {
    const dir = completeRender();
    breakIt(dir);
    const refused = await refusal(dir);
    expect(refused.problems).toEqual([expect.stringMatching(problem)]);
    expect(refused.message).toMatch(/not a complete render, nothing uploaded; 1 problem\(s\):\n {2}- /);
    expect(s3.requests).toEqual([]);
  });

  it("lists every problem at once", async () => {
    const dir = completeRender();
    rmSync(join(dir, "feed.xml"));
    rmSync(join(dir, "index.html"));
    truncateSync(join(dir, "exercise-cat-cow.mp3"), 10);
    expect((await refusal(dir)).problems).toHaveLength(3);
  });
});

describe("upper-back publish on a broken render", () => {
  it("exits 1 with the list of problems and no stack", () => {
    const dir = completeRender();
    rmSync(join(dir, "feed.xml"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "publish", "--bucket", BUCKET, "--endpoint", s3.endpoint, "--dir", dir], {
      encoding: "utf8",
      env: { ...process.env, ...TEST_CREDENTIALS },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`upper-back: ${dir} is not a complete render, nothing uploaded; 1 problem(s):\n  - ${join(dir, "feed.xml")}: missing`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });
});

describe("publish translates S3 failures into a cause and a fix", () => {
  async function failure(bucket: string, client = createS3Client({ endpoint: s3.endpoint })): Promise<string> {
    try {
      await publishSessions({ dir: completeRender(), bucket, client });
    } catch (error) {
      return (error as Error).message;
    } finally {
      client.destroy();
    }
    return "no error";
  }

  it("a wrong bucket says there is no such bucket, naming it", async () => {
    expect(await failure("wrong-bucket")).toMatch(/s3:\/\/wrong-bucket failed: no such bucket \(fix: pass the stack output AudioBucketName/);
  });

  it("missing credentials say so and how to set them", async () => {
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"]) delete process.env[name];
    Object.assign(process.env, { AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials" });
    try {
      expect(await failure(BUCKET)).toMatch(/no AWS credentials found \(fix: set AWS_PROFILE/);
    } finally {
      delete process.env.AWS_CONFIG_FILE;
      delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    }
  });

  it("access denied says which permissions are needed", async () => {
    const denying = await startFakeS3(BUCKET, { denyAll: true });
    try {
      expect(await failure(BUCKET, createS3Client({ endpoint: denying.endpoint }))).toMatch(/access denied \(fix: use credentials allowed s3:ListBucket and s3:PutObject/);
    } finally {
      await denying.close();
    }
  });
});
