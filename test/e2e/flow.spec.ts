/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { idCheckCharacter } from '../../src/shared/domain/id-number';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { takeCardsOutAfterEach, useKiosk } from './support/point';
import { expectNoAxeViolations, openCategory, pressKeys, startVisit } from './support/resident';

/**
 * Inside a flow: fields are checked as they are typed with the reason in words (phone, the ID number's check
 * character), the language can be switched mid-flow without losing what was typed, elder mode works mid-flow,
 * and every flow screen passes axe-core.
 */
const resident = SAMPLE_RESIDENTS[3]!;
const point = useKiosk();
takeCardsOutAfterEach(point);

test('a phone number is checked as it is typed; switching to English mid-flow keeps the value and the reason follows', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await page.locator('[data-item="JOB-01"]').click();
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-step="identify"]')).toBeVisible();
  await expectNoAxeViolations(page, 'identify');
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.getByTestId('resident-masked')).toContainText('张*娜');
  await expectNoAxeViolations(page, 'form');

  const phone = page.locator('[data-field-kind="phone"] input').first();
  await phone.click();
  await expect(page.locator('.osk[data-keyboard="phone"]')).toBeVisible();
  await pressKeys(page, '1391234');
  const problem = page.locator('[data-field-kind="phone"] [role="alert"]').first();
  await expect(problem).toHaveText('手机号码应该是 1 开头的 11 位数字');
  await expectNoAxeViolations(page, 'form with a problem');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Job-seeker registration' })).toBeVisible();
  await expect(phone).toHaveValue('1391234');
  await expect(problem).toHaveText('A mobile number has 11 digits and starts with 1');
  await pressKeys(page, '5678');
  await expect(phone).toHaveValue('13912345678');
  await expect(page.locator('[data-field-kind="phone"] [role="alert"]')).toHaveCount(0);

  // Elder mode in the middle of the flow: bigger keys, same value.
  await page.getByRole('button', { name: 'Large text' }).click();
  const key = await page.locator('.osk [data-skbtn="1"]').boundingBox();
  expect(key!.height).toBeGreaterThanOrEqual(64 * 1.3 - 1);
  await expect(phone).toHaveValue('13912345678');
  await expectNoAxeViolations(page, 'form (English, elder mode)');
});

test('an ID number is checked as typed: the ID pad has X, and a wrong check character is explained in words', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'insurance');
  await page.locator('[data-item="INS-13"]').click();
  await page.locator('[data-action="start"]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await page.locator('[data-choices="reason"] [data-choice="died"]').click();
  await page.locator('[data-field-kind="phone"] input').first().click();
  await pressKeys(page, '13912345678');
  await page.locator('[data-action="next"]').click();

  const idField = page.locator('[data-field-kind="idNumber"] input');
  await idField.click();
  await expect(page.locator('.osk[data-keyboard="idNumber"] [data-skbtn="X"]')).toBeVisible();
  const first17 = '14010519500101002';
  const right = idCheckCharacter(first17);
  const wrong = right === '1' ? '2' : '1';
  await pressKeys(page, first17 + wrong);
  const problem = page.locator('[data-field-kind="idNumber"] [role="alert"]');
  await expect(problem).toHaveText('身份证号码最后一位对不上，请核对每一位数字');
  await page.locator('.osk [data-skbtn="{bksp}"]').click();
  await pressKeys(page, right);
  await expect(idField).toHaveValue(first17 + right);
  await expect(problem).toHaveCount(0);
  await expectNoAxeViolations(page, 'form (ID number)');
});

test('an expired ID card is refused with the reason and what to do, and the flow does not go on', async ({ page }) => {
  const expired = SAMPLE_RESIDENTS.find((r) => /EXPIRED/.test(r.note))!;
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await page.locator('[data-item="JOB-01"]').click();
  await page.locator('[data-action="start"]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: expired.index });
  await expect(page.locator('[data-error="card_expired"]')).toContainText('证件已过有效期。');
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'identify');
  await expect(page.getByTestId('resident-masked')).toHaveCount(0);
  await expectNoAxeViolations(page, 'identify (expired card)');
});
