import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { findChromium, launchChromiumKiosk, stopChromium } from '../../src/main/browser-host/chromium';
import { removeTempDir, tempDir } from './support/temp-dirs';

/**
 * The kiosk's own Chromium (started as the browser host starts it, headless, with Chromium's fake camera): the camera
 * opens for the kiosk page's origin only, a page of another origin is refused, nobody gets the microphone, and the
 * one-time launch link is not kept in the profile's history (issue 14 items 18 and 4).
 */
test('the kiosk Chromium gives the camera to the kiosk origin only and keeps no history of the launch link', async () => {
  test.setTimeout(90_000);
  const executable = findChromium();
  expect(executable).not.toBeNull();
  const reports: string[] = [];
  let other = '';
  // Each page asks for the camera and then the microphone, reports both to its own server, and the kiosk page then
  // goes to the other origin's page (as a link the kiosk was tricked into following would).
  const page = (next: string | null) => `<!doctype html><script>
    const ask = (c) => navigator.mediaDevices.getUserMedia(c).then(() => 'granted', (e) => e.name);
    (async () => {
      const camera = await ask({ video: true });
      const mic = await ask({ audio: true });
      await fetch('/report?camera=' + camera + '&mic=' + mic);
      ${next ? `location.href = ${JSON.stringify(next)};` : ''}
    })();
  </script>`;
  const serve = (name: string, next: () => string | null) =>
    http.createServer((req, res) => {
      if (req.url?.startsWith('/report')) {
        reports.push(`${name} ${new URL(req.url, 'http://x').search}`);
        res.end();
        return;
      }
      res.setHeader('content-type', 'text/html');
      res.end(page(next()));
    });
  const otherServer = serve('other', () => null).listen(0, '127.0.0.1');
  const kioskServer = serve('kiosk', () => other).listen(0, '127.0.0.1');
  await Promise.all([otherServer, kioskServer].map((s) => new Promise((resolve) => s.once('listening', resolve))));
  other = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}/`;
  const launchUrl = `http://127.0.0.1:${(kioskServer.address() as AddressInfo).port}/launch?code=spent-once-code`;

  const dataDir = tempDir('kiosk-chromium-');
  const browser = launchChromiumKiosk({ executable: executable!, url: launchUrl, dataDir, headless: true, extraArgs: ['--use-fake-device-for-media-stream'] });
  // Waits for Chromium's exit and the removal of its temporary directory (scripts/check-temp-leftovers.mjs counts it).
  const stopBrowser = () => stopChromium(browser);
  try {
    await expect.poll(() => reports.length, { timeout: 30_000 }).toBe(2);
    expect(reports).toEqual(['kiosk ?camera=granted&mic=NotAllowedError', 'other ?camera=NotAllowedError&mic=NotAllowedError']);
    // Chromium commits history about every 10 s and holds the file locked: wait past that, stop it, read what it kept.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    await stopBrowser();
    const history = path.join(dataDir, 'chromium-profile', 'Default', 'History');
    expect(fs.existsSync(history)).toBe(true);
    const db = new Database(history, { readonly: true, fileMustExist: true });
    const urls = db.prepare('SELECT url FROM urls').all() as Array<{ url: string }>;
    db.close();
    expect(urls.map((u) => u.url)).toEqual([]);
  } finally {
    await stopBrowser();
    otherServer.close();
    kioskServer.close();
    removeTempDir(dataDir);
  }
});
