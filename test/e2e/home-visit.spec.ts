import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { openCoreSocket } from './support/core-socket';
import { isFieldVisible, type FormValues } from '../../src/shared/catalog/validate-form';
import { answerFor } from './support/form-filler';
import { completeItem } from './support/item-flow';
import { recordSubmits } from './support/submit-recorder';
import { startKiosk } from './support/kiosk-process';
import { countyPayload, kioskDb, takeCountyDown, usePoint } from './support/point';
import { expectNoAxeViolations } from './support/resident';
import { typeStaffLogin } from './support/staff';

/**
 * Home-visit mode (issue 9 item 4): the same app on a clerk's laptop (`kiosk.station: "homeVisit"`). It synced once
 * before leaving (usePoint waits for that round: the staff list came down); at the resident's home there is no
 * network: the clerk logs in, names the resident's village group, and hands in JOB-01. The laptop is shut down and
 * started again, the network comes back, and the county stores the record field by field: homeVisit, the clerk's id,
 * the village group, the resident and the form.
 */
const catalog = defaultCatalog();
const GROUPS = ['第一村民小组', '第二村民小组'];
const point = usePoint('village', (config) => {
  config.kiosk.station = 'homeVisit';
  config.kiosk.villageGroups = GROUPS;
});
test.describe.configure({ mode: 'serial' });

test('offline at the home, stamped homeVisit with the clerk and village group, stored by the county once back', async ({ page }) => {
  test.setTimeout(180_000);
  await takeCountyDown(point);

  recordSubmits(page);
  await page.goto(point.kiosk.url);
  const login = page.locator('[data-staff-login]');
  await expect(login).toBeVisible();
  await expect(page.locator('.attract__start')).toHaveCount(0);
  await typeStaffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);

  // The village group comes first; nothing else is reachable before it.
  await expect(page.locator('[data-staff-banner]')).toContainText('上门服务模式 · 李秀英');
  await expect(page.locator('[data-village-groups]')).toBeVisible();
  await expect(page.locator('[data-screen]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'home visit: village group');
  await page.locator(`[data-village-group="${GROUPS[1]}"]`).click();
  await expect(page.locator('[data-village-group-current]')).toContainText(GROUPS[1]!);
  await expect(page.locator('[data-screen="home"]')).toBeVisible();

  // Ready to leave? Not with the county away: the workspace's checks say so, in Chinese and in English.
  await page.locator('[data-staff-workspace]').click();
  const ready = page.locator('[data-ready-to-leave]');
  await expect(ready).toHaveAttribute('data-ready-to-leave', 'false');
  await expect(ready.locator('[data-ready-check="countyReachable"]')).toHaveAttribute('data-ready-ok', 'false');
  await expect(ready.locator('[data-ready-check="staffList"]')).toHaveAttribute('data-ready-ok', 'true');
  await expect(ready).toContainText('还不能出门');
  await expectNoAxeViolations(page, 'home visit: before leaving');
  await page.locator('[data-workspace]').getByRole('button', { name: 'English' }).click();
  await expect(ready).toContainText('Not ready yet');
  await expect(ready.locator('[data-ready-check="countyReachable"]')).toContainText('not passed');
  await expectNoAxeViolations(page, 'home visit: before leaving (en)');
  // The village group screen in English too.
  await page.locator('[data-workspace-close]').click();
  await page.locator('[data-village-group-change]').click();
  await expect(page.locator('[data-village-groups]')).toBeVisible();
  await expect(page.locator('[data-village-groups]')).toContainText('Which village group does this resident live in?');
  await expectNoAxeViolations(page, 'home visit: village group (en)');
  await page.locator(`[data-village-group="${GROUPS[1]}"]`).click();
  await page.locator('[data-staff-workspace]').click();
  await page.locator('[data-workspace]').getByRole('button', { name: '中文' }).click();
  await page.locator('[data-workspace-close]').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();

  // An item the catalogue keeps for the service point says so on its tile before the clerk starts it.
  await page.locator('[data-category="card"]').click();
  await expect(page.locator('[data-item="CARD-01"] [data-readiness]')).toHaveAttribute('data-readiness', 'unavailable');
  await expect(page.locator('[data-item="CARD-01"]')).toContainText('不能上门办理');
  await expectNoAxeViolations(page, 'home visit: item not offered');
  await page.locator('.shell__nav .button').first().click();

  const resident = SAMPLE_RESIDENTS[3]!;
  const jobItem = catalog.items.find((i) => i.code === 'JOB-01')!;
  const outcome = await completeItem(page, point.core, jobItem, resident);
  expect(outcome.kind).toBe('receipt');
  expect(kioskDb(point, (db) => db.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE tracking_number = ?').get(outcome.trackingNumber))).toEqual({ channel: 'homeVisit', operatorId: 'clerk-li' });
  expect(countyPayload(point, outcome.trackingNumber!)).toBeNull();

  // The laptop is shut down on the way back and started again from the same data dir: nothing is lost.
  const dataDir = point.kiosk.dataDir;
  point.core.close();
  await point.kiosk.stop();
  expect(fs.existsSync(path.join(dataDir, 'kiosk.sqlite'))).toBe(true);
  point.kiosk = await startKiosk(['--config', point.configFile, '--simulate'], {}, dataDir);
  point.core = await openCoreSocket(point.kiosk);

  // Back online: the county stores what was captured at the home, field by field.
  await point.county.restart();
  await expect.poll(() => countyPayload(point, outcome.trackingNumber!), { timeout: 90_000, intervals: [1000] }).not.toBeNull();
  const stored = countyPayload(point, outcome.trackingNumber!) as unknown as Record<string, unknown>;
  expect(stored).toMatchObject({
    trackingNumber: outcome.trackingNumber,
    itemCode: 'JOB-01',
    serviceMode: 'homeVisit',
    operatorId: 'clerk-li',
    villageGroup: GROUPS[1],
    resident: { idNumber: resident.idNumber, name: resident.name, source: 'idCard' },
  });
  // The form as the clerk typed it at the home (the same answers the item runner gave, field by field).
  const expectedForm: FormValues = {};
  for (const step of jobItem.form) for (const field of step.fields) if (isFieldVisible(field, expectedForm)) expectedForm[field.name] = answerFor(field, resident, expectedForm);
  expect(stored.form).toEqual(expectedForm);
});
