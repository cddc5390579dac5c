/// <reference lib="dom" />
/**
 * Does the renderer leak across residents? The JS heap (after a forced GC) once 10 visits have run, against the
 * heap after 500 visits: each visit starts from the attract screen, opens a category and an item page, and ends
 * (which remounts the visit and wipes storage). Baseline: the heap after 10 visits, in the same page.
 */
import { chromium, type Page } from '@playwright/test';
import { startKiosk } from '../test/e2e/support/kiosk-process';
import type { BenchFigure } from './types';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function visit(page: Page): Promise<void> {
  await page.locator('.attract__start').click();
  await page.locator('[data-category="insurance"]').click();
  const tile = page.locator('[data-item]').first();
  await tile.waitFor();
  await tile.click();
  await page.locator('.item-screen').waitFor();
  // Back to category, back home, back from home ends the visit.
  for (let i = 0; i < 3; i += 1) await page.locator('.shell__nav .button').first().click();
  await page.locator('.attract__start').waitFor();
}

export default async function uiHeap(): Promise<BenchFigure[]> {
  const kiosk = await startKiosk();
  const browser = await chromium.launch({ executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / (1024 * 1024);
    };
    await page.goto(kiosk.url);
    for (let i = 0; i < 10; i += 1) await visit(page);
    const after10 = await heap();
    for (let i = 10; i < 500; i += 1) await visit(page);
    const after500 = await heap();
    const growth = after500 / after10;
    return [
      {
        name: 'renderer JS heap after 500 visits',
        value: after500,
        unit: 'MB',
        baselineName: 'heap after 10 visits',
        baselineValue: after10,
        ratio: growth,
        target: 'ratio <= 1.10 (no growth beyond noise)',
        met: growth <= 1.1,
      },
    ];
  } finally {
    await browser.close();
    await kiosk.dispose();
  }
}
