import { expect, test } from '@playwright/test';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { batchItem } from '../support/county-items';
import { commissioning, siteRecord } from '../support/site-record-fixtures';
import { useCounty } from './support/point';
import { expectNoAxeViolations } from './support/resident';
import { CONSOLE_VIEWPORT, checkConsoleScreen, downloadFirstSheet, openConsolePage, signInConsole } from './support/console-page';

/** The township/county console served by the gateway (demo seed), in Chromium at 1366x768. */
const fixture = useCounty();
test.use({ viewport: CONSOLE_VIEWPORT });

test('sign-in: a wrong password is refused in words, a township account sees its own points, sign-out ends the session', async ({ page, context }) => {
  await page.goto(`${fixture.county.url}/console/`);
  await expect(page.locator('#login-username')).toBeVisible();
  await checkConsoleScreen(page, 'console-01-login');
  await page.locator('#login-username').fill('tuwo');
  await page.locator('#login-password').fill('not-the-password');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-error="bad_credentials"]')).toContainText('账号或密码不正确');

  await signInConsole(page, fixture.county, 'tuwo');
  const cookie = (await context.cookies()).find((c) => c.name === 'county_console')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('county_console');

  await openConsolePage(page, 'points');
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('[data-row="demo-kiosk-3"]')).toHaveCount(0);
  await checkConsoleScreen(page, 'console-02-points');
  await openConsolePage(page, 'audit');
  await expect(page.locator('[data-col="action"]').first()).toContainText('登录');
  await checkConsoleScreen(page, 'console-03-audit');

  await page.locator('[data-action="language"]').click();
  await expect(page.locator('main h1')).toHaveText('Audit trail');
  await checkConsoleScreen(page, 'console-03-audit-en');

  await page.locator('[data-action="logout"]').click();
  await expect(page.locator('#login-username')).toBeVisible();
  const after = await page.request.get(`${fixture.county.url}/console/api/points`);
  expect(after.status()).toBe(401);
});

test('a second township sees none of the first one’s points, by page or by API', async ({ page }) => {
  await signInConsole(page, fixture.county, 'beige');
  await openConsolePage(page, 'points');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-row="demo-kiosk-3"]')).toBeVisible();
  const points = await (await page.request.get(`${fixture.county.url}/console/api/points`)).json();
  expect(points.points.map((p: { kioskId: string }) => p.kioskId)).toEqual(['demo-kiosk-3']);
});

test('programme: a kiosk finishes commissioning (its signed record), the share against the county date moves, a trial run is recorded by hand, and the table exports to xlsx', async ({ page }) => {
  await signInConsole(page, fixture.county, 'tuwo');
  await openConsolePage(page, 'programme');
  const half = page.locator('tr[data-row="commissioned-0.5"]');
  await expect(half.locator('[data-col="reached"]')).toContainText('0%');
  const cell = page.locator('tr[data-row="demo-kiosk-2"] [data-stage="commissioned"]');
  await expect(cell).toHaveAttribute('data-done', 'no');
  await expect(cell.locator('button')).toHaveCount(0); // commissioning comes from the kiosk's record, not a click
  // The kiosk finishes commissioning: its record travels in a signed batch like every other outbox item.
  const today = new Date().toISOString();
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;
  const kiosk = new HttpCountyClient({ baseUrl: fixture.county.url, kioskId: point.kioskId, secret: point.secret });
  expect((await kiosk.sendBatch([siteRecord(commissioning(point.kioskId, today, true))])).results[0]).toMatchObject({ status: 'accepted' });
  await page.reload();
  await expect(cell).toHaveAttribute('data-done', 'yes');
  await expect(cell).toContainText('赵师傅');
  await expect(half.locator('[data-col="reached"]')).toContainText('50%');
  // A trial run is still recorded by hand.
  const trial = page.locator('tr[data-row="demo-kiosk-2"] [data-stage="trialRun"]');
  await trial.locator('button').click();
  await expect(trial).toHaveAttribute('data-done', 'yes');
  await checkConsoleScreen(page, 'console-00-programme');

  const rows = await downloadFirstSheet(page, 'export');
  const village = rows.find((r) => r.includes('140105001201'))!;
  expect(village[7]).toBe(new Date().toISOString().slice(0, 10)); // commissioned, the column after trained
  expect(rows.some((r) => r.includes('140105002203'))).toBe(false);
});

