import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './test/e2e/chromium-args';

// End-to-end tests drive the real station (dist/host.mjs, one fresh process and data
// directory per test, see test/e2e/fixtures.ts) in Debian's Chromium. `npm test` builds
// dist/ before this step; test/e2e/global-setup.ts refuses to run against a missing build.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 1000 },
    locale: 'id-ID',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
