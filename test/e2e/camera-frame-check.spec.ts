import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { FRAME_LIMITS } from '../../src/renderer/camera/frame-quality';
import { usePoint } from './support/point';
import { y4mFromImage } from './support/fake-camera';
import { expectNoAxeViolations } from './support/resident';
import { openTechnicianWorkspace } from './support/staff';

/**
 * The technician grabs a document camera frame in the workspace (issue 10 item 2): Chromium's fake camera plays
 * test/fixtures/document-on-desk.png as it is, out of focus (ffmpeg's Gaussian blur, sigma 4 px) and with the lamp
 * off (darkened), one browser each (the fake camera is chosen at launch). The reading and the verdict are the
 * product's own (src/renderer/camera/frame-quality.ts; the blur limit calibrated by scripts/calibrate-camera-focus.ts).
 */
test.describe.configure({ mode: 'serial' });
const point = usePoint('demonstration');
const image = path.resolve(__dirname, '..', 'fixtures', 'document-on-desk.png');

async function withCamera(look: { blurSigma?: number; brightness?: number }, use: (page: Page) => Promise<void>): Promise<void> {
  const y4m = y4mFromImage(image, look);
  const browser: Browser = await chromium.launch({
    executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await openTechnicianWorkspace(page, point.kiosk.url);
    await page.locator('[data-technician-device="doc-camera"]').click();
    await expect(page.locator('[data-technician-panel]')).toHaveAttribute('data-technician-panel', 'doc-camera');
    await use(page);
  } finally {
    await browser.close();
  }
}

async function grab(page: Page) {
  await page.locator('[data-camera-grab]').click();
  const reading = page.locator('[data-camera-verdict]');
  await expect(reading).toBeVisible({ timeout: 15_000 });
  return { reading, verdict: await reading.getAttribute('data-camera-verdict'), brightness: Number(await reading.getAttribute('data-brightness')), focus: Number(await reading.getAttribute('data-focus')) };
}

test('a sharp, lit page reads usable, with its figures, in both languages; axe-clean', async () => {
  await withCamera({}, async (page) => {
    const r = await grab(page);
    expect(r.verdict).toBe('ok');
    expect(r.focus).toBeGreaterThan(FRAME_LIMITS.blurredBelow);
    expect(r.brightness).toBeGreaterThan(FRAME_LIMITS.darkBelow);
    await expect(r.reading).toHaveText(`亮度 ${r.brightness} / 255，清晰度 ${r.focus} · 可用`);
    await expectNoAxeViolations(page, 'technician camera frame check (zh-CN)');
    await page.locator('[data-technician-language]').click();
    await expect(r.reading).toHaveText(`Brightness ${r.brightness} / 255, focus ${r.focus} · usable`);
    await expectNoAxeViolations(page, 'technician camera frame check (en)');
  });
});

test('the same page out of focus reads blurred, and says what to check', async () => {
  await withCamera({ blurSigma: 4 }, async (page) => {
    const r = await grab(page);
    expect(r.verdict).toBe('blurred');
    expect(r.focus).toBeLessThan(FRAME_LIMITS.blurredBelow);
    // Still lit: the verdict is about focus, not light.
    expect(r.brightness).toBeGreaterThan(FRAME_LIMITS.darkBelow);
    await expect(r.reading).toContainText('模糊：请检查镜头和高度');
  });
});

test('the page with the lamp off reads too dark', async () => {
  await withCamera({ brightness: -0.45 }, async (page) => {
    const r = await grab(page);
    expect(r.verdict).toBe('tooDark');
    expect(r.brightness).toBeLessThan(FRAME_LIMITS.darkBelow);
    await expect(r.reading).toContainText('太暗：请打开补光灯');
  });
});
