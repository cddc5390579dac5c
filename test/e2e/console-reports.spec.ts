import { expect, test } from '@playwright/test';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { dayOfMonth, monthOf, previousMonth } from '../../src/shared/report/report-month';
import { signedReportItem } from '../support/report-fixtures';
import { useCounty } from './support/point';
import { CONSOLE_VIEWPORT, checkConsoleScreen, downloadFirstSheet, openConsolePage, signInConsole } from './support/console-page';

/**
 * The Reports page: 东庄村's kiosk submits last month's report, then a correction, through the signed batch; the
 * township sees it received (late: today is after the 15th) and corrected, opens it in both languages, sees the
 * demonstration point that sent nothing marked late, and downloads the workbook. 北格镇's point stays out.
 */
const fixture = useCounty();
test.use({ viewport: CONSOLE_VIEWPORT });

test('the township sees each point’s monthly report (received, corrected, late or due), opens one and downloads the workbook', async ({ page }) => {
  // Last month at the point (UTC+8); its reports are due by the end of this month's 15th there.
  const month = previousMonth(monthOf(new Date()));
  const pastDeadline = dayOfMonth(new Date()) > 15;
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;
  const kiosk = new HttpCountyClient({ baseUrl: fixture.county.url, kioskId: point.kioskId, secret: point.secret });
  const first = new Date(Date.now() - 60_000).toISOString();
  expect((await kiosk.sendBatch([signedReportItem(point.kioskId, month, 1, first, { 'CARD-01': 3 })])).results[0]).toMatchObject({ status: 'accepted' });
  expect((await kiosk.sendBatch([signedReportItem(point.kioskId, month, 2, new Date().toISOString(), { 'CARD-01': 4 }, '更正：补录窗口业务')])).results[0]).toMatchObject({ status: 'accepted' });
  const other = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-3')!;
  await new HttpCountyClient({ baseUrl: fixture.county.url, kioskId: other.kioskId, secret: other.secret }).sendBatch([signedReportItem(other.kioskId, month, 1, first, { 'CARD-01': 8 })]);
  kiosk.close();

  await signInConsole(page, fixture.county, 'tuwo');
  await openConsolePage(page, 'reports');
  await expect(page.locator('[data-report-month]')).toHaveValue(month);
  const row = (id: string) => page.locator(`tr[data-row="${id}"]`);
  const state = row('demo-kiosk-2').locator('[data-report-state]');
  await expect(state).toHaveAttribute('data-report-state', pastDeadline ? 'receivedLate' : 'received');
  await expect(state).toHaveAttribute('data-versions', '2');
  await expect(state).toContainText('已更正');
  await expect(row('demo-kiosk').locator('[data-report-state]')).toHaveAttribute('data-report-state', pastDeadline ? 'late' : 'due');
  await expect(row('demo-kiosk-3')).toHaveCount(0);

  await page.locator('[data-open-report="demo-kiosk-2"]').click();
  const detail = page.locator('[data-report="demo-kiosk-2"]');
  await expect(detail).toHaveAttribute('data-report-version', '2');
  await expect(detail.locator('[data-report-notes]')).toContainText('更正：补录窗口业务');
  await expect(detail.locator('tr', { hasText: 'CARD-01' }).locator('[data-col="total"]')).toHaveText('5');
  await detail.locator('[data-version="1"]').click();
  await expect(detail).toHaveAttribute('data-report-version', '1');
  await expect(detail.locator('tr', { hasText: 'CARD-01' }).locator('[data-col="total"]')).toHaveText('4');
  await checkConsoleScreen(page, 'console-15-reports');

  const summary = await downloadFirstSheet(page, 'workbook');
  const village = summary.find((r) => r.includes('土沃乡东庄村服务点'))!;
  expect(village).toContain(2); // versions
  expect(village).toContain(5); // items handled in the latest version
  expect(summary.some((r) => r.some((c) => typeof c === 'string' && c.includes('北格')))).toBe(false);

  await page.locator('[data-action="language"]').click();
  await expect(detail.locator('h2')).toContainText('report for');
  await checkConsoleScreen(page, 'console-16-reports-en');
  await page.setViewportSize({ width: 800, height: 1280 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await checkConsoleScreen(page, 'console-17-tablet-reports-en');
});
