import { expect, test, type Page } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { countyPayload, takeCardsOutAfterEach, usePoint } from './support/point';
import { expectNoAxeViolations, pressKeys, startVisit } from './support/resident';

/**
 * CARD-03 activate, change-PIN and reset (issue 11 item 5): the receipt says exactly what happened on the card (the new
 * PIN is on it and works now, the old one no longer does; or, for a reset of a locked card, nothing yet) and what
 * waits for the county, in zh-CN and in English, each receipt axe-clean; the card itself, asked through its reader
 * afterwards, takes the new PIN and refuses the one it had, or is still locked; and at the county the record of the
 * operation is stored once, with the operation and without any PIN.
 */
const catalog = defaultCatalog();
const item = catalog.items.find((i) => i.code === 'CARD-03')!;
const resident = SAMPLE_RESIDENTS[0]!;
const NEW_PIN = '258147';
const point = usePoint('demonstration');
takeCardsOutAfterEach(point);
test.describe.configure({ mode: 'serial' });

const WORDS = {
  activate: {
    zh: ['新密码已经写进社保卡，现在就生效，初始密码不能再用了。', '启用要县里登记，登记结果可以在“我的办件进度”里查看。'],
    en: ['Your new PIN is on the card and works now; the starting PIN no longer does.', 'The county records the activation; see the result under "Where is my request".'],
  },
  changePin: {
    zh: ['新密码已经写进社保卡，现在就生效，原来的密码不能再用了。', '县里只记下这次修改，不保存您的密码，不用再等县里办理。'],
    en: ['The new PIN is written on the card and works now; the old PIN no longer does.', 'The county only notes the change and never keeps your PIN; nothing more waits for the county.'],
  },
  resetPin: {
    zh: ['卡上的密码还没有改动，原来的密码（或锁卡状态）暂时不变。', '重置申请已经交给县里。县里核实是您本人后同意重置，结果可以在“我的办件进度”里查看；同意后，请带本人身份证和社保卡到服务窗口设置新密码。'],
    en: [
      'The PIN on the card has not changed yet; the old PIN (or the lock) stays for now.',
      'Your reset request is with the county. Once it has checked it is you and approves, the result shows under "Where is my request"; then bring your ID card and social security card to the service window to set a new PIN.',
    ],
  },
} as const;
type Operation = keyof typeof WORDS;

async function runOperation(page: Page, operation: Operation): Promise<string> {
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-category="card"]').click();
  await page.locator('[data-item="CARD-03"]').click();
  await page.locator('[data-action="start"]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'form-0');
  await page.locator(`[data-choices="operation"] [data-choice="${operation}"]`).click();
  await page.locator('[data-action="next"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'face');
  await point.core.call('dev.face.nextOutcome', { outcome: 'pass' });
  await page.locator('[data-action="face-start"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'card');
  await point.core.call('dev.ssCard.insert', { residentIndex: resident.index });
  // A reset is asked for a card locked by wrong PINs (the resident forgot it).
  if (operation === 'resetPin') await point.core.call('dev.ssCard.fault', { fault: null, pinTries: 0 });
  // The card's own PIN (the starting one for a new card), then the new one twice; a full PIN moves the pad on.
  const pins: Record<string, string> = { oldPin: resident.socialSecurityCard.pin, newPin: NEW_PIN, repeatPin: NEW_PIN };
  for (let i = 0; i < 3 && (await page.locator('[data-pin-active]').count()) > 0; i += 1) {
    const name = (await page.locator('[data-pin-active]').getAttribute('data-pin-active'))!;
    await pressKeys(page, pins[name]!);
  }
  await page.locator('[data-action="card-confirm"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'receipt', { timeout: 20_000 });
  return (await page.getByTestId('tracking-number').textContent())!.trim();
}

for (const operation of ['activate', 'changePin', 'resetPin'] as const) {
  test(`CARD-03 ${operation}: the receipt says what happened on the card and what waits for the county (zh-CN, en)`, async ({ page }) => {
    test.setTimeout(120_000);
    const trackingNumber = await runOperation(page, operation);
    // The card, asked through its reader as a real check would.
    if (operation === 'resetPin') {
      // Nothing was written: the lock stays until the county resets it (its own PIN is still refused as locked).
      expect(await point.core.call('dev.ssCard.verifyPin', { pin: resident.socialSecurityCard.pin })).toEqual({ outcome: 'pinBlocked' });
      expect((await point.core.call('dev.cards.state')).ssCard).toMatchObject({ card: true, residentIndex: resident.index, pinTries: 0 });
    } else {
      // The PIN it had (the starting one for a new card) is refused and spends a try, the new one verifies (and gives
      // the try back). A new card reads activated exactly so.
      expect(await point.core.call('dev.ssCard.verifyPin', { pin: resident.socialSecurityCard.pin })).toEqual({ outcome: 'pinWrong', triesLeft: 2 });
      expect(await point.core.call('dev.ssCard.verifyPin', { pin: NEW_PIN })).toEqual({ outcome: 'ok' });
      expect((await point.core.call('dev.cards.state')).ssCard).toMatchObject({ card: true, residentIndex: resident.index, pinTries: 3 });
    }
    const said = page.locator(`[data-card-outcome="${operation}"] p`);
    await expect(said).toHaveText([...WORDS[operation].zh]);
    await expect(page.locator('.receipt')).not.toContainText('请等待审核');
    await expectNoAxeViolations(page, `CARD-03 ${operation} receipt`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(said).toHaveText([...WORDS[operation].en]);
    await expectNoAxeViolations(page, `CARD-03 ${operation} receipt (en)`);

    // The county holds the record of the operation once, and no PIN anywhere in it.
    await expect
      .poll(() => point.county.stored().filter((s) => s.trackingNumber === trackingNumber).map((s) => s.itemCode), { timeout: 60_000, intervals: [1000] })
      .toEqual([item.code]);
    const payload = countyPayload(point, trackingNumber)!;
    expect(payload.form).toEqual({ operation });
    const body = JSON.stringify(payload);
    for (const pin of [NEW_PIN, resident.socialSecurityCard.pin]) expect(body).not.toContain(pin);
  });
}
