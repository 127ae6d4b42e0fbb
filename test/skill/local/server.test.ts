import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerer } from "../../../skill/index.js";
import { launchRequest, newConversation } from "../../../skill/local/requests.js";
import { post, skillServers } from "./server-fixture.js";
import { makeAlexaCerts, signBody, startCertHost, type AlexaCerts, type CertHost } from "./alexa-certs.js";

const AMAZON_CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";
const start = skillServers(createAnswerer({}));

function launchBody(ageMs = 0): string {
  const request = launchRequest(newConversation());
  request.request.timestamp = new Date(Date.now() - ageMs).toISOString();
  return JSON.stringify(request);
}


describe("upper-back serve: verification on (the default)", () => {
  it("rejects an unsigned request with 400", async () => {
    const res = await post(await start(), launchBody());
    expect(res.status).toBe(400);
    expect(res.text).toContain("Missing Certificate for the skill request");
  });

  it("rejects a certificate URL that is not Amazon's with 400, before downloading anything", async () => {
    const url = await start();
    const cases: Array<[string, RegExp]> = [
      ["https://evil.example.com/echo.api/echo-api-cert.pem", /invalid host name: evil\.example\.com/],
      ["http://s3.amazonaws.com/echo.api/echo-api-cert.pem", /unsupported protocol http:/],
      ["https://s3.amazonaws.com/other.api/echo-api-cert.pem", /invalid path: \/other\.api\//],
      ["https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem", /invalid port: 8443/],
    ];
    for (const [chainUrl, reason] of cases) {
      const res = await post(url, launchBody(), { SignatureCertChainUrl: chainUrl, "Signature-256": "c2lnbmF0dXJl" });
      expect(res.status, chainUrl).toBe(400);
      expect(res.text, chainUrl).toMatch(reason);
    }
  });

  it("rejects a request with a signature but no certificate URL with 400", async () => {
    const res = await post(await start(), launchBody(), { "Signature-256": "c2lnbmF0dXJl" });
    expect(res.status).toBe(400);
  });

  it("rejects a stale timestamp (> 150 s old) with 400", async () => {
    // Signature checking off here so the timestamp check alone decides; the full default set rejects it too.
    const timestampOnly = await start({ verifySignature: false, verifyTimestamp: true });
    const stale = await post(timestampOnly, launchBody(151_000));
    expect(stale.status).toBe(400);
    expect(JSON.parse(stale.text)).toEqual({ error: "request verification failed: request.timestamp is more than 150 s old" });
    const fresh = await post(timestampOnly, launchBody(5_000));
    expect(fresh.status).toBe(200);
    expect((await post(await start(), launchBody(151_000))).status).toBe(400);
  });
});

describe("upper-back serve: --insecure-skip-verification", () => {
  it("answers a LaunchRequest with 200 and speech", async () => {
    const res = await post(await start({ verifySignature: false, verifyTimestamp: false }), launchBody(10 * 60_000));
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.text);
    expect(envelope.version).toBe("1.0");
    expect(envelope.response.outputSpeech.ssml).toMatch(/^<speak>.+<\/speak>$/s);
  });

  it("answers GET / with a short note rather than an error page", async () => {
    const response = await fetch(await start());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Alexa POSTs requests to this URL");
  });
});

// Alexa's real chain URL is https://s3.amazonaws.com/echo.api/...; the adapter insists on that host, port 443, and a
// chain ending in a root from Node's built-in Mozilla store (tls.rootCertificates). We serve a locally made chain
// from loopback as that host: the download works, the signature would match, and the adapter still (rightly)
// refuses, because no test CA can be in that store. These tests pin down exactly where it stops.
describe("a locally signed request (certificate chain served on loopback)", () => {
  let certs: AlexaCerts;
  let host: CertHost | undefined;
  let unavailable = "";
  beforeAll(async () => {
    certs = makeAlexaCerts();
    try {
      host = await startCertHost(certs);
    } catch (error) {
      unavailable = `cannot listen on 127.0.0.1:443 (${(error as NodeJS.ErrnoException).code}); needs root`;
    }
  });
  afterAll(async () => {
    await host?.close();
  });

  it("is downloaded and checked, then refused with 400 because the root is not in Node's CA store", async (ctx) => {
    if (!host) ctx.skip(unavailable);
    const body = launchBody();
    const res = await post(await start(), body, { SignatureCertChainUrl: host!.chainUrl, "Signature-256": signBody(body, certs.signingKeyPem) });
    expect(host!.downloads).toContain("/echo.api/local-test.pem");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: "request verification failed: Certificate is not trusted." });
  });

  it("with a bad signature is refused with 400 as well", async (ctx) => {
    if (!host) ctx.skip(unavailable);
    const body = launchBody();
    const forged = signBody(body.replace("LaunchRequest", "SessionEndedRequest"), certs.signingKeyPem);
    const res = await post(await start(), body, { SignatureCertChainUrl: host!.chainUrl, "Signature-256": forged });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toMatch(/^request verification failed: /);
  });

  it("from the Amazon certificate URL is not fetched from the internet in tests", async (ctx) => {
    if (!host) ctx.skip(unavailable);
    // The agent only resolves s3.amazonaws.com to loopback, where no such file exists: 404 → 400, no traffic out.
    const res = await post(await start(), launchBody(), { SignatureCertChainUrl: AMAZON_CHAIN_URL, "Signature-256": "c2lnbmF0dXJl" });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Unable to load x509 certificate/);
  });
});
