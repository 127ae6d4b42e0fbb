// A fake Amazon Polly on loopback that speaks the real REST-JSON API (POST /v1/speech, GET /v1/voices)
// over cleartext HTTP/2 (the SDK's default NodeHttp2Handler connects with prior knowledge to an
// http:// endpoint) or HTTP/1.1, so tests drive the real @aws-sdk/client-polly end to end.
// It validates requests the way the service does (voice, engine, sample rate, SSML, 3,000 billed
// characters, <emphasis> on neural/generative), can throttle and fail on demand, and counts what it synthesized.
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import type { AddressInfo } from "node:net";

export interface FakeVoice {
  Id: string;
  Name: string;
  Gender: "Female" | "Male";
  LanguageCode: string;
  LanguageName: string;
  SupportedEngines: ("standard" | "neural" | "generative" | "long-form")[];
}

/** A small subset of Polly's real voice list. */
export const FAKE_VOICES: FakeVoice[] = [
  { Id: "Joanna", Name: "Joanna", Gender: "Female", LanguageCode: "en-US", LanguageName: "US English", SupportedEngines: ["standard", "neural", "generative"] },
  { Id: "Matthew", Name: "Matthew", Gender: "Male", LanguageCode: "en-US", LanguageName: "US English", SupportedEngines: ["standard", "neural", "generative"] },
  { Id: "Ivy", Name: "Ivy", Gender: "Female", LanguageCode: "en-US", LanguageName: "US English", SupportedEngines: ["standard", "neural"] },
  { Id: "Brian", Name: "Brian", Gender: "Male", LanguageCode: "en-GB", LanguageName: "British English", SupportedEngines: ["standard", "neural"] },
  { Id: "Geraint", Name: "Geraint", Gender: "Male", LanguageCode: "en-GB-WLS", LanguageName: "Welsh English", SupportedEngines: ["standard"] },
  { Id: "Hans", Name: "Hans", Gender: "Male", LanguageCode: "de-DE", LanguageName: "German", SupportedEngines: ["standard"] },
];

/** A fault the fake answers with instead of audio. */
export type FakeFault = "throttle" | "server-error";

export interface FakePollyOptions {
  /** "h2" (default): cleartext HTTP/2; "http1": HTTP/1.1. */
  protocol?: "h2" | "http1";
  voices?: FakeVoice[];
  /** Decides a fault for the n-th SynthesizeSpeech request (1-based, retries included). */
  fault?: (n: number, text: string) => FakeFault | undefined;
  /** Throttle like the service when more than this many requests arrived in the last second. */
  maxRequestsPerSecond?: number;
  /** Milliseconds of generated audio per billed character (default 65, about Polly's pace). */
  msPerCharacter?: number;
  /** Server-side time before answering audio, so requests overlap as they do against the service. */
  latencyMs?: number;
}

export interface SpeechRequestLog {
  n: number;
  engine: string;
  voice: string;
  text: string;
  status: number;
  errorType?: string;
}

export interface FakePolly {
  /** http://127.0.0.1:<port>, to pass as the client's endpoint. */
  endpoint: string;
  /** Every SynthesizeSpeech request, in arrival order. */
  readonly speechRequests: SpeechRequestLog[];
  /** How many times each SSML text was answered with audio. */
  synthesizedCounts(): Map<string, number>;
  /** Highest number of SynthesizeSpeech requests that were in flight at once. */
  readonly maxInFlight: number;
  /** HTTP versions seen ("2.0", "1.1"). */
  readonly httpVersions: Set<string>;
  close(): Promise<void>;
}

const SAMPLE_RATE_BY_FORMAT: Record<string, string[]> = { pcm: ["8000", "16000"] };

