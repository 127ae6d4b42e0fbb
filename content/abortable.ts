// Waiting on work that cannot itself be cancelled, with a way out: used where a caller's deadline or abort must end
// the wait while the work carries on for others (a shared TTS synthesis, a persistence adapter without signals).

/** Settles like `work`, or rejects with `reason()` as soon as `signal` aborts; the work itself is not stopped. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, reason: () => Error): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
