import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { CONSOLE_VIEWPORT, checkConsoleScreen, openConsolePage, signInConsole } from './support/console-page';
import { readDb, staffListHeld, usePoint } from './support/point';
import { expectNoAxeViolations, pressKeys, startVisit } from './support/resident';
import { staffLogin } from './support/staff';

/**
 * 全程代办 (issue 9 item 7, issue 12 item 5): a clerk opens a case on the kiosk for a resident identified by a typed ID
 * number, sends it; the township takes it and passes it to the county; the county returns it for a material; the
 * clerk sends it again with the material; the township finishes it; the clerk prints the handover receipt and records
 * the resident's signature. The county's stored case and steps are read from its database, the receipt from the
 * simulated printer's bytes, and the console's desk shows each state. zh-CN and en, axe-clean.
 */
const point = usePoint('village');

const resident = SAMPLE_RESIDENTS[3]!;
type CountyCase = { case_id: string; state: string; channel: string; operator_id: string; item_code: string; resident: string; materials: string; consent: string; promised_days: number };
const countyCase = (caseNumber: string) =>
  readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) => (db.prepare('SELECT * FROM point_cases WHERE case_number = ?').get(caseNumber) as CountyCase | undefined) ?? null);
const countySteps = (caseId: string) =>
  readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) => (db.prepare('SELECT body FROM point_case_steps WHERE case_id = ? ORDER BY arrival').all(caseId) as Array<{ body: string }>).map((r) => JSON.parse(r.body) as CaseStep));

async function synced(): Promise<void> {
  await point.core.call('sync.now');
  await expect.poll(async () => (await point.core.call('sync.status')).pending, { timeout: 30_000 }).toBe(0);
}

async function consoleMove(page: Page, caseId: string, move: string): Promise<void> {
  await page.reload();
  await page.locator(`[data-open-point-case="${caseId}"]`).click();
  await page.locator(`[data-point-case="${caseId}"] [data-point-case-move="${move}"]`).click();
}

