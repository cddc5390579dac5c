import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real core through the browser host in Debian's Chromium (never a downloaded
 * browser). The fake camera flags are added per test where a camera is needed.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  // One: the e2e are bound by CI's two cores, not by waiting; two workers ran barely faster and timed a test out under
  // the load (docs/testing.md, "CI's time").
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
