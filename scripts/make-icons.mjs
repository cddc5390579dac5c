// Renders assets/icons/icon.svg to the PNG sizes electron-builder wants (Linux icon set, Windows/AppImage 512),
// with Debian's Chromium through Playwright. Run by hand when the SVG changes; the PNGs are committed.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const svg = fs.readFileSync('assets/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
  await page.screenshot({ path: `assets/icons/${size}x${size}.png`, omitBackground: true });
  await page.close();
}
fs.copyFileSync('assets/icons/512x512.png', 'assets/icons/icon.png');
await browser.close();
