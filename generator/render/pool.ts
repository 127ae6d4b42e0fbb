// A tiny promise pool: the render runs N tracks at once (N = cores by default), no dependency needed.

/**
 * Runs `worker` over `items` with at most `concurrency` in flight. On the first failure no new item starts,
 * the ones running finish (their files are atomic either way), and the first error is rethrown.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, worker: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        await worker(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure) throw failure.error;
}
