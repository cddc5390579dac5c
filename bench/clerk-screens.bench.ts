/**
 * The clerk's screens under load (issue 9): the workspace (the clerk's day and the inquiry register) opened in
 * Debian's Chromium on the real browser host (window station, synced with the reference county), first with 10 of
 * the clerk's records of the day (10 applications, 10 open inquiries), then with 10,000 of each. Baseline: the same
 * screens with 10 records, measured in the same run on the same page. Targets: open p95 at 10,000 within 2x the
 * p95 at 10; a touch on them (Event Timing) p95 within 100 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../src/county/demo-seed';
import { startCounty, writeKioskConfig } from '../test/e2e/support/county-process';
import { startKiosk } from '../test/e2e/support/kiosk-process';
import { pressKeys } from '../test/e2e/support/resident';
import { collectEventTiming, observeEventTiming, percentile } from './event-timing';
import type { BenchFigure } from './types';

const OPENS = 30;
const TOUCHES = 60;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** Adds the clerk's records of today straight into the kiosk's database (the running core reads them as its own). */
function addRecords(dataDir: string, from: number, to: number): void {
  const db = new Database(path.join(dataDir, 'kiosk.sqlite'));
  db.pragma('busy_timeout = 10000');
  try {
    const now = Date.now();
    const sub = db.prepare("INSERT INTO submissions (id, tracking_number, item_code, channel, operator_id, resident_ref, submitted_at, status) VALUES (?, ?, 'JOB-01', 'window', 'clerk-li', ?, ?, 'acknowledged')");
    const inq = db.prepare(
      "INSERT INTO inquiries (id, opened_at, origin, channel, operator_id, owner_id, owner_name, item_code, due_at) VALUES (?, ?, 'phone', 'window', 'clerk-li', 'clerk-li', '李秀英', 'INS-01', ?)",
    );
    db.transaction(() => {
      for (let i = from; i < to; i++) {
        // Spread over the last few minutes: today, whatever the hour of the run.
        const at = new Date(now - (to - i) * 10).toISOString();
        sub.run(`bench-sub-${i}`, `B${String(i).padStart(11, '0')}`, `bench-ref-${i}`, at);
        inq.run(`bench-inq-${i}`, at, new Date(now + (i % 7 === 0 ? -3_600_000 : 86_400_000)).toISOString());
      }
    })();
  } finally {
    db.close();
  }
}

async function login(page: Page, url: string): Promise<void> {
  // The first sync round brings the staff list; until then the login is refused.
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(url);
    const form = page.locator('[data-staff-login]');
    await form.locator('[data-staff-field="username"]').click();
    await pressKeys(page, 'li');
    await form.locator('[data-staff-field="password"]').click();
    await pressKeys(page, DEMO_STAFF_PASSWORDS.li!);
    await form.locator('[data-staff-submit]').click();
    if (await page.locator('[data-workspace]').waitFor({ timeout: 3000 }).then(() => true, () => false)) return;
  }
  throw new Error('the clerk never got in');
}

/** Closing and opening the workspace: ms from the touch until both the day's list and the register are drawn. */
async function opens(page: Page, rows: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.locator('[data-workspace-close]').click();
    await page.locator('[data-workspace]').waitFor({ state: 'detached' });
    const started = performance.now();
    await page.locator('[data-staff-workspace]').click();
    await page.locator(`[data-clerk-day-count="${rows}"]`).waitFor();
    await page.locator('[data-inquiry]').first().waitFor();
    times.push(performance.now() - started);
  }
  return times;
}

/** Touches on the open workspace (the register's "record a contact" opening and closing its form). */
async function touches(page: Page): Promise<number[]> {
  await observeEventTiming(page);
  for (let i = 0; i < TOUCHES / 2; i++) {
    await page.locator('[data-register-new]').click();
    await page.locator('[data-register-form]').waitFor();
    await page.locator('[data-register-new]').click();
    await page.locator('[data-register-form]').waitFor({ state: 'detached' });
  }
  return collectEventTiming(page, TOUCHES);
}

export default async function clerkScreens(): Promise<BenchFigure[]> {
  const county = await startCounty();
  const file = writeKioskConfig(county, 'village');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { kiosk: Record<string, unknown> };
  config.kiosk.station = 'window';
  fs.writeFileSync(file, JSON.stringify(config));
  const kiosk = await startKiosk(['--config', file, '--simulate']);
  const browser = await chromium.launch({ executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await login(page, kiosk.url);
    addRecords(kiosk.dataDir, 0, 10);
    await opens(page, 10); // warm-up
    const small = await opens(page, 10);
    const smallTouch = await touches(page);
    addRecords(kiosk.dataDir, 10, 10_000);
    const large = await opens(page, 10_000);
    const largeTouch = await touches(page);

    const open10 = percentile(small, 95);
    const open10k = percentile(large, 95);
    const touch10 = percentile(smallTouch, 95);
    const touch10k = percentile(largeTouch, 95);
    return [
      {
        name: `clerk's workspace open p95, 10,000 applications + 10,000 inquiries (${OPENS} opens)`,
        value: open10k,
        unit: 'ms',
        baselineName: 'the same screens with 10 + 10',
        baselineValue: open10,
        ratio: open10k / open10,
        target: 'ratio <= 2',
        met: open10k / open10 <= 2,
      },
      {
        name: `touch on the clerk's workspace p95 at 10,000 (Event Timing, ${TOUCHES} touches)`,
        value: touch10k,
        unit: 'ms',
        baselineName: 'the same touches at 10',
        baselineValue: touch10,
        ratio: touch10k / touch10,
        target: 'p95 <= 100 ms',
        met: touch10k <= 100,
      },
    ];
  } finally {
    await browser.close();
    await kiosk.stop();
    await county.stop();
  }
}
