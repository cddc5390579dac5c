import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import type { TownshipMonth } from '../../src/county/point-reports';
import { startKiosk, type KioskProcess } from './support/kiosk-process';
import { openCoreSocket } from './support/core-socket';
import { startCounty, writeKioskConfig, type CountyProcess } from './support/county-process';
import { expectNoAxeViolations } from './support/resident';
import { staffLogin } from './support/staff';

/**
 * The monthly report end to end (issue 13): a clerk opens last month's report from staff mode on the 12th, adds a
 * note and submits; the township's endpoint shows it received with the note; a second point that sent nothing is
 * late once the 15th is over. Both processes run on a shifted clock (test/e2e/support/shifted-clock.cjs).
 */
const SECOND_POINT = { id: 'village-2', secret: 'village-2-secret-0123456789abcdef' };
/** Standing on 12 December 2026, 10:00 point time: November's report is due, the reminder is on. */
const ON_THE_12TH = Date.parse('2026-12-12T02:00:00Z');
const AFTER_THE_15TH = Date.parse('2026-12-16T02:00:00Z');
const root = path.resolve(__dirname, '..', '..');

let county: CountyProcess;
let kiosk: KioskProcess;
const savedNodeOptions = process.env.NODE_OPTIONS;
test.describe.configure({ mode: 'serial' });

function shiftClocksTo(at: number): void {
  process.env.NODE_OPTIONS = `${savedNodeOptions ?? ''} --require ${path.join(__dirname, 'support', 'shifted-clock.cjs')}`.trim();
  process.env.E2E_CLOCK_OFFSET_MS = String(at - Date.now());
}

async function township(month: string): Promise<TownshipMonth> {
  const res = await fetch(`${county.url}/admin/v1/reports/${month}`, { headers: { authorization: `Bearer ${county.adminToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as TownshipMonth;
}

test.beforeAll(async () => {
  shiftClocksTo(ON_THE_12TH);
  county = await startCounty(0, undefined, ['--kiosk', `${SECOND_POINT.id}:${SECOND_POINT.secret}`]);
  kiosk = await startKiosk(['--config', writeKioskConfig(county, 'demonstration'), '--simulate']);
});
test.afterAll(async () => {
  await kiosk?.dispose();
  await county?.dispose();
  process.env.NODE_OPTIONS = savedNodeOptions;
  delete process.env.E2E_CLOCK_OFFSET_MS;
});

test("a clerk opens last month's report, adds a note and submits; the township sees it received", async ({ page }) => {
  await page.goto(kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  const entry = page.locator('[data-report-entry]');
  await expect(entry).toHaveAttribute('data-report-entry', '2026-11');
  await expect(entry).toHaveAttribute('data-report-reminder', 'due');
  await expect(entry).toContainText('2026-11 月度报表尚未上报');

  await entry.locator('[data-report-open]').click();
  const screen = page.locator('[data-report-screen="2026-11"]');
  await expect(screen.locator('[data-report-state]')).toHaveAttribute('data-report-state', 'draft');
  // The township layout: the demonstration point's items with the category subtotals and the total, all zero.
  await expect(screen.locator('[data-report-items] tbody tr[data-row="JOB-01"] th')).toHaveText('求职登记');
  await expect(screen.locator('[data-report-items] tbody tr[data-row="subtotal"]')).toHaveCount(5);
  await expect(screen.locator('[data-report-items] tbody tr[data-row="total"] td').last()).toHaveText('0');
  await expect(screen.locator('[data-report-empty]')).toBeVisible();
  await expectNoAxeViolations(page, 'monthly report (zh-CN)');

  await screen.locator('#report-notes').fill('本月打印机维修两天');
  await screen.locator('[data-report-submit]').click();
  await expect(screen.locator('[data-report-state]')).toHaveAttribute('data-report-state', 'submitted');
  await expect(screen.locator('[data-report-state]')).toContainText('李秀英');
  // The township confirms receipt with the next sync round; the screen says so.
  await expect
    .poll(async () => {
      await screen.locator('[data-report-close]').click();
      await page.locator('[data-report-open]').click();
      return screen.locator('[data-report-state]').textContent();
    }, { timeout: 30_000 })
    .toContain('乡镇已于');

  const month = await township('2026-11');
  const mine = month.points.find((p) => p.kioskId === county.kioskId)!;
  expect(mine).toMatchObject({ state: 'received', versions: 1 });
  expect(mine.latest!.report).toMatchObject({ month: '2026-11', notes: '本月打印机维修两天', submittedBy: { id: 'clerk-li', name: '李秀英' }, siteName: { 'zh-CN': '土沃乡就业社保示范服务点' } });
  expect(month.points.find((p) => p.kioskId === SECOND_POINT.id)).toMatchObject({ state: 'due', latest: null });

  // The report on paper: the A4 printer (simulated here) takes the PDF.
  const core = await openCoreSocket(kiosk);
  await core.call('dev.documentPrinter.jobs', { clear: true });
  await screen.locator('[data-report-print]').click();
  await expect(screen.locator('[data-report-printed]')).toContainText('已送到打印机');
  const { jobs } = await core.call('dev.documentPrinter.jobs', {});
  expect(jobs).toEqual([expect.objectContaining({ title: 'monthlyReport 2026-11', isPdf: true })]);
  core.close();

  // After submitting, the reminder is gone.
  await screen.locator('[data-report-close]').click();
  await expect(page.locator('[data-report-entry]')).toHaveAttribute('data-report-reminder', 'none');
});

test('after the 15th the point that did not submit is late, the one that did is received', async () => {
  shiftClocksTo(AFTER_THE_15TH);
  await county.restart();
  const month = await township('2026-11');
  expect(month.points.find((p) => p.kioskId === SECOND_POINT.id)).toMatchObject({ state: 'late', latest: null });
  expect(month.points.find((p) => p.kioskId === county.kioskId)).toMatchObject({ state: 'received' });
  // The same from the township's command line.
  const out = execFileSync(process.execPath, ['dist/county/cli.js', 'report', '--month', '2026-11', '--data-dir', county.dataDir, '--now', new Date(AFTER_THE_15TH).toISOString()], { cwd: root }).toString('utf8');
  expect(out).toMatch(new RegExp(`${SECOND_POINT.id}\\t${SECOND_POINT.id}\\t逾期未报`));
  expect(out).toMatch(new RegExp(`土沃乡就业社保示范服务点\\t${county.kioskId}\\t已上报\\t2026-12-12 10:\\d\\d`));
});
