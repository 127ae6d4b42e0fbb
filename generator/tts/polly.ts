// Amazon Polly as a TtsEngine: the production voice. Text is split into Polly-dialect SSML requests
// (content/ssml/polly.ts), sent within Polly's rate limits, retried on throttling and 5xx, and
// returned as 16 kHz s16le PCM (Polly's pcm output supports only 8000 and 16000 Hz, on every engine).
import {
  DescribeVoicesCommand,
  PollyClient,
  SynthesizeSpeechCommand,
  type PollyClientConfig,
  type VoiceId,
} from "@aws-sdk/client-polly";
import { POLLY_ENGINES, pollyRequests, type PollyEngine } from "../../content/ssml/polly.js";
import type { Clip, EngineUsage, SynthesizeOptions, TtsEngine } from "./engine.js";
import { explainPollyError, isRetryablePollyError, unknownVoiceError } from "./polly-errors.js";
import { createRateLimiter } from "./rate-limit.js";
import { withRetries } from "./retry.js";

export type { PollyEngine };
export { POLLY_ENGINES };

/** US dollars per million characters, by engine (list prices). */
export const POLLY_PRICE_PER_MILLION: Record<PollyEngine, number> = { standard: 4, neural: 16, generative: 30 };

/** Polly's default SynthesizeSpeech quotas: requests per second and requests in flight. */
const POLLY_QUOTAS: Record<PollyEngine, { requestsPerSecond: number; maxConcurrency: number }> = {
  standard: { requestsPerSecond: 80, maxConcurrency: 80 },
  neural: { requestsPerSecond: 8, maxConcurrency: 18 },
  generative: { requestsPerSecond: 8, maxConcurrency: 26 },
};

const SAMPLE_RATE = 16000;

/** Options of `createPollyEngine`. */
export interface PollyEngineOptions {
  /** Polly engine (flag --polly-engine); default "neural". */
  engine?: PollyEngine;
  /** Polly voice id (flag --voice); default "Joanna". */
  voice?: string;
  /** AWS region; default from the standard chain (AWS_REGION, ~/.aws/config). */
  region?: string;
  /** Endpoint override, e.g. a fake Polly on loopback; the SDK also reads AWS_ENDPOINT_URL_POLLY. */
  endpoint?: string;
  /** Credentials; default the standard AWS chain (env, ~/.aws, SSO, container, instance role). */
  credentials?: PollyClientConfig["credentials"];
  /** Requests in flight at once; default 8, never above the engine's quota. */
  concurrency?: number;
  /** Requests per second; default 90% of the engine's quota. */
  requestsPerSecond?: number;
  /** Attempts per request, the first included; default 6. */
  maxAttempts?: number;
  /** Base of the exponential backoff in ms; default 250. */
  retryBaseMs?: number;
  /** Check the voice with DescribeVoices when the engine is created (default true). */
  validateVoice?: boolean;
  /** Told about each retry (progress lines). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** What the Polly engine adds to the TtsEngine interface. */
export interface PollyTtsEngine extends TtsEngine {
  readonly pollyEngine: PollyEngine;
  /** Retries made so far (throttling, 5xx, dropped connections). */
  retries(): number;
}

/**
 * Creates the Polly engine and checks, before any audio is requested, that credentials work and the
 * voice exists for the engine (one DescribeVoices call), so a render fails early with a clear fix.
 */
export async function createPollyEngine(options: PollyEngineOptions = {}): Promise<PollyTtsEngine> {
  const pollyEngine = options.engine ?? "neural";
  if (!POLLY_ENGINES.includes(pollyEngine)) {
    throw new Error(`polly: engine "${pollyEngine}" is not one of ${POLLY_ENGINES.join(", ")} (flag --polly-engine)`);
  }
  const voice = options.voice ?? "Joanna";
  const quota = POLLY_QUOTAS[pollyEngine];
  const client = new PollyClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: 1, // retries are ours, so throttling is counted and paced in one place
  });
  const place = { engine: pollyEngine, voice };

  if (options.validateVoice !== false) {
    let voices: { Id?: string; LanguageCode?: string }[];
    try {
      voices = (await client.send(new DescribeVoicesCommand({ Engine: pollyEngine }))).Voices ?? [];
    } catch (error) {
      client.destroy();
      throw explainPollyError(error, place);
    }
    if (!voices.some((v) => v.Id === voice)) {
      client.destroy();
      throw unknownVoiceError(voice, pollyEngine, voices);
    }
  }

  // Pace at 90% of the quota with a small burst, so even a strict one-second sliding window on the
  // service side (neural: 8 tps, burst 10) never counts more than it allows.
  const requestsPerSecond = options.requestsPerSecond ?? quota.requestsPerSecond * 0.9;
  const concurrency = Math.min(options.concurrency ?? 8, quota.maxConcurrency);
  const limiter = createRateLimiter({ requestsPerSecond, burst: Math.max(1, Math.floor(requestsPerSecond / 8)), concurrency });
  const usage = { requests: 0, characters: 0 };
  let retries = 0;

  async function synthesizePart(ssml: string, signal?: AbortSignal): Promise<Buffer> {
    return withRetries(
      () =>
        limiter.run(async () => {
          usage.requests += 1;
          const out = await client.send(
            new SynthesizeSpeechCommand({
              Engine: pollyEngine,
              OutputFormat: "pcm",
              SampleRate: String(SAMPLE_RATE),
              Text: ssml,
              TextType: "ssml",
              VoiceId: voice as VoiceId,
            }),
            { abortSignal: signal },
          );
          const bytes = await out.AudioStream?.transformToByteArray();
          if (!bytes) throw new Error(`polly: SynthesizeSpeech returned no audio for "${ssml.slice(0, 80)}"`);
          usage.characters += out.RequestCharacters ?? 0;
          return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        }, signal),
      {
        maxAttempts: options.maxAttempts ?? 6,
        baseMs: options.retryBaseMs ?? 250,
        capMs: 20_000,
        isRetryable: isRetryablePollyError,
        signal,
        onRetry: (info) => {
          retries += 1;
          options.onRetry?.(info);
        },
      },
    ).catch((error: unknown) => {
      throw explainPollyError(error, place);
    });
  }

  return {
    id: "polly",
    voice,
    pollyEngine,
    settingsKey: `polly;engine=${pollyEngine};fmt=pcm;sr=${SAMPLE_RATE};ssml=1`,
    sampleRate: SAMPLE_RATE,
    concurrency,
    async synthesize(text: string, opts: SynthesizeOptions): Promise<Clip> {
      if (text.trim() === "") throw new Error("polly: cannot synthesize empty text (a speech cue has no words)");
      const requests = pollyRequests(text, { engine: pollyEngine, ratePercent: opts.ratePercent });
      const parts = await Promise.all(requests.map((ssml) => synthesizePart(ssml, opts.signal)));
      return { pcm: Buffer.concat(parts), sampleRate: SAMPLE_RATE };
    },
    usage: (): EngineUsage => ({
      ...usage,
      estimatedCostUsd: (usage.characters * POLLY_PRICE_PER_MILLION[pollyEngine]) / 1_000_000,
    }),
    retries: () => retries,
    close() {
      client.destroy();
      return Promise.resolve();
    },
  };
}
