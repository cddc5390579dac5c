import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { atWindowStation, usePoint } from './support/point';
import { completeItem } from './support/item-flow';
import { recordSubmits } from './support/submit-recorder';
import { expectNoAxeViolations } from './support/resident';
import { typeStaffLogin } from './support/staff';

/**
 * The clerk's day (issue 9 item 10) on the window PC against the reference county (a process seeded with the demo
 * point and its village list): the clerk's own application appears with its tracking number and what the county made
 * of it, the queue and help calls are counted, and the village list comes from the county, names in full and ID
 * numbers masked; zh-CN and en, axe-clean.
 */
const catalog = defaultCatalog();
const point = usePoint('village', atWindowStation);
test.describe.configure({ mode: 'serial' });

test("the clerk's day lists today's own work and the village list from the county, in Chinese and English", async ({ page }) => {
  test.setTimeout(150_000);
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  const login = page.locator('[data-staff-login]');
  await typeStaffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);

  const day = page.locator('[data-clerk-day]');
  await expect(day).toContainText('今日工作');
  await expect(day).toContainText('今天还没有经办的申请。');

  // A desk application for a resident: it is the clerk's, received by the county after the sync.
  await page.locator('[data-workspace-close]').click();
  const outcome = await completeItem(page, point.core, catalog.items.find((i) => i.code === 'JOB-01')!, SAMPLE_RESIDENTS[3]!);
  await expect.poll(async () => (await point.core.call('sync.status')).pending, { timeout: 30_000 }).toBe(0);
  await page.locator('[data-staff-workspace]').click();
  await day.locator('[data-clerk-day-refresh]').click();
  const row = day.locator(`[data-submission="${outcome.trackingNumber}"]`);
  await expect(row).toHaveAttribute('data-submission-status', 'acknowledged');
  await expect(row).toContainText('县里已收到');
  await expect(row).toContainText('窗口');
  await expect(day.locator('[data-clerk-day-queue]')).toContainText('本机没有等待发送的事项。');
  await expect(day.locator('[data-clerk-day-rejected]')).toContainText('没有县里未接收的申请。');

  // The village list: asked of the county for this point, masked numbers only.
  await day.locator('[data-village-load]').click();
  const village = day.locator('[data-village-list]');
  await expect(village).toHaveAttribute('data-village-list', '5');
  const elder = SAMPLE_RESIDENTS[1]!;
  await expect(village.locator('[data-village-kind="certificationDue"]')).toContainText(elder.name);
  await expect(village.locator('[data-village-kind="certificationDue"]')).toContainText(`${elder.idNumber.slice(0, 4)}**********${elder.idNumber.slice(-4)}`);
  await expect(village.locator('[data-village-kind="pinLocked"]')).toContainText(SAMPLE_RESIDENTS[4]!.name);
  const text = (await page.locator('body').textContent()) ?? '';
  for (const r of [SAMPLE_RESIDENTS[0]!, elder, SAMPLE_RESIDENTS[4]!, SAMPLE_RESIDENTS[5]!]) expect(text).not.toContain(r.idNumber);
  await expectNoAxeViolations(page, "clerk's day (zh-CN)");
  await page.screenshot({ path: 'test-results/screens/clerk-05-clerks-day.png', fullPage: true });

  // A phone question about a listed service, closed by printing its 一次性告知 slip: the slip really comes out.
  await point.core.call('dev.printer.transcript', { clear: true });
  await page.locator('[data-register-new]').click();
  await page.locator('[data-register-item]').selectOption('CARD-01');
  await page.locator('[data-register-save]').click();
  const inquiry = page.locator('[data-inquiry][data-inquiry-state="open"]').first();
  await inquiry.locator('[data-inquiry-close="slipPrinted"]').click();
  await expect(page.locator('[data-inquiry][data-inquiry-state="closed"]')).toHaveCount(1);
  const cardName = catalog.items.find((i) => i.code === 'CARD-01')!.name['zh-CN'];
  await expect.poll(async () => (await point.core.call('dev.printer.transcript', {})).text, { timeout: 20_000 }).toContain(cardName);
  expect((await point.core.call('dev.printer.transcript', {})).text).toContain('一次性告知单');

  // English: the same figures in the clerk's other language.
  await page.locator('[data-workspace]').getByRole('button', { name: 'English' }).click();
  await expect(day).toContainText("Today's work");
  await expect(row).toContainText('received by the county');
  await expect(village.locator('[data-village-kind="certificationDue"]')).toContainText('Due for the yearly certification this month');
  await expectNoAxeViolations(page, "clerk's day (en)");

  // Logged out, the list is gone from the screen (the window PC returns to its login).
  await page.locator('[data-staff-logout]').click();
  await expect(login).toBeVisible();
  await expect(page.locator('[data-village-list]')).toHaveCount(0);
});