test('a case goes through every state on the kiosk, at the county and on the console desk, and back to the resident', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.goto(point.kiosk.url);
  // The socket (the test's own hand on the core, to start sync rounds) logs in as a second clerk of the point.
  await staffListHeld(point);
  await point.core.call('staff.login', { username: 'zhao', password: DEMO_STAFF_PASSWORDS.zhao! });
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('[data-staff-workspace]').click();
  const panel = page.locator('[data-cases]');
  await panel.locator('[data-case-new]').click();
  const form = panel.locator('[data-case-form]');
  // No resident yet: the clerk types the number (the card is unreadable) on the on-screen keyboard.
  await expect(form).toContainText('请先读卡确认群众身份');
  await form.locator('[data-field="typedIdNumber"]').click();
  await pressKeys(page, resident.idNumber);
  await form.locator('[data-typed-reason="cardUnreadable"]').click();
  await form.locator('[data-typed-submit]').click();
  await expect(form.locator('[data-case-resident]')).toContainText(resident.idNumber.slice(-4));
  await form.locator('[data-case-item]').selectOption('JOB-08');
  await expect(form.locator('[data-case-time-limit]')).toContainText('事项承诺时限');
  await form.locator('[data-case-days="10"]').click();
  await form.locator('[data-case-consent="signedForm"]').click();
  await expectNoAxeViolations(page, 'case form (zh-CN)');
  await form.locator('[data-case-create]').click();

  const row = panel.locator('[data-case-state]').first();
  await expect(row).toHaveAttribute('data-case-state', 'opened');
  const caseNumber = (await row.getAttribute('data-case'))!;
  expect(caseNumber).toMatch(/^DB-\d{8}-[0-9A-Z]{6}$/);
  await expect(row).not.toContainText(resident.idNumber);
  await row.locator('[data-case-send]').click();
  await expect(row).toHaveAttribute('data-case-state', 'sent');
  await expect(row.locator('[data-case-state-words]')).toHaveText('已送出，等乡镇接收');
  await synced();

  // What arrived at the county: the case with the clerk's stamp, the resident in full, the open and send steps.
  await expect.poll(() => countyCase(caseNumber)?.state ?? null, { timeout: 30_000 }).toBe('sent');
  const stored = countyCase(caseNumber)!;
  expect(stored).toMatchObject({ channel: 'assisted', operator_id: 'clerk-li', item_code: 'JOB-08', consent: 'signedForm', promised_days: 10 });
  expect(JSON.parse(stored.resident)).toMatchObject({ idNumber: resident.idNumber, source: 'typedByClerk' });
  expect(countySteps(stored.case_id).map((s) => `${s.kind}:${s.operatorId}:${s.channel}`)).toEqual(['open:clerk-li:assisted', 'send:clerk-li:assisted']);

  // The township's desk: the case masked, taken, passed to the county.
  const deskContext = await browser.newContext({ viewport: CONSOLE_VIEWPORT });
  const desk = await deskContext.newPage();
  await signInConsole(desk, point.county, 'tuwo');
  await openConsolePage(desk, 'pointCases');
  const deskRow = desk.locator(`tr[data-row="${stored.case_id}"]`);
  await expect(deskRow).toContainText(caseNumber);
  await expect(deskRow).toContainText('已送出，待乡镇接收');
  await expect(desk.locator('main')).not.toContainText(resident.idNumber);
  await desk.locator(`[data-open-point-case="${stored.case_id}"]`).click();
  // The township reads who carried the case by name, not by login id.
  await expect(desk.locator(`[data-point-case="${stored.case_id}"]`)).toContainText('经办人：李秀英');
  await checkConsoleScreen(desk, 'console-09-point-cases');
  await desk.locator(`[data-point-case-move="take"]`).click();
  await expect(desk.locator(`[data-point-case="${stored.case_id}"]`)).toHaveAttribute('data-point-case-state', 'atTownship');
  await consoleMove(desk, stored.case_id, 'passUp');
  await expect(desk.locator(`[data-point-case="${stored.case_id}"]`)).toHaveAttribute('data-point-case-state', 'atCounty');
  await expect(desk.locator(`[data-point-case="${stored.case_id}"] [data-point-case-waiting]`)).toContainText('不在您手上');

  // The county returns it for the disability certificate.
  await desk.locator('[data-action="logout"]').click();
  await signInConsole(desk, point.county, 'county');
  await openConsolePage(desk, 'pointCases');
  await desk.locator(`[data-open-point-case="${stored.case_id}"]`).click();
  const detail = desk.locator(`[data-point-case="${stored.case_id}"]`);
  await detail.locator('#point-case-note').fill('请带原件');
  await detail.locator('[data-material="disabilityCertificate"]').check();
  await detail.locator('[data-point-case-move="return"]').click();
  await expect(detail).toHaveAttribute('data-point-case-state', 'returned');

  // Back at the point: returned, with what is missing in words; sent again with the certificate ticked.
  await synced();
  await panel.locator('[data-cases-refresh]').click();
  const mine = panel.locator(`[data-case="${caseNumber}"]`);
  await expect(mine).toHaveAttribute('data-case-state', 'returned');
  await expect(mine.locator('[data-case-missing]')).toContainText('残疾人证');
  await expect(mine.locator('[data-case-missing]')).toContainText('请带原件');
  await expect(mine.locator('[data-case-send]')).toBeDisabled();
  await mine.locator('[data-case-added="disabilityCertificate"]').check();
  await mine.locator('[data-case-send]').click();
  await expect(mine).toHaveAttribute('data-case-state', 'sent');
  await synced();
  await expect.poll(() => countyCase(caseNumber)?.state ?? null, { timeout: 30_000 }).toBe('sent');
  expect(JSON.parse(countyCase(caseNumber)!.materials)).toEqual(['disabilityCertificate']);

  // The township takes it again and finishes it.
  await desk.locator('[data-action="logout"]').click();
  await signInConsole(desk, point.county, 'tuwo');
  await openConsolePage(desk, 'pointCases');
  await consoleMove(desk, stored.case_id, 'take');
  await consoleMove(desk, stored.case_id, 'finish');
  await expect(desk.locator(`[data-point-case="${stored.case_id}"]`)).toHaveAttribute('data-point-case-state', 'done');

  // The handover receipt, read back from the printer's bytes, then the signature recorded as the hand-back.
  await synced();
  await panel.locator('[data-cases-refresh]').click();
  await expect(mine).toHaveAttribute('data-case-state', 'done');
  await point.core.call('dev.printer.transcript', { clear: true });
  await mine.locator('[data-case-print]').click();
  await expect.poll(async () => (await point.core.call('dev.printer.transcript', {})).text, { timeout: 30_000 }).toContain('群众签字');
  const slip = (await point.core.call('dev.printer.transcript', {})).text;
  for (const words of ['全程代办交还回执', caseNumber, '已办结，等群众领回', '乡镇接收', '报送县里', '退回补材料', '办结', '李秀英', '土沃乡人社所 王建国', '县人社局 管理员']) expect(slip).toContain(words);
  expect(slip).not.toContain(resident.idNumber);
  await mine.locator('[data-case-handback]').click();
  await expect(mine).toHaveAttribute('data-case-state', 'handedBack');
  await synced();
  await expect.poll(() => countyCase(caseNumber)?.state ?? null, { timeout: 30_000 }).toBe('handedBack');
  expect(countySteps(stored.case_id).map((s) => `${s.kind}:${s.state}:${s.operatorId}`)).toEqual([
    'open:opened:clerk-li',
    'send:sent:clerk-li',
    'take:atTownship:township-tuwo',
    'passUp:atCounty:township-tuwo',
    'return:returned:county-admin',
    'send:sent:clerk-li',
    'take:atTownship:township-tuwo',
    'finish:done:township-tuwo',
    'handBack:handedBack:clerk-li',
  ]);
  await desk.reload();
  await expect(desk.locator(`tr[data-row="${stored.case_id}"]`)).toContainText('已交还群众');

  // The steps on the kiosk, and the whole panel in English, axe-clean.
  await mine.locator('summary').click();
  await expect(mine.locator('[data-case-step]')).toHaveCount(9);
  await expectNoAxeViolations(page, 'cases (zh-CN)');
  // The clerk's day beside the panel follows it without a refresh: the case she opened and handed back today.
  await expect(page.locator(`[data-clerk-day-case="${caseNumber}"]`)).toHaveAttribute('data-case-state', 'handedBack');
  await page.screenshot({ path: 'test-results/screens/clerk-06-cases.png', fullPage: true });
  await page.locator('[data-workspace]').getByRole('button', { name: 'English' }).click();
  await expect(mine.locator('[data-case-state-words]')).toHaveText('Handed back to the resident');
  await expect(mine.locator('[data-case-step="passUp"]')).toContainText('Passed to the county');
  await expectNoAxeViolations(page, 'cases (en)');
  await desk.locator(`[data-action="language"]`).click();
  await expect(desk.locator(`tr[data-row="${stored.case_id}"]`)).toContainText('Handed back');
  await checkConsoleScreen(desk, 'console-09-point-cases-en');
  await deskContext.close();

  // "Where is my request": the resident, with their own ID card after the clerk logged out, reads the case in plain
  // words, in Chinese and in English elder mode.
  await page.locator('[data-staff-logout]').click();
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-my-requests]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  const myCase = page.locator(`[data-my-case="${caseNumber}"]`);
  await expect(myCase).toHaveAttribute('data-my-case-state', 'handedBack');
  await expect(myCase).toContainText('已交给您本人');
  await expect(page.locator('[data-my-cases]')).not.toContainText('李秀英');
  await expectNoAxeViolations(page, 'my requests with a case (zh-CN)');
  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(myCase).toContainText('Handed back to you');
  await expectNoAxeViolations(page, 'my requests with a case (en, elder)');
  await point.core.call('dev.idCard.remove');
});
