// Retries transient failures of a cloud voice (throttling, 5xx, dropped connections) with exponential
// backoff and full jitter, so a render rides out a busy service instead of failing or hammering it.
import { abortReason } from "../io/abort.js";

/** Options of `withRetries`. */
export interface RetryOptions {
  /** Attempts in all, first one included. */
  maxAttempts: number;
  /** Backoff before retry n is a random time in [0, min(capMs, baseMs · 2^(n-1))]. */
  baseMs: number;
  capMs: number;
  /** Whether an error is worth another attempt. */
  isRetryable: (error: unknown) => boolean;
  /** Told about each retry (for progress lines and tests). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  signal?: AbortSignal;
  /** Random source in [0, 1), for tests. */
  random?: () => number;
}

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or runs out of attempts. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    options.signal?.throwIfAborted();
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= options.maxAttempts || !options.isRetryable(error)) throw error;
      const delayMs = Math.round(random() * Math.min(options.capMs, options.baseMs * 2 ** (n - 1)));
      options.onRetry?.({ attempt: n, delayMs, error });
      await delay(delayMs, options.signal);
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
