import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CLI tests spawn the built binary; keep parallelism modest on two cores.
    maxWorkers: 2,
  },
});
