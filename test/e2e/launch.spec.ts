import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readLaunchUrl } from './support/launch-url';
import { removeTempDir, tempDir } from './support/temp-dirs';

/**
 * The launch token never leaves the kiosk user's files: `start:browser` prints one line without it, the launch
 * file is 0600, and Chromium's command line (readable by every local user in /proc) holds only a one-time code
 * that is spent once the page opens. A stand-in "Chromium" records the arguments it was started with.
 */
test('the launch token is not printed, not on the browser command line, and the one-time code is spent', async () => {
  const dir = tempDir('kiosk-launch-');
  const argsFile = path.join(dir, 'chromium-args');
  const fakeChromium = path.join(dir, 'chromium');
  fs.writeFileSync(fakeChromium, `#!/bin/sh\nprintf '%s\\n' "$@" > ${argsFile}\nsleep 60\n`, { mode: 0o755 });
  const dataDir = path.join(dir, 'data');
  const child = spawn(process.execPath, ['dist/main/browser-host/cli.js', '--headless', '--data-dir', dataDir], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, KIOSK_CHROMIUM: fakeChromium },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await expect.poll(() => out.includes('kiosk ready') && fs.existsSync(argsFile), { timeout: 20_000 }).toBe(true);
    const launchUrl = readLaunchUrl(dataDir);
    const token = new URL(launchUrl).searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(20);
    expect(out.trim().split('\n')).toEqual([`kiosk ready: ${new URL(launchUrl).origin} (launch URL in ${path.join(dataDir, 'launch-url')})`]);
    expect(fs.statSync(path.join(dataDir, 'launch-url')).mode & 0o777).toBe(0o600);

    const args = fs.readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args.join(' ')).not.toContain(token);
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    const pageUrl = args[args.length - 1]!;
    expect(pageUrl).toMatch(/\?code=/);
    const first = await fetch(pageUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/^kiosk_session=[^;]+; HttpOnly; SameSite=Strict/);
    // Whoever reads the command line later gets nothing.
    expect((await fetch(pageUrl, { redirect: 'manual' })).status).toBe(401);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    removeTempDir(dir);
  }
});
