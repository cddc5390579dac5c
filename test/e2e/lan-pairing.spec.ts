import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { atWindowStation, kioskDb, startKioskFor, usePoint, type Point } from './support/point';
import { expectNoAxeViolations, openCategory, pressKeys, startVisit } from './support/resident';
import { countChimes, staffLogin, typeStaffLogin } from './support/staff';

/**
 * LAN pairing and help calls that reach the window PC (issue 9 items 3 and 8), with two real cores: the village
 * kiosk and the window PC, each a browser-host process with its own data dir, both synced with the reference county.
 * A clerk shows a code on the kiosk, another types it at the window PC; the kiosk then has nobody logged in, a
 * resident presses help, the window PC chimes, its clerk takes the call, and only then does the resident's screen
 * say who is coming; the kiosk's register names the window clerk.
 */
const point = usePoint('village', (config) => {
  (config as unknown as { lan: unknown }).lan = { host: '127.0.0.1', port: 0 };
});
test.describe.configure({ mode: 'serial' });

// The window PC: a second kiosk process of the same point, at the window station.
let windowPc: Pick<Point, 'kiosk' | 'core'>;
test.beforeAll(async () => {
  windowPc = await startKioskFor(point.county, 'village', atWindowStation);
});
test.afterAll(async () => {
  windowPc?.core.close();
  await windowPc?.kiosk.dispose();
});

test("paired once by a code, the kiosk's help call rings at the window PC and the resident hears only the clerk's real take", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // On the kiosk: a clerk shows a pairing code, then logs out (nobody is logged in on the kiosk itself).
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'zhao', DEMO_STAFF_PASSWORDS.zhao!);
  await page.locator('[data-staff-workspace]').click();
  await page.locator('[data-pairing-new-code]').click();
  const code = (await page.locator('[data-pairing-code]').textContent())!;
  const address = (await page.locator('[data-pairing-address]').textContent())!;
  expect(code).toMatch(/^\d{8}$/);
  expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
  await expectNoAxeViolations(page, 'kiosk: pairing code');
  await page.locator('[data-staff-logout]').click();

  // At the window PC: the clerk logs in (the workspace opens) and types the address and the code.
  const windowContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const desk = await windowContext.newPage();
  await countChimes(desk);
  await desk.goto(windowPc.kiosk.url);
  await typeStaffLogin(desk, 'li', DEMO_STAFF_PASSWORDS.li!);
  await expect(desk.locator('[data-workspace]')).toBeVisible();
  await expect(desk.locator('[data-pairing="window"]')).toBeVisible();
  // Address and code on the on-screen keyboard (the desk may be a touchscreen too).
  await desk.locator('[data-pairing-field="address"]').click();
  await pressKeys(desk, address);
  await expect(desk.locator('[data-pairing-field="address"]')).toHaveValue(address);
  await desk.locator('[data-pairing-field="code"]').click();
  await pressKeys(desk, '00000000' === code ? '11111111' : '00000000');
  await desk.locator('[data-pairing-submit]').click();
  await expect(desk.locator('[data-pairing="window"] [data-error="pairing_refused"]')).toBeVisible();
  await desk.locator('[data-pairing-field="code"]').click();
  await desk.locator('.osk [data-skbtn="{clear}"]').click();
  await pressKeys(desk, code);
  await expect(desk.locator('[data-pairing-field="code"]')).toHaveValue(code);
  await desk.locator('[data-pairing-submit]').click();
  await expect(desk.locator('[data-pairing-kiosk="connected"]')).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(desk, 'window PC: paired');

  // A resident on the kiosk presses help: the window clerk was told, nobody has taken it yet.
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await page.getByRole('button', { name: '呼叫工作人员' }).click();
  await expect(page.locator('[data-help-state="reached"]')).toContainText('已通知工作人员李秀英');
  const call = desk.locator('[data-help-call]');
  await expect(call).toHaveCount(1, { timeout: 10_000 });
  await expect.poll(() => desk.evaluate(() => (window as unknown as { chimeTones: number }).chimeTones)).toBeGreaterThanOrEqual(2);
  // Nobody has taken it: the kiosk's register holds the call with no owner, and the screen promises nobody.
  await expect
    .poll(() => kioskDb(point, (db) => db.prepare("SELECT owner_id AS ownerId, taken_at AS takenAt FROM inquiries WHERE origin = 'helpButton'").all()))
    .toEqual([{ ownerId: null, takenAt: null }]);
  await expect(page.locator('[data-help-state="reached"]')).not.toContainText('正在赶来');

  // The window clerk takes it: the resident's screen names her, and the kiosk's register says it is hers.
  await call.locator('[data-help-take]').click();
  await expect(call).toHaveCount(0);
  await expect(page.locator('[data-help-state="reached"]')).toContainText('工作人员李秀英正在赶来');
  await expectNoAxeViolations(page, 'help: window clerk coming');
  const inquiries = kioskDb(point, (db) => db.prepare("SELECT owner_id AS ownerId, taken_at AS takenAt FROM inquiries WHERE origin = 'helpButton'").all());
  expect(inquiries).toEqual([expect.objectContaining({ ownerId: 'clerk-li', takenAt: expect.any(String) })]);

  // The window PC's panel in English.
  await desk.locator('[data-workspace]').getByRole('button', { name: 'English' }).click();
  await expect(desk.locator('[data-pairing-kiosk="connected"]')).toContainText('Paired with');
  await expectNoAxeViolations(desk, 'window PC: paired (en)');

  // Unpaired on the kiosk (a second clerk screen there, in English): the window PC's key is revoked, its link is cut
  // and it cannot come back with that key.
  const kioskClerkContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const kioskClerk = await kioskClerkContext.newPage();
  await kioskClerk.goto(point.kiosk.url);
  await staffLogin(kioskClerk, 'zhao', DEMO_STAFF_PASSWORDS.zhao!);
  await kioskClerk.locator('[data-staff-workspace]').click();
  await kioskClerk.locator('[data-workspace]').getByRole('button', { name: 'English' }).click();
  const peer = kioskClerk.locator('[data-pairing-peer="connected"]');
  await expect(peer).toContainText('paired, connected');
  await expectNoAxeViolations(kioskClerk, 'kiosk: paired PCs (en)');
  await peer.locator('[data-pairing-unpair]').click();
  await expect(kioskClerk.locator('[data-pairing-peer]')).toHaveCount(0);
  await expect(desk.locator('[data-pairing-kiosk="away"]')).toBeVisible({ timeout: 20_000 });
  expect(kioskDb(point, (db) => db.prepare("SELECT operator_id AS operatorId FROM audit WHERE action = 'pairing.unpaired'").all())).toEqual([{ operatorId: 'clerk-zhao' }]);
  await kioskClerkContext.close();
  await windowContext.close();
});
