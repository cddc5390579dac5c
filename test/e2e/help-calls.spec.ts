import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { kioskDb, usePoint } from './support/point';
import { expectNoAxeViolations, openCategory, startVisit, typeChinese } from './support/resident';
import { countChimes, staffLogin } from './support/staff';

/**
 * Help calls that reach someone (issue 9 item 8): with no clerk logged in anywhere the resident is told so and given
 * the duty phone; with a clerk logged in on another screen of the point, that screen chimes and shows the call, the
 * clerk takes it, the resident's screen names who is coming, and the call is an inquiry owned by that clerk.
 */
const point = usePoint('demonstration');
test.describe.configure({ mode: 'serial' });

/** Clerk screens for docs/staff-mode.md: to test output only; `npm run docs:screens` copies them into docs/screenshots. */
const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve(__dirname, '..', '..', 'test-results', 'screens', `${name}.png`) });

function inquiries(): Array<Record<string, unknown>> {
  return kioskDb(point, (db) => db.prepare('SELECT id, origin, channel, operator_id AS operatorId, owner_id AS ownerId, screen, taken_at AS takenAt FROM inquiries ORDER BY opened_at').all() as Array<Record<string, unknown>>);
}

test('with no clerk logged in anywhere, the kiosk says so and shows the duty phone instead of promising help', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'card');
  await page.getByRole('button', { name: '呼叫工作人员' }).click();
  const notice = page.locator('[data-help-state="nobody"]');
  await expect(notice).toContainText('现在没有工作人员登录');
  // The phone and on-duty person the attract screen shows (the county's site settings win over the local file).
  const site = await point.core.call('site.info');
  await expect(notice).toContainText(site.consultationPhone);
  expect(site.onDuty).toEqual(expect.any(String));
  await expect(notice).toContainText(site.onDuty!);
  await expect(page.getByText('马上有人来帮您')).toHaveCount(0);
  await expectNoAxeViolations(page, 'help: nobody logged in');
  await shot(page, 'clerk-01-help-nobody-logged-in');
  // Elder mode and English: the same truth, larger and in the resident's language.
  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(notice).toContainText('No clerk is logged in right now');
  await expectNoAxeViolations(page, 'help: nobody logged in (en, elder)');
  // Even unanswered, the call is an inquiry in the register.
  expect(inquiries()).toEqual([expect.objectContaining({ origin: 'helpButton', channel: 'self', operatorId: null, ownerId: null, screen: 'category:card' })]);
});

test("a help call chimes on a second clerk screen; the clerk takes it, the resident is told who is coming, and the inquiry is the clerk's", async ({ page, browser }) => {
  const clerkContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const clerk = await clerkContext.newPage();
  await countChimes(clerk);
  await clerk.goto(point.kiosk.url);
  await staffLogin(clerk, 'li', DEMO_STAFF_PASSWORDS.li!);

  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await page.getByRole('button', { name: '呼叫工作人员' }).click();
  await expect(page.locator('[data-help-state="reached"]')).toContainText('已通知工作人员李秀英');

  const call = clerk.locator('[data-help-call]');
  await expect(call).toHaveCount(1);
  await expect(call).toContainText('按了求助按钮');
  await expect.poll(() => clerk.evaluate(() => (window as unknown as { chimeTones: number }).chimeTones)).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(clerk, 'clerk screen with a help call');
  await shot(clerk, 'clerk-02-help-call-on-clerk-screen');

  await call.locator('[data-help-take]').click();
  await expect(call).toHaveCount(0);
  await expect(page.locator('[data-help-state="reached"]')).toContainText('工作人员李秀英正在赶来');
  await expectNoAxeViolations(page, 'help: clerk coming');
  const [, answered] = inquiries();
  expect(answered).toMatchObject({ origin: 'helpButton', channel: 'self', ownerId: 'clerk-li', screen: 'category:job', takenAt: expect.any(String) });
  await clerkContext.close();
});

test('the inquiry register: a clerk takes an unanswered help call, records a phone contact on the keyboard, closes it, and exports the month', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('[data-staff-workspace]').click();
  const register = page.locator('[data-register]');
  await expect(register).toBeVisible();
  await expect(page.locator('.attract__start')).toBeHidden();
  // The first test's call reached nobody: it waits unowned in the register, and li takes it.
  const [unanswered] = inquiries();
  const row = page.locator(`[data-inquiry="${String(unanswered!.id)}"]`);
  await expect(row).toContainText('还没有人接手');
  await expectNoAxeViolations(page, 'inquiry register');
  await row.locator('[data-inquiry-take]').click();
  await expect(row).toContainText('首问责任人：李秀英');

  await page.locator('[data-register-new]').click();
  await page.locator('[data-origin="phone"]').click();
  await typeChinese(page, '社保卡补办');
  await page.locator('[data-due="threeDays"]').click();
  await expectNoAxeViolations(page, 'inquiry register: new contact');
  await page.locator('[data-register-save]').click();
  const phone = page.locator('[data-inquiry]', { hasText: '社保卡补办' });
  await expect(phone).toHaveAttribute('data-inquiry-state', 'open');
  await expect(phone).toContainText('电话');
  await phone.locator('[data-inquiry-close="answered"]').click();
  await expect(phone).toHaveAttribute('data-inquiry-state', 'closed');
  await expect(phone).toContainText('办结：已答复');
  await shot(page, 'clerk-03-inquiry-register');
  expect(inquiries().find((i) => i.origin === 'phone')).toMatchObject({ channel: 'assisted', operatorId: 'clerk-li', ownerId: 'clerk-li' });

  const download = page.waitForEvent('download');
  await page.locator('[data-register-export]').click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
  expect(cells).toContain('社保卡补办');
  expect(cells).toContain('已答复');
  expect(cells).toContain('自助机求助');

  // Printed on the receipt printer: the simulator's GB18030 bytes, decoded, carry the register as listed.
  await point.core.call('dev.printer.transcript', { clear: true });
  await page.locator('[data-register-print]').click();
  await expect(page.locator('[data-register-printed]')).toBeVisible();
  const printed = async () => (await point.core.call('dev.printer.transcript', {})).text;
  await expect.poll(printed, { timeout: 20_000 }).toContain('首问负责登记簿');
  const slip = await printed();
  expect(slip).toContain('社保卡补办');
  expect(slip).toContain('已答复');
  expect(slip).toContain('打印人');
  expect(slip).toContain('李秀英');
  expect(kioskDb(point, (db) => db.prepare("SELECT channel, operator_id AS operatorId FROM prints WHERE kind = 'inquiryRegister'").all())).toEqual([{ channel: 'assisted', operatorId: 'clerk-li' }]);

  await page.locator('.workspace__head button[lang="en"]').click();
  await expect(page.locator('#register-title')).toHaveText('Inquiry register');
  await expectNoAxeViolations(page, 'inquiry register (en)');
  await page.locator('[data-workspace-close]').click();
  await expect(page.locator('.attract__start')).toBeVisible();
});
