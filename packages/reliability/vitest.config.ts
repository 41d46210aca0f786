import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The fault campaign compares heap sizes after a forced collection, so gc() must exist.
    execArgv: ['--expose-gc'],
    // The campaign runs thousands of sends; its own per-test timeouts bound it.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
