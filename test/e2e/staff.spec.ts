import { expect, test } from '@playwright/test';
import { demoStaff, DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { usePoint } from './support/point';
import { expectNoAxeViolations, openCategory } from './support/resident';
import { holdStaffCorner, staffLogin } from './support/staff';

/**
 * Staff mode on the kiosk (issue 9 item 1): the hidden corner, login on the on-screen keyboard with the county's
 * staff list, the banner with who and which mode, one-touch logout that wipes the visit, the end of a login after
 * inactivity, and the end of a login when the county disables the account (next config round).
 */
const point = usePoint('demonstration');
test.describe.configure({ mode: 'serial' });

test('residents see no way in; holding the corner opens the login, and a short touch does not', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await expect(page.locator('.attract__start')).toBeVisible();
  await expect(page.getByRole('button', { name: /登录|log in/i })).toHaveCount(0);
  await holdStaffCorner(page, 800);
  await expect(page.locator('[data-staff-login]')).toHaveCount(0);
  // The corner touch did not start a visit either.
  await expect(page.locator('.attract__start')).toBeVisible();
  await holdStaffCorner(page);
  await expect(page.locator('[data-staff-login]')).toBeVisible();
  await expectNoAxeViolations(page, 'staff login (zh-CN)');
  await page.locator('[data-staff-login] button[lang="en"]').click();
  await expect(page.locator('#staff-login-title')).toHaveText('Staff login');
  await expectNoAxeViolations(page, 'staff login (en)');
});

test('a wrong password is refused in words and logs nobody in', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', 'wrong-password', false);
  await expect(page.locator('[data-staff-login] [data-error="invalid_credentials"]')).toContainText('账号或密码不正确');
  await expect(page.locator('[data-staff-banner]')).toHaveCount(0);
  await expect(page.locator('[data-staff-field="password"]')).toHaveValue('');
});

test('a clerk logs in on the on-screen keyboard; the banner names her and the mode on every screen; logout is one touch and wipes the visit', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  const banner = page.locator('[data-staff-banner]');
  await expect(banner).toHaveAttribute('data-staff-banner', 'clerk-li');
  await expect(banner).toContainText('帮办模式 · 李秀英');
  await expect(page.locator('[data-staff-login]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'attract with staff banner');
  // The hidden corner is gone while someone is logged in: it would cover "back" on the other screens.
  await expect(page.locator('[data-staff-entry]')).toHaveCount(0);

  await page.locator('.attract__start').click();
  await openCategory(page, 'job');
  await expect(banner).toContainText('李秀英');
  // The core holds the login on this screen's connection: it answers with the clerk role now.
  await expectNoAxeViolations(page, 'category with staff banner');

  await page.locator('[data-staff-logout]').click();
  await expect(banner).toHaveCount(0);
  await expect(page.locator('.attract__start')).toBeVisible();
  await expect(page.locator('[data-screen]')).toHaveCount(0);
  // Logged out in the core too: holding the corner again asks for the password again.
  await holdStaffCorner(page);
  await expect(page.locator('[data-staff-field="password"]')).toHaveValue('');
});

test('the login ends by itself after the site’s inactivity minutes', async ({ page }) => {
  await page.clock.install();
  await page.goto(point.kiosk.url);
  const info = await point.core.call('site.info');
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.clock.fastForward((info.staffIdleMinutes - 1) * 60_000);
  await expect(page.locator('[data-staff-banner]')).toBeVisible();
  // A touch restarts the clock.
  await page.locator('.attract__title').dispatchEvent('pointerdown');
  await page.clock.fastForward((info.staffIdleMinutes - 1) * 60_000);
  await expect(page.locator('[data-staff-banner]')).toBeVisible();
  await page.clock.fastForward(2 * 60_000);
  await expect(page.locator('[data-staff-banner]')).toHaveCount(0);
  await expect(page.locator('[data-staff-ended="expired"]')).toContainText('长时间未操作');
  await expectNoAxeViolations(page, 'staff login expired notice');
});

test('when the county disables the account, the login on the kiosk ends at the next config round', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'zhao', DEMO_STAFF_PASSWORDS.zhao!);
  await expect(page.locator('[data-staff-banner]')).toContainText('赵志强');
  const staff = demoStaff().map((a) => (a.id === 'clerk-zhao' ? { ...a, disabled: true } : a));
  const published = await fetch(`${point.county.url}/admin/v1/config/staff`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${point.county.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(staff),
  });
  expect(published.status).toBe(200);
  await expect(page.locator('[data-staff-banner]')).toHaveCount(0, { timeout: 45_000 });
  await expect(page.locator('[data-staff-ended="disabled"]')).toContainText('已被县局停用');
  // And it cannot log in again.
  await staffLogin(page, 'zhao', DEMO_STAFF_PASSWORDS.zhao!, false);
  await expect(page.locator('[data-staff-login] [data-error="invalid_credentials"]')).toBeVisible();
});
