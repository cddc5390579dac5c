import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

/**
 * The document camera component in Chromium with a fake camera fed from a .y4m made (with ffmpeg) from
 * test/fixtures/document-on-desk.png: a white page on a dark desk. Proves: preview, capture cropped to the page,
 * a JPEG within the size limit (also when the limit is tight), auto-capture when still, a missing camera in words,
 * and a track the browser ends (the camera gone) said in words and taken again without a reload.
 */
const root = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-camera-e2e-'));
const y4m = path.join(work, 'document.y4m');
execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', path.join(root, 'test/fixtures/document-on-desk.png'), '-frames:v', '2', '-pix_fmt', 'yuv420p', y4m]);

const executablePath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';
const fakeCamera = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
test.use({ launchOptions: { executablePath, args: [...CHROMIUM_ARGS, ...fakeCamera] } });

let server: http.Server;
let baseUrl: string;

test.beforeAll(async () => {
  await build({
    entryPoints: [path.join(root, 'test/fixtures/camera-harness.tsx')],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    outfile: path.join(work, 'harness.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="/harness.js"></script>');
  server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/harness.js' ? 'harness.js' : 'index.html';
    res.setHeader('content-type', name.endsWith('.js') ? 'text/javascript' : 'text/html');
    res.end(fs.readFileSync(path.join(work, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => {
  server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

type Capture = { bytes: number; width: number; height: number; cropped: boolean; dataBase64: string; mime: string };
const captures = (page: import('@playwright/test').Page) => page.evaluate(() => (globalThis as unknown as { __captures: Capture[] }).__captures);

test('capture returns a JPEG of the page, cropped to it, within the 500 KB limit', async ({ page }) => {
  await page.goto(`${baseUrl}?camera=document.y4m`);
  await expect(page.locator('[data-camera-state="live"]')).toBeVisible();
  await expect(page.locator('[data-page-in-view="yes"]')).toBeVisible();
  await page.click('[data-action="capture"]');
  await expect.poll(async () => (await captures(page)).length).toBe(1);
  const [shot] = await captures(page);
  expect(shot!.mime).toBe('image/jpeg');
  expect(shot!.bytes).toBeLessThanOrEqual(500 * 1024);
  expect(Buffer.from(shot!.dataBase64, 'base64').subarray(0, 3).toString('hex')).toBe('ffd8ff');
  // The page is 680x860 of the 1280x960 frame: the crop keeps it and drops the desk (a few pixels of slack).
  expect(shot!.cropped).toBe(true);
  expect(shot!.width).toBeGreaterThan(640);
  expect(shot!.width).toBeLessThan(760);
  expect(shot!.height).toBeGreaterThan(820);
  expect(shot!.height).toBeLessThanOrEqual(960);
  // The status line says a page is in view, in the resident's language.
  await expect(page.getByRole('status')).toContainText('已找到材料');
});

test('a tight size limit is met by lowering quality and then resolution', async ({ page }) => {
  await page.goto(`${baseUrl}?maxBytes=12000`);
  await expect(page.locator('[data-camera-state="live"]')).toBeVisible();
  await page.click('[data-action="capture"]');
  await expect.poll(async () => (await captures(page)).length).toBe(1);
  const [shot] = await captures(page);
  expect(shot!.bytes).toBeLessThanOrEqual(12000);
  expect(Buffer.from(shot!.dataBase64, 'base64').length).toBe(shot!.bytes);
});

test('auto-capture takes one picture when the page is still, and not a second of the same page', async ({ page }) => {
  // Counts the preview samples the page analyses (each reads the sample canvas once), so the test waits for samples,
  // not for time.
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __samples: number };
    w.__samples = 0;
    const read = CanvasRenderingContext2D.prototype.getImageData;
    CanvasRenderingContext2D.prototype.getImageData = function (...args: Parameters<typeof read>) {
      w.__samples += 1;
      return read.apply(this, args);
    };
  });
  const samples = () => page.evaluate(() => (globalThis as unknown as { __samples: number }).__samples);
  await page.goto(`${baseUrl}?auto=1&lang=en`);
  await expect.poll(async () => (await captures(page)).length, { timeout: 10_000 }).toBe(1);
  // A still page re-armed would be taken again after 3 still samples: let 8 more samples pass, still one picture.
  const after = await samples();
  await expect.poll(samples, { timeout: 10_000 }).toBeGreaterThanOrEqual(after + 8);
  expect((await captures(page)).length).toBe(1);
  await expect(page.getByRole('status')).toContainText('Page 1 taken');
});

test("the camera's own button takes the picture, and the light follows the preview", async ({ page }) => {
  await page.goto(baseUrl);
  await expect(page.locator('[data-camera-state="live"]')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { __live: boolean[] }).__live)).toEqual([true]);
  await page.evaluate(() => (globalThis as unknown as { __pressButton: () => void }).__pressButton());
  await expect.poll(async () => (await captures(page)).length).toBe(1);
});

test('no camera at all: the component says so in words and offers no capture button', async () => {
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'] });
  try {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(page.locator('[data-camera-state="unavailable"]')).toBeVisible();
    const zhErrors = JSON.parse(fs.readFileSync(path.join(root, 'src/shared/locales/zh-CN/errors.json'), 'utf8')) as Record<string, { title: string; action: string }>;
    await expect(alert).toContainText(zhErrors.camera_unavailable!.title);
    await expect(alert).toContainText(zhErrors.camera_unavailable!.action);
    await expect(page.locator('[data-action="capture"]')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test('the track ended by the browser: the screen says the camera is gone, and takes the picture again without a reload', async () => {
  // No fake UI here: the camera permission is the test host's to grant and revoke. Revoking it is the one way found to
  // make Chromium itself end a live fake-camera track ('ended' fires as when the USB cable is pulled); granting it back
  // stands in for the camera returning (the permission's change event; a real replug fires 'devicechange', which the
  // component test covers). See docs/technician.md.
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] });
  try {
    const context = await browser.newContext();
    const origin = new URL(baseUrl).origin;
    await context.grantPermissions(['camera'], { origin });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?lang=en`);
    await expect(page.locator('[data-camera-state="live"]')).toBeVisible();
    await page.evaluate(() => ((globalThis as unknown as { __samePage: boolean }).__samePage = true));

    await context.clearPermissions();
    await expect(page.locator('[data-camera-state="disconnected"]')).toBeVisible();
    const en = JSON.parse(fs.readFileSync(path.join(root, 'src/shared/locales/en/cameras.json'), 'utf8')) as { camera: Record<string, string> };
    await expect(page.getByRole('alert')).toContainText(en.camera.disconnected!);
    await expect(page.getByRole('alert')).toContainText(en.camera.reconnectHint!);
    await expect(page.locator('[data-action="capture"]')).toHaveCount(0);

    await context.grantPermissions(['camera'], { origin });
    await expect(page.locator('[data-camera-state="live"]')).toBeVisible();
    // The same page (no reload), with a working picture: a capture of the page comes through.
    expect(await page.evaluate(() => (globalThis as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { __live: boolean[] }).__live)).toEqual([true, false, true]);
    await page.click('[data-action="capture"]');
    await expect.poll(async () => (await captures(page)).length).toBe(1);
    expect((await captures(page))[0]!.cropped).toBe(true);
  } finally {
    await browser.close();
  }
});
