import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    globalSetup: ['test/helpers/build-dist.ts'],
    // Several files measure rates across child processes; run them one at a time so they do not
    // compete for the same two cores and measure each other's jitter.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
