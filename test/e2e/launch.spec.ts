import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { appTookOver } from './support/app';
import { readLaunchUrl } from './support/launch-url';
import { startHostWithStandIn } from './support/stand-in-chromium';
import { removeTempDir, tempDir } from './support/temp-dirs';

/**
 * The launch token never leaves the kiosk user's files: `start:browser` prints one line without it, the launch
 * file is 0600, and Chromium's command line (readable by every local user in /proc) holds only a one-time code
 * that is spent once the page opens. A stand-in "Chromium" records the arguments it was started with.
 */
test('the launch token is not printed, not on the browser command line, and the one-time code is spent', async () => {
  const { dir, dataDir, chromium, child, out } = startWithStandIn();
  try {
    await expect.poll(() => out().includes('kiosk ready') && chromium.args() !== null, { timeout: 20_000 }).toBe(true);
    const launchUrl = readLaunchUrl(dataDir);
    const token = new URL(launchUrl).searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(20);
    expect(out().trim().split('\n')).toEqual([`kiosk ready: ${new URL(launchUrl).origin} (launch URL in ${path.join(dataDir, 'launch-url')})`]);
    expect(fs.statSync(path.join(dataDir, 'launch-url')).mode & 0o777).toBe(0o600);

    const args = chromium.args()!;
    expect(args.join(' ')).not.toContain(token);
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    const pageUrl = chromium.launchUrl()!;
    expect(pageUrl).toMatch(/\?code=/);
    // The page itself, with the session cookie (no redirect before the first frame).
    const first = await fetch(pageUrl, { redirect: 'manual' });
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toMatch(/^kiosk_session=[^;]+; HttpOnly; SameSite=Strict/);
    expect(await first.text()).toContain('<main class="attract">');
    // Whoever reads the command line later gets nothing.
    expect((await fetch(pageUrl, { redirect: 'manual' })).status).toBe(401);
  } finally {
    await stop(child);
    removeTempDir(dir);
  }
});

/**
 * The one-time code is answered with the page, so the page's first script takes the spent code out of the address:
 * a reload (the waiting screen's, a technician's F5) must ask for the page, not show "this launch link is spent".
 */
test('opened with the one-time code, the page drops the code from its address and a reload opens it again', async ({ page }) => {
  const { dir, chromium, child, out } = startWithStandIn();
  try {
    await expect.poll(() => out().includes('kiosk ready') && chromium.launchUrl() !== null, { timeout: 20_000 }).toBe(true);
    const pageUrl = chromium.launchUrl()!;
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.request().isNavigationRequest()) answers.push(response.status());
    });
    await page.goto(pageUrl);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe('/');
    // The session cookie carries the page's socket: the app takes over and shows the first screen.
    await appTookOver(page);
    await expect(page.locator('.attract__start')).toBeVisible();

    await page.reload();
    await appTookOver(page);
    await expect(page.locator('.attract__start')).toBeVisible();
    expect(answers).toEqual([200, 200]);
  } finally {
    await stop(child);
    removeTempDir(dir);
  }
});

/** The built host with a stand-in Chromium, in a temporary dir of the test's own. */
function startWithStandIn() {
  const dir = tempDir('kiosk-launch-');
  return { dir, ...startHostWithStandIn(dir) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
