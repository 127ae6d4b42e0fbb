// Turns Polly and AWS SDK failures into errors a person can act on: what went wrong, where it was
// looked for, and the flag or file that fixes it.

interface Place {
  engine: string;
  voice: string;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const TRANSIENT_NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ERR_HTTP2_STREAM_ERROR", "ERR_HTTP2_GOAWAY_SESSION", "ERR_HTTP2_SESSION_ERROR"]);

/** Whether another attempt may succeed: throttling, a 5xx, or a dropped connection. */
export function isRetryablePollyError(error: unknown): boolean {
  const e = error as SdkErrorShape;
  if (e.name === "AbortError") return false;
  if (e.name === "ThrottlingException" || e.name === "ServiceFailureException" || e.name === "TimeoutError") return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  if (status === 429) return true;
  if (e.$retryable) return true;
  return e.code !== undefined && TRANSIENT_NETWORK_CODES.has(e.code);
}

/** The error for a voice the engine does not have, listing the voices it does have (English first). */
export function unknownVoiceError(voice: string, engine: string, voices: { Id?: string; LanguageCode?: string }[]): Error {
  const english = voices.filter((v) => v.LanguageCode?.startsWith("en")).map((v) => v.Id);
  const listed = (english.length > 0 ? english : voices.map((v) => v.Id)).filter(Boolean).sort();
  return new Error(
    `polly: voice "${voice}" is not available for engine ${engine}; choose one of ${listed.join(", ")} ` +
      `(flag --voice), or another engine (flag --polly-engine)`,
  );
}

/** Rewrites an SDK error into one that names the cause and the fix; other errors pass through. */
export function explainPollyError(error: unknown, place: Place): unknown {
  const e = error as SdkErrorShape;
  const message = e.message ?? String(error);
  if (e.name === "CredentialsProviderError" || /Could not load credentials/i.test(message)) {
    return new Error(
      "polly: no AWS credentials found. The standard AWS chain looked at AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, " +
        "the profile AWS_PROFILE (or default) in ~/.aws/credentials and ~/.aws/config (SSO included), and container/instance roles. " +
        "Fix: run `aws configure` (or `aws sso login --profile NAME` and set AWS_PROFILE=NAME), " +
        "or render offline with the embedded voice: --engine espeak.",
      { cause: error },
    );
  }
  if (/Region is missing/i.test(message)) {
    return new Error("polly: no AWS region configured. Fix: set AWS_REGION (e.g. us-east-1) or `region` in ~/.aws/config.", {
      cause: error,
    });
  }
  if (e.name === "EngineNotSupportedException" || (e.name === "ValidationException" && /voiceId/i.test(message))) {
    return new Error(
      `polly: voice "${place.voice}" is not available for engine ${place.engine} (${message}). ` +
        "Fix: choose another voice (flag --voice) or engine (flag --polly-engine); `aws polly describe-voices --engine " +
        `${place.engine}\` lists them.`,
      { cause: error },
    );
  }
  if (e.name === "UnrecognizedClientException" || e.name === "InvalidSignatureException" || e.name === "ExpiredTokenException") {
    return new Error(`polly: AWS rejected the credentials (${e.name}: ${message}). Fix: refresh them (\`aws configure\` or \`aws sso login\`).`, {
      cause: error,
    });
  }
  if (e.name === "AccessDeniedException") {
    return new Error(`polly: access denied (${message}). Fix: allow polly:SynthesizeSpeech and polly:DescribeVoices for this identity.`, {
      cause: error,
    });
  }
  if (e.name === "InvalidSsmlException" || e.name === "TextLengthExceededException") {
    return new Error(`polly: ${e.name} for engine ${place.engine}: ${message}. This is a bug in content/ssml/polly.ts (pollyRequests).`, {
      cause: error,
    });
  }
  if (isRetryablePollyError(error)) {
    return new Error(`polly: gave up after retries (${e.name ?? "error"}: ${message}). Fix: retry later or lower --concurrency.`, {
      cause: error,
    });
  }
  return error;
}
