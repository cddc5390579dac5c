import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { startKiosk, type KioskProcess } from './support/kiosk-process';
import { openCoreSocket, type CoreSocket } from './support/core-socket';
import { startCounty, writeKioskConfig, type CountyProcess } from './support/county-process';
import { completeItem } from './support/item-flow';
import { expectNoAxeViolations, pressKeys } from './support/resident';

/**
 * Window mode (issue 9 item 3): the same app on the window PC, started with `kiosk.station: "window"`, opens on the
 * clerk's login (no attract screen, no hidden corner), the login opens the workspace, and what the clerk hands in for
 * a resident at the desk is stamped window with the clerk's id, at the kiosk and at the county.
 */
const catalog = defaultCatalog();
let county: CountyProcess;
let kiosk: KioskProcess;
let core: CoreSocket;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  county = await startCounty();
  const file = writeKioskConfig(county, 'village');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { kiosk: Record<string, unknown> };
  config.kiosk.station = 'window';
  fs.writeFileSync(file, JSON.stringify(config));
  kiosk = await startKiosk(['--config', file, '--simulate']);
  core = await openCoreSocket(kiosk);
  await expect.poll(async () => (await core.call<{ online: boolean }>('sync.status')).online, { timeout: 30_000 }).toBe(true);
});
test.afterAll(async () => {
  core?.close();
  await kiosk?.stop();
  await county?.stop();
});

test('the window PC opens on the login, then the workspace; a desk submission is stamped window at the county', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(kiosk.url);
  const login = page.locator('[data-staff-login]');
  await expect(login).toBeVisible();
  await expect(page.locator('.attract__start')).toHaveCount(0);
  await expect(page.locator('[data-staff-entry]')).toHaveCount(0);
  await expect(login.getByRole('button', { name: '取消' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'window: login');
  await login.locator('[data-staff-field="username"]').click();
  await pressKeys(page, 'li');
  await login.locator('[data-staff-field="password"]').click();
  await pressKeys(page, DEMO_STAFF_PASSWORDS.li!);
  await login.locator('[data-staff-submit]').click();

  await expect(page.locator('[data-staff-banner]')).toContainText('窗口模式 · 李秀英');
  await expect(page.locator('[data-workspace]')).toBeVisible();
  await page.locator('[data-workspace-close]').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();

  const outcome = await completeItem(page, core, catalog.items.find((i) => i.code === 'JOB-01')!, SAMPLE_RESIDENTS[3]!);
  const db = new Database(path.join(kiosk.dataDir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE tracking_number = ?').get(outcome.trackingNumber)).toEqual({ channel: 'window', operatorId: 'clerk-li' });
  } finally {
    db.close();
  }
  const stored = () => {
    const countyDb = new Database(path.join(county.dataDir, 'county.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = countyDb.prepare('SELECT payload FROM items WHERE tracking_number = ?').get(outcome.trackingNumber) as { payload: string } | undefined;
      return row ? (JSON.parse(row.payload) as { serviceMode: string; operatorId: string }) : null;
    } finally {
      countyDb.close();
    }
  };
  await expect.poll(stored, { timeout: 45_000 }).toMatchObject({ serviceMode: 'window', operatorId: 'clerk-li' });

  // Logging out returns the window PC to its login, never to a resident's screen.
  await page.locator('[data-staff-logout]').click();
  await expect(login).toBeVisible();
  await expect(page.locator('[data-screen]')).toHaveCount(0);
});
