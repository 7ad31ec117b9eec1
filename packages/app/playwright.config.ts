import { defineConfig } from '@playwright/test';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * End-to-end tests of the demo app in the machine's headless Chromium.
 * `make test` starts the backend serving the built app on :7007 first.
 */
export default defineConfig({
  testDir: 'e2e-tests',
  globalSetup: './e2e-tests/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(repoRoot, 'test-results/e2e.json') }],
  ],
  outputDir: path.join(repoRoot, 'e2e-output/artifacts'),
  use: {
    baseURL: process.env.BISON_E2E_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
