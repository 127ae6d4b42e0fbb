// Keeps a cloud voice inside its service quota: a token bucket caps requests per second and a
// semaphore caps requests in flight, so a render never provokes throttling by itself.
import { abortReason } from "../io/abort.js";

/** Options of `createRateLimiter`. */
export interface RateLimiterOptions {
  /** Sustained requests per second (Polly: 8 for neural/generative, 80 for standard). */
  requestsPerSecond: number;
  /** Requests that may start at once after a quiet spell; defaults to `requestsPerSecond`. */
  burst?: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Clock, for tests; defaults to `performance.now`. */
  now?: () => number;
}

/** A limiter that runs tasks no faster and no wider than allowed. */
export interface RateLimiter {
  /** Waits for a slot and a token, runs `task`, frees the slot when it settles. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks waiting for a slot or a token. */
  readonly waiting: number;
}

/** Creates a limiter; each engine owns one (no shared module state). */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { requestsPerSecond, concurrency } = options;
  if (!(requestsPerSecond > 0) || !(concurrency >= 1)) {
    throw new RangeError(`rate limiter: requestsPerSecond (${requestsPerSecond}) must be > 0 and concurrency (${concurrency}) ≥ 1`);
  }
  const burst = Math.max(1, options.burst ?? requestsPerSecond);
  const now = options.now ?? (() => performance.now());
  let tokens = burst;
  let refilledAt = now();
  let active = 0;
  const queue: { start: () => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  function refill(): void {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - refilledAt) / 1000) * requestsPerSecond);
    refilledAt = t;
  }

  // Starts as many queued tasks as slots and tokens allow; schedules itself for the next token.
  function pump(): void {
    refill();
    while (queue.length > 0 && active < concurrency && tokens >= 1) {
      tokens -= 1;
      active += 1;
      queue.shift()!.start();
    }
    if (queue.length > 0 && active < concurrency && timer === undefined) {
      const waitMs = Math.max(1, ((1 - tokens) / requestsPerSecond) * 1000);
      timer = setTimeout(() => {
        timer = undefined;
        pump();
      }, waitMs);
    }
  }

  return {
    get waiting() {
      return queue.length;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      return new Promise<T>((resolve, reject) => {
        const entry = {
          start: () => {
            signal?.removeEventListener("abort", onAbort);
            task()
              .then(resolve, reject)
              .finally(() => {
                active -= 1;
                pump();
              });
          },
        };
        const onAbort = () => {
          const i = queue.indexOf(entry);
          if (i >= 0) queue.splice(i, 1);
          reject(abortReason(signal!));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(entry);
        pump();
      });
    },
  };
}
