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
  // Two, as CI's cores: at one worker the e2e took 33 of CI's 54 minutes (2026-12-02); each spec file starts its own
  // processes on free ports and temporary dirs, so files run side by side (docs/testing.md, "CI's time").
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
