import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node: the station core, the store and the
// device layer never need Electron. End-to-end tests are Playwright's (test/e2e).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    allowOnly: false,
  },
});
