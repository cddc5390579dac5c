import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { atWindowStation, kioskDb, usePoint } from './support/point';
import { expectCountyHoldsSubmitted } from './support/county-record';
import { recordSubmits } from './support/submit-recorder';
import { completeItem } from './support/item-flow';
import { expectNoAxeViolations } from './support/resident';
import { typeStaffLogin } from './support/staff';

/**
 * Window mode (issue 9 item 3): the same app on the window PC, started with `kiosk.station: "window"`, opens on the
 * clerk's login (no attract screen, no hidden corner), the login opens the workspace, and what the clerk hands in for
 * a resident at the desk is stamped window with the clerk's id, at the kiosk and at the county.
 */
const catalog = defaultCatalog();
const point = usePoint('village', atWindowStation);
test.describe.configure({ mode: 'serial' });

test('the window PC opens on the login, then the workspace; a desk submission is stamped window at the county', async ({ page }) => {
  test.setTimeout(120_000);
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  const login = page.locator('[data-staff-login]');
  await expect(login).toBeVisible();
  await expect(page.locator('.attract__start')).toHaveCount(0);
  await expect(page.locator('[data-staff-entry]')).toHaveCount(0);
  await expect(login.getByRole('button', { name: '取消' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'window: login');
  await typeStaffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);

  await expect(page.locator('[data-staff-banner]')).toContainText('窗口模式 · 李秀英');
  await expect(page.locator('[data-workspace]')).toBeVisible();
  await page.locator('[data-workspace-close]').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();

  const started = new Date();
  const outcome = await completeItem(page, point.core, catalog.items.find((i) => i.code === 'JOB-01')!, SAMPLE_RESIDENTS[3]!);
  expect(kioskDb(point, (db) => db.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE tracking_number = ?').get(outcome.trackingNumber))).toEqual({ channel: 'window', operatorId: 'clerk-li' });
  await expectCountyHoldsSubmitted(point.county, outcome, { itemCode: 'JOB-01', resident: SAMPLE_RESIDENTS[3]!, channel: 'window', operatorId: 'clerk-li', submittedAfter: started });

  // Logging out returns the window PC to its login, never to a resident's screen.
  await page.locator('[data-staff-logout]').click();
  await expect(login).toBeVisible();
  await expect(page.locator('[data-screen]')).toHaveCount(0);
});