/** Starts the fake on a free loopback port. */
export async function startFakePolly(options: FakePollyOptions = {}): Promise<FakePolly> {
  const voices = options.voices ?? FAKE_VOICES;
  const msPerCharacter = options.msPerCharacter ?? 65;
  const speechRequests: SpeechRequestLog[] = [];
  const counts = new Map<string, number>();
  const httpVersions = new Set<string>();
  const arrivals: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  type Req = IncomingMessage | Http2ServerRequest;
  type Res = ServerResponse | Http2ServerResponse;

  const sendJson = (res: Res, status: number, body: unknown, errorType?: string) => {
    const headers: Record<string, string> = { "content-type": "application/json", "x-amzn-requestid": `fake-${Date.now()}` };
    if (errorType) headers["x-amzn-errortype"] = `${errorType}:http://internal.amazon.com/coral/com.amazonaws.parrot.service/`;
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  };

  async function readBody(req: Req): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  function describeVoices(req: Req, res: Res): void {
    const url = new URL(req.url ?? "/", "http://fake");
    const engine = url.searchParams.get("Engine");
    const language = url.searchParams.get("LanguageCode");
    const list = voices.filter(
      (v) => (!engine || v.SupportedEngines.includes(engine as never)) && (!language || v.LanguageCode === language),
    );
    sendJson(res, 200, { Voices: list });
  }

  async function synthesize(req: Req, res: Res): Promise<void> {
    const body = JSON.parse(await readBody(req)) as Record<string, string | undefined>;
    const { Engine = "standard", OutputFormat, SampleRate, Text = "", TextType = "text", VoiceId = "" } = body;
    const n = speechRequests.length + 1;
    const log: SpeechRequestLog = { n, engine: Engine, voice: VoiceId, text: Text, status: 200 };
    speechRequests.push(log);
    const fail = (status: number, errorType: string, message: string) => {
      log.status = status;
      log.errorType = errorType;
      sendJson(res, status, { message }, errorType);
    };

    const now = performance.now();
    arrivals.push(now);
    while (arrivals.length > 0 && arrivals[0]! <= now - 1000) arrivals.shift();
    if (options.maxRequestsPerSecond !== undefined && arrivals.length > options.maxRequestsPerSecond) {
      return fail(400, "ThrottlingException", "Rate exceeded");
    }
    const fault = options.fault?.(n, Text);
    if (fault === "throttle") return fail(400, "ThrottlingException", "Rate exceeded");
    if (fault === "server-error") return fail(500, "ServiceFailureException", "Internal failure (injected by the fake)");

    const voice = voices.find((v) => v.Id === VoiceId);
    if (!voice) {
      return fail(
        400,
        "ValidationException",
        `1 validation error detected: Value '${VoiceId}' at 'voiceId' failed to satisfy constraint: Member must satisfy enum value set: [${voices.map((v) => v.Id).join(", ")}]`,
      );
    }
    if (!voice.SupportedEngines.includes(Engine as never)) {
      return fail(400, "EngineNotSupportedException", `This voice does not support the selected engine: ${Engine}`);
    }
    const rates = SAMPLE_RATE_BY_FORMAT[OutputFormat ?? ""];
    if (!rates) return fail(400, "ValidationException", `The fake Polly only produces pcm (got OutputFormat ${OutputFormat})`);
    const sampleRate = SampleRate ?? "16000";
    if (!rates.includes(sampleRate)) return fail(400, "InvalidSampleRateException", `Invalid sample rate ${sampleRate} for ${OutputFormat}`);

    let spoken = Text;
    if (TextType === "ssml") {
      if (!/^\s*<speak>[\s\S]*<\/speak>\s*$/.test(Text) || unbalanced(Text)) {
        return fail(400, "InvalidSsmlException", "Invalid SSML request");
      }
      if (Engine !== "standard" && /<emphasis\b/.test(Text)) {
        return fail(400, "InvalidSsmlException", `Unsupported SSML tag <emphasis> for the ${Engine} engine`);
      }
      spoken = Text.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|apos);/g, "_");
    }
    if (spoken.length > 3000 || Text.length > 6000) {
      return fail(400, "TextLengthExceededException", `Maximum text length has been exceeded (billed ${spoken.length} > 3000)`);
    }

    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    counts.set(Text, (counts.get(Text) ?? 0) + 1);
    const audio = tone(Number(sampleRate), (spoken.length * msPerCharacter) / 1000);
    res.writeHead(200, {
      "content-type": "audio/pcm",
      "x-amzn-requestcharacters": String(spoken.length),
      "x-amzn-requestid": `fake-${n}`,
    });
    res.end(audio);
  }

  const handle = (req: Req, res: Res) => {
    httpVersions.add(req.httpVersion);
    const path = (req.url ?? "").split("?")[0];
    if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 ")) {
      sendJson(res, 403, { message: "Missing Authentication Token" }, "MissingAuthenticationTokenException");
      return;
    }
    if (req.method === "GET" && path === "/v1/voices") return describeVoices(req, res);
    if (req.method === "POST" && path === "/v1/speech") {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      synthesize(req, res)
        .catch((error: unknown) => sendJson(res, 500, { message: String(error) }, "ServiceFailureException"))
        .finally(() => (inFlight -= 1));
      return;
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${path}` }, "UnknownOperationException");
  };

  const server = options.protocol === "http1" ? createHttp1Server(handle) : createHttp2Server(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sessions = new Set<{ destroy(): void }>();
  server.on("session", (s: { destroy(): void }) => sessions.add(s));
  server.on("connection", (s: { destroy(): void }) => sessions.add(s));

  return {
    endpoint: `http://127.0.0.1:${port}`,
    speechRequests,
    synthesizedCounts: () => new Map(counts),
    get maxInFlight() {
      return maxInFlight;
    },
    httpVersions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// A quiet sine tone of the given length: deterministic audio that is clearly not silence.
function tone(sampleRate: number, seconds: number): Buffer {
  const samples = Math.max(1, Math.round(sampleRate * seconds));
  const out = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate)), i * 2);
  return out;
}

// Enough of an XML check to catch a broken request: every opened tag is closed in order.
function unbalanced(ssml: string): boolean {
  const stack: string[] = [];
  for (const m of ssml.matchAll(/<(\/?)([a-zA-Z:-]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return true;
    } else stack.push(name!);
  }
  return stack.length > 0 || /&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(ssml);
}
