import { expect, type Page } from '@playwright/test';
import type { CatalogItem, Field } from '../../../src/shared/catalog/schema';
import { isFieldVisible, resolveDateBound, luhnValid, validateField, type FormValues } from '../../../src/shared/catalog/validate-form';
import type { SampleResident } from '../../../src/shared/samples/residents';
import { pressKeys, typeChinese } from './resident';

/**
 * Valid answers for any catalogue field, made from the field's own rules (so a changed catalogue still gets
 * answers that pass), and typed into the screen through the on-screen keyboard like a resident would.
 */
export function answerFor(field: Field, resident: SampleResident, values: FormValues, today = new Date()): string | boolean {
  switch (field.kind) {
    case 'choice':
      return field.options[0]!.value;
    case 'confirm':
      return true;
    case 'personName':
      return resident.name;
    case 'idNumber':
      return resident.idNumber;
    case 'phone':
      return '13912345678';
    case 'bankAccount': {
      // 16 digits starting 622 (UnionPay) with a Luhn check digit.
      const body = '622848001234567';
      for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
      throw new Error('no luhn digit');
    }
    case 'divisionCode':
      return '140105001001';
    case 'amount':
      return String(Math.max(field.min, Math.min(field.max, 100)));
    case 'integer':
      return String(Math.max(field.min, Math.min(field.max, 1)));
    case 'date': {
      let low = field.min ? resolveDateBound(field.min, today) : '2000-01-01';
      const high = field.max ? resolveDateBound(field.max, today) : resolveDateBound('today', today);
      if (field.notBefore && typeof values[field.notBefore] === 'string' && (values[field.notBefore] as string) > low) low = values[field.notBefore] as string;
      return low <= high ? low : high;
    }
    case 'text': {
      if (field.keyboard === 'latin' && field.pattern) return field.minLength >= 18 ? '91140100MA0L2B3C4D' : 'ZS2026-0001';
      if (field.keyboard === 'digits') return '1'.repeat(Math.max(1, field.minLength));
      // Chinese text long enough for the field: a village address reads naturally at any length >= 5.
      const base = '太原市小店区北格镇张花村';
      return base.slice(0, Math.max(field.minLength, Math.min(6, field.maxLength)));
    }
  }
}

/** Fills every visible field of the flow's current form page, then presses "next". */
export async function fillFormPage(page: Page, item: CatalogItem, pageIndex: number, resident: SampleResident, values: FormValues, chosen: FormValues = {}): Promise<void> {
  const step = item.form[pageIndex]!;
  for (const field of step.fields) {
    if (!isFieldVisible(field, values)) continue;
    const answer = (chosen[field.name] as string | boolean | undefined) ?? answerFor(field, resident, values);
    const problem = validateField(field, answer, { ...values, [field.name]: answer });
    if (problem) throw new Error(`test answer for ${item.code}.${field.name} is invalid: ${problem.messageKey}`);
    values[field.name] = answer;
    if (field.kind === 'choice') {
      await page.locator(`[data-choices="${field.name}"] [data-choice="${answer as string}"]`).click();
      continue;
    }
    if (field.kind === 'confirm') {
      await page.locator(`[data-confirm="${field.name}"]`).click();
      continue;
    }
    await page.locator(`[data-field="${field.name}"]`).click();
    const text = answer as string;
    if (/[\u3400-\u9fff]/.test(text)) await typeChinese(page, text);
    else await pressKeys(page, field.kind === 'date' ? text.replace(/-/g, '') : text);
    await expect(page.locator(`[data-field="${field.name}"]`)).toHaveValue(text);
  }
  await page.locator('[data-action="next"]').click();
}
