/**
 * Calibrates the technician's focus reading (src/renderer/camera/frame-quality.ts) on Chromium's fake camera:
 * test/fixtures/document-on-desk.png (a lit A4 sheet on a desk, 1280×960) fed as .y4m, sharp and blurred by ffmpeg's
 * Gaussian blur at growing sigmas, each frame grabbed the way the workspace grabs it (getUserMedia, drawn on a 320×240
 * canvas) and read by the product's own frameQuality. Prints one line per sigma with brightness, focus and verdict.
 * Run: node --import tsx scripts/calibrate-camera-focus.ts [sigma ...]   (needs /usr/bin/chromium and ffmpeg)
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { y4mFromImage } from '../test/e2e/support/fake-camera';
import { frameQuality } from '../src/renderer/camera/frame-quality';
import { toGrey } from '../src/renderer/camera/page-analysis';

const image = path.resolve(__dirname, '..', 'test/fixtures/document-on-desk.png');
const sigmas = process.argv.slice(2).map(Number);
const W = 320;
const H = 240;

const page = `<!doctype html><script>
async function grab() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 960 } } });
  const video = document.createElement('video');
  video.muted = true; video.srcObject = stream; await video.play();
  if (video.videoWidth === 0) await new Promise((r) => video.addEventListener('loadeddata', r, { once: true }));
  const c = document.createElement('canvas'); c.width = ${W}; c.height = ${H};
  const ctx = c.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(video, 0, 0, ${W}, ${H});
  stream.getTracks().forEach((t) => t.stop());
  return Array.from(ctx.getImageData(0, 0, ${W}, ${H}).data);
}
</script>`;

async function main() {
  const server = http.createServer((_req, res) => res.end(page));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    for (const sigma of sigmas.length ? sigmas : [0, 1, 2, 3, 4, 6, 8, 12]) {
      const y4m = y4mFromImage(image, { blurSigma: sigma });
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] });
      try {
        const tab = await browser.newPage();
        await tab.goto(url);
        const rgba = await tab.evaluate(() => (globalThis as unknown as { grab: () => Promise<number[]> }).grab());
        const q = frameQuality(toGrey(Uint8Array.from(rgba), W, H));
        console.log(`sigma ${String(sigma).padStart(2)} px: brightness ${q.brightness}, focus ${q.focus}, verdict ${q.verdict}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.close();
  }
}

void main();