test('programme: the county admin edits the county\'s dates; the milestones follow', async ({ page }) => {
  await signInConsole(page, fixture.county, 'county');
  await openConsolePage(page, 'programme');
  await expect(page.locator('tr[data-row="commissioned-0.5"]')).toHaveAttribute('data-state', 'alert'); // 2026-11-15 passed, 1 of 3
  await page.locator('[data-action="edit-dates"]').click();
  const editor = page.locator('[data-editor="milestones"]');
  const half = editor.locator('tr', { has: page.locator('[data-milestone-share]') }).filter({ has: page.locator('[data-milestone-share][value="50"]') });
  // The date is said in the page's language, not Chromium's own "mm/dd/yyyy" (which follows the browser's locale).
  const due = half.locator('[data-milestone-due]');
  await expect(due).toHaveAttribute('type', 'text');
  await expect(due).toHaveAttribute('placeholder', '年-月-日');
  await expect(due).toHaveAccessibleDescription('按 年-月-日 填写，例如 2027-01-10。');
  // Not a real day: the field says so in words, and a save sends nothing (the editor stays open).
  const sent: string[] = [];
  page.on('request', (r) => void (r.method() === 'PUT' && sent.push(r.url())));
  await due.fill('2027-02-30');
  await page.locator('[data-action="save-dates"]').click();
  await expect(half.locator('[data-date-error]')).toHaveText('请按 年-月-日 填写一个真实的日期，例如 2027-01-10。');
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveCount(1);
  await expectNoAxeViolations(page, 'console programme dates, a wrong date (zh-CN)');
  await page.locator('[data-action="language"]').click();
  await expect(due).toHaveAttribute('placeholder', 'yyyy-mm-dd');
  await expect(half.locator('[data-date-error]')).toHaveText('Enter a real date as year-month-day, for example 2027-01-10.');
  await expectNoAxeViolations(page, 'console programme dates, a wrong date (en)');
  await page.locator('[data-action="language"]').click();
  // Typed from the keyboard alone.
  await due.fill('');
  await due.pressSequentially('2027-01-10');
  await expect(half.locator('[data-date-error]')).toHaveCount(0);
  await checkConsoleScreen(page, 'console-18-programme-dates');
  await page.locator('[data-action="save-dates"]').click();
  await expect(editor).toHaveCount(0);
  // Only the save with a real day went to the county.
  expect(sent).toHaveLength(1);
  const row = page.locator('tr[data-row="commissioned-0.5"]');
  await expect(row.locator('[data-col="due"]')).toHaveText('2027-01-10');
  await expect(row).not.toHaveAttribute('data-state', 'alert');
  // A township account has no editor.
  await page.locator('[data-action="logout"]').click();
  await signInConsole(page, fixture.county, 'tuwo');
  await openConsolePage(page, 'programme');
  await expect(page.locator('[data-action="edit-dates"]')).toHaveCount(0);
});

test('cases: a township takes an application waiting at the county and returns it with what is missing; the kiosk receives the outcome', async ({ page }) => {
  test.setTimeout(90_000);
  // A simulated kiosk of 土沃乡 hands in an application a county clerk must decide.
  const kiosk = new HttpCountyClient({ baseUrl: fixture.county.url, kioskId: 'demo-kiosk-2', secret: DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!.secret });
  const item = batchItem(SAMPLE_RESIDENTS[0]!, 'JOB-08', { form: {} });
  expect((await kiosk.sendBatch([item])).results[0]!.status).toBe('accepted');

  await signInConsole(page, fixture.county, 'tuwo');
  // The case is on the desk once the county's relay has handed the item over (on a timer after the batch). Waited for
  // on the console's own API, which answers what the page will list: no page reloads, each allowed 2 s, that a loaded
  // machine could miss one after another.
  const onDesk = async () => {
    const answer = await page.request.get(`${fixture.county.url}/console/api/cases`);
    return ((await answer.json()) as { cases: Array<{ applicationId: string }> }).cases.some((c) => c.applicationId === item.id);
  };
  await expect.poll(onDesk, { timeout: 30_000 }).toBe(true);
  await openConsolePage(page, 'cases');
  const open = page.locator(`[data-open-case="${item.id}"]`);
  await expect(open).toBeVisible();
  await expect(page.locator(`tr[data-row="${item.id}"] [data-col="resident"]`)).not.toContainText(SAMPLE_RESIDENTS[0]!.name);
  await open.click();
  await page.locator('[data-case-action="take"]').click();
  const detail = page.locator(`[data-case="${item.id}"]`);
  await expect(detail).toHaveAttribute('data-case-state', 'taken');
  await page.locator('#case-note').fill('残疾证需在有效期内。');
  // What is missing is ticked by name, in words from the item's catalogue materials (not typed as a code).
  await detail.locator('[data-case-materials] label', { hasText: '残疾' }).locator('input').check();
  await expect(detail.locator('[data-material="disabilityCertificate"]')).toBeChecked();
  await checkConsoleScreen(page, 'console-12-cases');
  await page.locator('[data-case-action="return"]').click();
  await expect(detail).toHaveAttribute('data-case-state', 'returned');
  // The return and its outcome for the kiosk are one county transaction: by the time the console says returned, the
  // kiosk's next pull has it (no waiting on a clock).
  const outcome = (await kiosk.pullOutcomes(0)).outcomes.find((o) => o.itemId === item.id)!;
  expect(outcome.state).toBe('returned');
  expect(outcome.missing!.text['zh-CN']).toContain('残疾证需在有效期内。');
  expect(outcome.missing!.materials).toEqual(['disabilityCertificate']);
  kiosk.close();
});

test('on a tablet (800x1280) the pages stack the menu above the content, in English too, and stay axe-clean', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  await signInConsole(page, fixture.county, 'county');
  for (const id of ['programme', 'faults', 'accounts', 'publishing']) {
    await openConsolePage(page, id);
    // Nothing wider than the screen: the tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    // The menu takes its own height, not half the screen: the page starts near the top.
    expect((await page.locator('main h1').boundingBox())!.y).toBeLessThan(250);
  }
  await checkConsoleScreen(page, 'console-13-tablet-publishing');
  await page.locator('[data-action="language"]').click();
  await openConsolePage(page, 'programme');
  await checkConsoleScreen(page, 'console-14-tablet-programme-en');
});
