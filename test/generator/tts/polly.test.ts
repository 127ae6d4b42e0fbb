import { PollyClient, SynthesizeSpeechCommand } from "@aws-sdk/client-polly";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClipCache } from "../../../generator/cache/clip-cache.js";
import { pollyBilledCharacters, pollyRequests } from "../../../content/ssml/polly.js";
import { createPollyEngine, type PollyEngineOptions } from "../../../generator/tts/polly.js";
import { startFakePolly, type FakePolly } from "../../support/fake-polly.js";

const credentials = { accessKeyId: "AKIDFAKEPOLLY", secretAccessKey: "fake-secret" };

describe("Polly engine against a fake Polly on loopback (real SDK, HTTP/2)", () => {
  let root: string;
  const fakes: FakePolly[] = [];
  const start = async (options?: Parameters<typeof startFakePolly>[0]) => {
    const fake = await startFakePolly(options);
    fakes.push(fake);
    return fake;
  };
  const engineFor = (fake: FakePolly, options: PollyEngineOptions = {}) =>
    createPollyEngine({ endpoint: fake.endpoint, region: "us-east-1", credentials, retryBaseMs: 20, ...options });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "polly-"));
  });
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((f) => f.close()));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("sends Polly-dialect SSML over HTTP/2, returns 16 kHz PCM, and counts billed characters and cost", async () => {
    const fake = await start();
    const engine = await engineFor(fake, { engine: "neural", voice: "Matthew" });
    const text = "Sit tall. Child's pose & rest.";
    const clip = await engine.synthesize(text, { ratePercent: 90 });
    await engine.close();

    expect([...fake.httpVersions]).toEqual(["2.0"]);
    expect(clip.sampleRate).toBe(16000);
    expect(clip.pcm.length).toBeGreaterThan(16000); // > 0.5 s of the fake's tone
    const [request] = fake.speechRequests;
    expect(request).toMatchObject({ engine: "neural", voice: "Matthew", status: 200 });
    expect(request!.text).toBe(pollyRequests(text, { engine: "neural", ratePercent: 90 })[0]);
    const billed = pollyBilledCharacters(request!.text); // what the service bills: text between tags, entities as one
    expect(billed).toBeGreaterThanOrEqual("Sit tall. Child's pose & rest.".length);
    expect(engine.usage()).toEqual({ requests: 1, characters: billed, estimatedCostUsd: (billed * 16) / 1e6 });
  });

  it("rides out throttling and a 500 midway through a cached render and synthesizes no text twice", async () => {
    const fake = await start({
      fault: (n) => (n === 3 || n === 7 ? "throttle" : n === 5 ? "server-error" : undefined),
    });
    const engine = await engineFor(fake, { engine: "standard", voice: "Joanna", concurrency: 4 });
    const cache = createClipCache({ dir: join(root, "render"), engine });
    const tracks = [
      ["Welcome.", "Sit tall.", "Turn your head to the right.", "Hold.", "Release."],
      ["Welcome.", "Roll your shoulders back.", "Hold.", "Release.", "Well done."],
      ["Welcome.", "Sit tall.", "Lift your chest.", "Hold.", "Well done."],
    ];
    const clips = await Promise.all(tracks.map((track) => Promise.all(track.map((t) => cache.get(t, { ratePercent: 100 })))));
    await engine.close();

    const unique = new Set(tracks.flat());
    expect(clips.flat().every((c) => c.pcm.length > 0)).toBe(true);
    expect(fake.speechRequests.filter((r) => r.status !== 200).map((r) => r.errorType)).toEqual([
      "ThrottlingException",
      "ServiceFailureException",
      "ThrottlingException",
    ]);
    expect(engine.retries()).toBe(3);
    const counts = fake.synthesizedCounts();
    expect(counts.size).toBe(unique.size);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(cache.stats()).toMatchObject({ misses: unique.size, requests: tracks.flat().length });
  });

  it("splits a long text into requests of at most 3,000 billed characters and joins their audio", async () => {
    const fake = await start({ msPerCharacter: 1 });
    const engine = await engineFor(fake, { engine: "standard" });
    const sentence = "Breathe in slowly through your nose and let your shoulders drop away from your ears. ";
    const text = sentence.repeat(80); // ~6,900 characters
    const clip = await engine.synthesize(text, { ratePercent: 100 });
    await engine.close();

    expect(fake.speechRequests.length).toBeGreaterThanOrEqual(3);
    expect(fake.speechRequests.every((r) => r.status === 200)).toBe(true);
    const billed = engine.usage().characters;
    const perRequest = fake.speechRequests.map((r) => pollyBilledCharacters(r.text));
    expect(Math.max(...perRequest)).toBeLessThanOrEqual(3000);
    expect(billed).toBe(perRequest.reduce((a, b) => a + b, 0));
    expect(billed).toBeGreaterThanOrEqual(text.trim().length - 80); // every sentence is spoken
    expect(clip.pcm.length / 2).toBeGreaterThan((billed * 16000) / 1000 - 100);
  });

  it("stays inside the neural quota: a fake that throttles above 10 requests a second throttles none", async () => {
    const fake = await start({ maxRequestsPerSecond: 10, latencyMs: 400 });
    const engine = await engineFor(fake, { engine: "neural", concurrency: 2 });
    const phrases = Array.from({ length: 20 }, (_, i) => `Repetition number ${i + 1}.`);
    await Promise.all(phrases.map((p) => engine.synthesize(p, { ratePercent: 100 })));
    await engine.close();

    expect(fake.speechRequests).toHaveLength(20);
    expect(fake.speechRequests.filter((r) => r.status !== 200)).toEqual([]);
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);
  });

  it("gives up after the last attempt with an error that says what to do", async () => {
    const fake = await start({ fault: () => "server-error" });
    const engine = await engineFor(fake, { maxAttempts: 3 });
    await expect(engine.synthesize("Hold.", { ratePercent: 100 })).rejects.toThrow(
      /gave up after retries \(ServiceFailureException.*lower --concurrency/,
    );
    await engine.close();
    expect(fake.speechRequests).toHaveLength(3);
  });

  it("rejects an unknown voice before synthesizing, listing the engine's voices", async () => {
    const fake = await start();
    await expect(engineFor(fake, { engine: "neural", voice: "Geraint" })).rejects.toThrow(
      'polly: voice "Geraint" is not available for engine neural; choose one of Brian, Ivy, Joanna, Matthew (flag --voice)',
    );
    await expect(engineFor(fake, { engine: "generative", voice: "Nobody" })).rejects.toThrow(/choose one of Joanna, Matthew/);
    expect(fake.speechRequests).toHaveLength(0);
  });

  it("explains the service's own voice errors when the voice was not checked up front", async () => {
    const fake = await start();
    const engine = await engineFor(fake, { engine: "neural", voice: "Geraint", validateVoice: false });
    await expect(engine.synthesize("Hold.", { ratePercent: 100 })).rejects.toThrow(
      /voice "Geraint" is not available for engine neural \(This voice does not support the selected engine.*--voice/,
    );
    await engine.close();
  });

  it("fake Polly rejects <emphasis> on neural like the service, and the engine reports it as an SSML bug", async () => {
    const fake = await start();
    const client = new PollyClient({ endpoint: fake.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    const send = (Engine: "standard" | "neural") =>
      client.send(
        new SynthesizeSpeechCommand({
          Engine,
          OutputFormat: "pcm",
          SampleRate: "16000",
          TextType: "ssml",
          Text: '<speak><emphasis level="strong">Stop</emphasis> if it hurts.</speak>',
          VoiceId: "Joanna",
        }),
      );
    await expect(send("neural")).rejects.toMatchObject({ name: "InvalidSsmlException" });
    await expect(send("standard")).resolves.toMatchObject({ RequestCharacters: "Stop if it hurts.".length });
    client.destroy();
  });

  describe("with no credentials anywhere in the standard chain", () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    const clearAwsEnvironment = () => {
      for (const name of Object.keys(process.env)) if (name.startsWith("AWS_")) delete process.env[name];
      process.env.AWS_CONFIG_FILE = join(root, "no-such-config");
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(root, "no-such-credentials");
      process.env.AWS_EC2_METADATA_DISABLED = "true"; // never reach for the instance metadata address
    };

    it("fails before any audio request with the places it looked and the fix", async () => {
      const fake = await start();
      clearAwsEnvironment();
      await expect(createPollyEngine({ endpoint: fake.endpoint, region: "us-east-1" })).rejects.toThrow(
        /no AWS credentials found.*AWS_ACCESS_KEY_ID.*~\/\.aws\/credentials.*aws configure.*--engine espeak/,
      );
      expect(fake.speechRequests).toHaveLength(0);
    });

    it("names the region setting when no region is configured", async () => {
      const fake = await start();
      clearAwsEnvironment();
      await expect(createPollyEngine({ endpoint: fake.endpoint, credentials })).rejects.toThrow(
        "polly: no AWS region configured. Fix: set AWS_REGION (e.g. us-east-1) or `region` in ~/.aws/config.",
      );
    });

    it("takes credentials, region and endpoint from the standard environment variables (how a CLI render reaches the fake)", async () => {
      const fake = await start();
      clearAwsEnvironment();
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: "AKIDFROMENV",
        AWS_SECRET_ACCESS_KEY: "secret-from-env",
        AWS_REGION: "eu-west-1",
        AWS_ENDPOINT_URL_POLLY: fake.endpoint,
      });
      const engine = await createPollyEngine({ engine: "standard", voice: "Brian" });
      const clip = await engine.synthesize("Relax your jaw.", { ratePercent: 100 });
      await engine.close();
      expect(clip.pcm.length).toBeGreaterThan(0);
      expect(fake.speechRequests.map((r) => [r.voice, r.status])).toEqual([["Brian", 200]]);
    });
  });
});
