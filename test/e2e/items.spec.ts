import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { writeDocumentY4m } from './support/fake-camera';
import { AxeSweep } from './support/axe-sweep';
import { expectCountyHoldsSubmitted } from './support/county-record';
import { completeItem } from './support/item-flow';
import { startVisit } from './support/resident';
import { sentSubmits } from './support/submit-recorder';
import { takeCardsOutAfterEach, usePoint } from './support/point';

/**
 * Every one of the 44 items, completed by a resident at the township's demonstration point (which offers all 44):
 * identity from the simulated card, the form on the on-screen keyboard, pages from the fake camera, the face check
 * on the simulated face module, submission, the receipt printed (read back from the printer simulator) and shown;
 * then the submission reaches the reference county, stored exactly once, after the next sync round, and its stored
 * record equals, field by field, what the screen submitted. Every distinct screen on the way is scanned with
 * axe-core in Chinese, Chinese in elder mode, and English (the sweep is shared by the file's tests, so a screen seen once is not redone).
 */
const catalog = defaultCatalog();
const resident = SAMPLE_RESIDENTS[0]!;
const point = usePoint('demonstration');
const axe = new AxeSweep();

test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });
// Each item stands alone (its own check at the county), so one failure does not hide the others' results.
test.use({ screenshot: 'only-on-failure' });

takeCardsOutAfterEach(point);
// What the accessibility sweep covered and cost, for docs/testing.md.
test.afterAll(() => console.log(`axe sweep: ${JSON.stringify(axe.summary())}`));

for (const item of catalog.items) {
  test(`${item.code} ${item.name['zh-CN']}: a resident completes it`, async ({ page }) => {
    test.setTimeout(120_000);
    await startVisit(page, point.kiosk.url);
    const started = new Date();
    const outcome = await completeItem(page, point.core, item, resident, { axe });
    switch (item.type) {
      case 'apply':
      case 'certify':
      case 'card':
        expect(outcome.kind).toBe('receipt');
        expect(outcome.trackingNumber).toMatch(/\S{6,}/);
        // The paper receipt carries the tracking number and the item's name, never the full ID number.
        expect(outcome.printed).toContain(outcome.trackingNumber!);
        expect(outcome.printed).not.toContain(resident.idNumber);
        // After the next sync round the county holds it, exactly once.
        await expect
          .poll(() => point.county.stored().filter((s) => s.trackingNumber === outcome.trackingNumber).map((s) => s.itemCode), { timeout: 60_000, intervals: [1000] })
          .toEqual([item.code]);
        await expectCountyHoldsSubmitted(point.county, outcome, { itemCode: item.code, resident, submittedAfter: started });
        break;
      case 'query':
      case 'print':
        expect(outcome.kind).toBe('lookup');
        break;
      case 'info':
        expect(outcome.kind).toBe('notification');
        expect(outcome.printed).toContain(item.name['zh-CN']);
        break;
    }
    // The visit ends and the next resident finds the attract screen.
    const finish = page.locator('[data-action="finish"]');
    if (await finish.isVisible()) {
      await finish.click();
      await expect(page.locator('.attract__start')).toBeVisible();
    }
  });
}

