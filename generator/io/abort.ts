// Why an aborted operation stopped, always as an Error (AbortSignal.reason may be anything a caller passed).

/** The signal's reason as an Error, or `fallback` when it carries none. */
export function abortReason(signal: AbortSignal, fallback = "aborted"): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new Error(typeof reason === "string" ? reason : fallback);
}
