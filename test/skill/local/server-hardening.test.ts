// `upper-back serve` as a web service a browser could reach: short JSON errors without stacks or paths, security
// headers on every answer, a body limit, insecure mode limited to JSON without a foreign Origin, timestamps checked
// both ways.
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../../../skill/index.js";
import { launchRequest, newConversation } from "../../../skill/local/requests.js";
import { isLoopbackHost, publicReason, timestampProblem } from "../../../skill/local/server.js";
import { post, skillServers } from "./server-fixture.js";

const SKILL_ID = "amzn1.ask.skill.hardening-0000";
const start = skillServers(createAnswerer({ skillId: SKILL_ID }, { log: () => undefined }));
const INSECURE = { verifySignature: false, verifyTimestamp: false };

function launchBody(offsetMs = 0, applicationId = SKILL_ID): string {
  const request = launchRequest(newConversation({ applicationId }));
  request.request.timestamp = new Date(Date.now() + offsetMs).toISOString();
  return JSON.stringify(request);
}

// A JSON error body: one short message, no stack frames, no file paths.
function expectCleanJsonError(res: { headers: Headers; text: string }, message: RegExp): void {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(message);
  expect(res.text).not.toMatch(/\bat \S+ \(|\/work\/|\/home\/|node_modules|ENOTFOUND|Error:/);
}

describe("upper-back serve error bodies and headers", () => {
  it("answers a 10 MB body with 413 JSON and no stack", async () => {
    const res = await post(await start(INSECURE), " ".repeat(10 * 1024 * 1024));
    expect(res.status).toBe(413);
    expectCleanJsonError(res, /too large/);
  });

  it("answers unsigned requests, unknown paths and bad JSON with short JSON errors", async () => {
    const url = await start();
    const unsigned = await post(url, launchBody());
    expect(unsigned.status).toBe(400);
    expectCleanJsonError(unsigned, /^request verification failed: Missing Certificate/);
    const missing = await fetch(`${url}nope`);
    expect(missing.status).toBe(404);
    expectCleanJsonError({ headers: missing.headers, text: await missing.text() }, /not found/);
    const broken = await post(await start(INSECURE), "{not json");
    expect(broken.status).toBe(400);
    expectCleanJsonError(broken, /not valid JSON/);
  });

  it("refuses another skill's request with 400 JSON", async () => {
    const res = await post(await start(INSECURE), launchBody(0, "amzn1.ask.skill.someone-else"));
    expect(res.status).toBe(400);
    expectCleanJsonError(res, /another skill/);
  });

  it("keeps network and file-system details of a failed certificate download out of the answer", () => {
    expect(publicReason(new Error("getaddrinfo ENOTFOUND s3.amazonaws.com"))).toBe("the signing certificate could not be checked");
    expect(publicReason(new Error("ENOENT: no such file, open '/work/x/cert.pem'"))).toBe("the signing certificate could not be checked");
    expect(publicReason(new Error("Missing Signature for the skill request\n    at verify (/x.js:1:1)"))).toBe("Missing Signature for the skill request");
  });

  it("sends the security headers on answers and on errors", async () => {
    const url = await start(INSECURE);
    for (const res of [await post(url, launchBody()), await post(url, "{not json"), await fetch(url)]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });
});

describe("--insecure-skip-verification accepts only what Alexa itself would send", () => {
  it("refuses a cross-origin text/plain POST (what any web page can send) with 403", async () => {
    const res = await post(await start(INSECURE), launchBody(), { "content-type": "text/plain", origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expectCleanJsonError(res, /cross-origin/);
  });

  it("refuses a foreign Origin even with a JSON type, and a non-JSON type without one", async () => {
    const url = await start(INSECURE);
    expect((await post(url, launchBody(), { origin: "http://localhost:9999" })).status).toBe(403);
    const plain = await post(url, launchBody(), { "content-type": "text/plain" });
    expect(plain.status).toBe(415);
    expectCleanJsonError(plain, /application\/json/);
    expect((await post(url, launchBody())).status).toBe(200);
  });

  it("only ever binds loopback addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "localhost"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "::", "192.168.1.10", "example.com", "127.0.0.1.example.com"].some(isLoopbackHost)).toBe(false);
  });
});

describe("timestamps (verification on)", () => {
  it("refuses stale and future timestamps with 400 JSON and accepts a fresh one", async () => {
    const url = await start({ verifySignature: false, verifyTimestamp: true });
    const stale = await post(url, launchBody(-151_000));
    expect(stale.status).toBe(400);
    expectCleanJsonError(stale, /more than 150 s old/);
    const future = await post(url, launchBody(10 * 60_000));
    expect(future.status).toBe(400);
    expectCleanJsonError(future, /in the future/);
    expect((await post(url, launchBody(-5_000))).status).toBe(200);
  });

  it("names a missing or unreadable timestamp", () => {
    expect(timestampProblem(JSON.stringify({ request: {} }))).toMatch(/missing or not a date/);
    expect(timestampProblem(JSON.stringify({ request: { timestamp: "yesterday" } }))).toMatch(/missing or not a date/);
  });
});