test('CARD-03 PIN reset: the social security card alone is refused in words; with the ID card and a face check it proceeds', async ({ page }) => {
  test.setTimeout(120_000);
  const item = catalog.items.find((i) => i.code === 'CARD-03')!;
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-category="card"]').click();
  await page.locator('[data-item="CARD-03"]').click();
  // The county's number in the FAQ, and beside the guide whose value it is (the shipped one until the county sets it).
  await expect(page.locator('[data-setting="pinTries"]')).toHaveText('密码连续输错锁卡的次数：3 次（机器出厂时的数字，以县里公布的为准）');
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'identify');
  // Only the ID card is offered; the found card in the reader does not identify anyone.
  await expect(page.locator('[data-way]')).toHaveCount(1);
  await expect(page.locator('[data-way="idCard"]')).toBeVisible();
  await point.core.call('dev.ssCard.insert', { residentIndex: resident.index });
  await expect(page.locator('[data-identify-refused]')).toHaveText('这项业务要把本人的身份证放在读卡器上，不能用社保卡代替。请放好身份证，重新办理。');
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'identify');
  expect(await point.core.call('session.current')).toBeNull();

  // The holder's ID card, the reset chosen, a face check, then the card: the reset goes to the county.
  const started = new Date();
  const submitsBefore = sentSubmits(page).length;
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'form-0');
  await page.locator('[data-choices="operation"] [data-choice="resetPin"]').click();
  await page.locator('[data-action="next"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'face');
  await point.core.call('dev.face.nextOutcome', { outcome: 'pass' });
  await page.locator('[data-action="face-start"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'card');
  await expect(page.locator('[data-card-in-hand]')).toBeVisible();
  await page.locator('[data-action="card-confirm"]').click();
  await expect(page.locator('[data-flow]')).toHaveAttribute('data-step', 'receipt', { timeout: 20_000 });
  // The receipt says what happened on the card (nothing yet) and what waits for the county, never "wait for review".
  const said = page.locator('[data-card-outcome="resetPin"]');
  await expect(said).toContainText('卡上的密码还没有改动');
  await expect(said).toContainText('重置申请已经交给县里');
  // And so it is: the card, asked through its reader, still takes the PIN it had.
  expect(await point.core.call('dev.ssCard.verifyPin', { pin: resident.socialSecurityCard.pin })).toEqual({ outcome: 'ok' });
  await expect(page.locator('.receipt')).not.toContainText('请等待审核');
  const trackingNumber = (await page.getByTestId('tracking-number').textContent())!.trim();
  await expect
    .poll(() => point.county.stored().filter((s) => s.trackingNumber === trackingNumber).map((s) => s.itemCode), { timeout: 60_000, intervals: [1000] })
    .toEqual([item.code]);
  // What the screen sent is the reset the resident chose, with the face the module took; the county stored exactly
  // that: the holder as the ID card gave them, the form, no pages, the face and its scores.
  const sent = sentSubmits(page).slice(submitsBefore);
  expect(sent.map((c) => c.itemCode)).toEqual([item.code]);
  expect(sent[0]!.form).toEqual({ operation: 'resetPin' });
  expect(sent[0]!.attachments).toEqual([]);
  expect(sent[0]!.face).toBeDefined();
  const submitted = { form: sent[0]!.form, card: 'idCard' as const, materials: [], pages: [], faceChecked: true };
  await expectCountyHoldsSubmitted(point.county, { kind: 'receipt', trackingNumber, printed: '', submitted }, { itemCode: item.code, resident, submittedAfter: started });
});

test('JOB-10 pays to the 社保卡 by default; another account needs the ID card and a face check, refused in words without them', async ({ page }) => {
  test.setTimeout(180_000);
  const item = catalog.items.find((i) => i.code === 'JOB-10')!;
  const otherAccount = { payTo: 'otherAccount' };
  const started = new Date();
  // With only the social security card, the other account is refused by the core after the face check, in words.
  await startVisit(page, point.kiosk.url);
  const refused = await completeItem(page, point.core, item, resident, { card: 'socialSecurityCard', answers: otherAccount });
  expect(refused.kind).toBe('refused');
  expect(refused.refusal).toEqual({ code: 'identity_insufficient', reason: '这项业务要把本人的身份证放在读卡器上，不能用社保卡代替。请放好身份证，重新办理。' });
  await point.core.call('session.end', { reason: 'finished' });

  // With the ID card the face step comes (only because another account was chosen) and the claim reaches the county.
  await startVisit(page, point.kiosk.url);
  const steps: string[] = [];
  const watch = setInterval(() => {
    void page.locator('[data-flow]').getAttribute('data-step').then((s) => s && steps[steps.length - 1] !== s && steps.push(s), () => undefined);
  }, 100);
  const outcome = await completeItem(page, point.core, item, resident, { card: 'idCard', answers: otherAccount });
  clearInterval(watch);
  expect(outcome.kind).toBe('receipt');
  expect(steps).toContain('face');
  await expect
    .poll(() => point.county.stored().filter((s) => s.trackingNumber === outcome.trackingNumber).map((s) => s.itemCode), { timeout: 60_000, intervals: [1000] })
    .toEqual([item.code]);
  await expectCountyHoldsSubmitted(point.county, outcome, { itemCode: item.code, resident, submittedAfter: started });
});
