import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Vitest's default (one fewer than the cores) is a single worker on the 2-core CI machine, which then sits idle
    // while a test waits on ffmpeg, Chromium or a server: two files at once take the suite from 477 s to 284 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
