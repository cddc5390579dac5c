import { answeredValues, luhnValid, validateField, type FormValue } from './validate-form';
import type { Field } from './schema';

/**
 * Each rule of validate-form.ts at its edge, with the exact answer (message key and its numbers): the mutation run
 * (docs/testing.md) showed which edges the item-based tests beside this file never reached.
 */

const TODAY = new Date(2026, 10, 29); // 2026-11-29, local time
const label = { 'zh-CN': '字段', en: 'Field' };
const base = { name: 'f', label, required: true };

function answer(field: Field, value: FormValue | undefined, values: Record<string, FormValue | undefined> = {}) {
  return validateField(field, value, values, { today: TODAY });
}
const key = (name: string) => `catalog:validation.${name}`;
/** The answer for field `f` refused for `reason` (a message key of catalog:validation), with the numbers it names. */
function refused(reason: string, params?: Record<string, unknown>) {
  return params === undefined ? { field: 'f', messageKey: key(reason) } : { field: 'f', messageKey: key(reason), params };
}

/** A field's edges as a table: each accepted answer passes, each refused one gives its reason (named in a failure). */
function expectEdges(field: Field, accepted: readonly FormValue[], refusedFor: ReadonlyArray<readonly [FormValue, string]>) {
  for (const value of accepted) expect([value, answer(field, value)]).toEqual([value, null]);
  for (const [value, reason] of refusedFor) expect([value, answer(field, value)]).toEqual([value, refused(reason)]);
}

describe('validate-form at its edges', () => {
  it('treats a value of spaces as empty: required asks for it, optional accepts it', () => {
    const text = { ...base, kind: 'text', minLength: 2, maxLength: 10 } as Field;
    expect(answer(text, '   ')).toEqual(refused('required'));
    expect(answer({ ...text, required: false } as Field, '   ')).toBeNull();
    expect(answer(text, null)).toEqual(refused('required'));
  });

  it('confirm: an empty required confirm asks to be confirmed; a string is the wrong type', () => {
    const confirm = { ...base, kind: 'confirm', statement: label } as Field;
    expect(answer(confirm, undefined)).toEqual(refused('confirmRequired'));
    expect(answer(confirm, false)).toEqual(refused('confirmRequired'));
    expect(answer(confirm, 'yes')).toEqual(refused('wrongType'));
    expect(answer(confirm, true)).toBeNull();
  });

  it('choice: a number is the wrong type', () => {
    const choice = { ...base, kind: 'choice', options: [{ value: 'a', label }] } as Field;
    expect(answer(choice, 1)).toEqual(refused('wrongType'));
    expect(answer(choice, 'a')).toBeNull();
  });

  it('amount: numbers and trimmed text, the limits themselves allowed, the reason with its number', () => {
    const amount = { ...base, kind: 'amount', min: 10, max: 100 } as Field;
    expect(answer(amount, 10)).toBeNull();
    expect(answer(amount, ' 100 ')).toBeNull();
    expect(answer(amount, 12.5)).toBeNull();
    expect(answer(amount, true)).toEqual(refused('amountFormat'));
    expect(answer(amount, '9.99')).toEqual(refused('amountTooSmall', { min: 10 }));
    expect(answer(amount, '100.01')).toEqual(refused('amountTooLarge', { max: 100 }));
  });

  it('integer: numbers and trimmed text, the limits themselves allowed, the reason with its number', () => {
    const integer = { ...base, kind: 'integer', min: 1, max: 12 } as Field;
    expect(answer(integer, 1)).toBeNull();
    expect(answer(integer, ' 12 ')).toBeNull();
    expect(answer(integer, true)).toEqual(refused('integerFormat'));
    expect(answer(integer, '1.5')).toEqual(refused('integerFormat'));
    expect(answer(integer, 0)).toEqual(refused('integerTooSmall', { min: 1 }));
    expect(answer(integer, '13')).toEqual(refused('integerTooLarge', { max: 12 }));
  });

  it('text: counts characters of the trimmed value, says the limit, and checks a pattern whole', () => {
    const text = { ...base, kind: 'text', minLength: 2, maxLength: 3 } as Field;
    expect(answer(text, ' abc ')).toBeNull();
    expect(answer(text, '张三丰')).toBeNull();
    expect(answer(text, 'a')).toEqual(refused('tooShort', { min: 2 }));
    expect(answer(text, 'abcd')).toEqual(refused('tooLong', { max: 3 }));
    expect(answer(text, 7)).toEqual(refused('wrongType'));
    const coded = { ...base, kind: 'text', minLength: 1, maxLength: 20, pattern: '[A-Z]\\d{3}' } as Field;
    expect(answer(coded, 'A123')).toBeNull();
    expect(answer(coded, 'xA123')).toEqual(refused('pattern'));
    expect(answer(coded, 'A1234')).toEqual(refused('pattern'));
    // A county pattern may use Unicode classes: the check runs with the u flag.
    const han = { ...base, kind: 'text', minLength: 1, maxLength: 20, pattern: '\\p{Script=Han}{2,4}' } as Field;
    expect(answer(han, '张三')).toBeNull();
    expect(answer(han, 'ab')).toEqual(refused('pattern'));
    const ownKey = { ...coded, patternKey: 'catalog:validation.creditCode' } as Field;
    expect(answer(ownKey, 'nope')).toEqual(refused('creditCode'));
  });

  it('phone: a landline only where the field allows one, and the reason says which', () => {
    const mobile = { ...base, kind: 'phone', allowLandline: false } as Field;
    const either = { ...base, kind: 'phone', allowLandline: true } as Field;
    expect(answer(mobile, '0351-1234567')).toEqual(refused('phone'));
    expect(answer(either, '0351-1234567')).toBeNull();
    expect(answer(either, '0351 123 4567')).toBeNull();
    expect(answer(either, '12345')).toEqual(refused('phoneOrLandline'));
  });

  it('date: real days only, from 1900; no limits means any real day; limits say their day', () => {
    const free = { ...base, kind: 'date' } as Field;
    expectEdges(free, ['2024-02-29', '1900-01-01'], ['1899-12-31', '2023-02-29', '2023-13-01', '2023-12-32'].map((day) => [day, 'dateFormat'] as const));
    const bounded = { ...base, kind: 'date', min: '2026-01-01', max: { daysFromToday: 0 } } as Field;
    expect(answer(bounded, '2026-01-01')).toBeNull();
    expect(answer(bounded, '2026-11-29')).toBeNull();
    expect(answer(bounded, '2025-12-31')).toEqual(refused('dateTooEarly', { min: '2026-01-01' }));
    expect(answer(bounded, '2026-11-30')).toEqual(refused('dateTooLate', { max: '2026-11-29' }));
  });

  it('date after another: compared only with a real date there, trimmed, and the reason names both', () => {
    const ends = { ...base, kind: 'date', notBefore: 'startedOn' } as Field;
    expect(answer(ends, '2026-05-01', { startedOn: ' 2026-06-01 ' })).toEqual(refused('dateBeforeOther', { other: 'startedOn', date: '2026-06-01' }));
    expect(answer(ends, '2026-06-01', { startedOn: '2026-06-01' })).toBeNull();
    expect(answer(ends, '2026-05-01', { startedOn: undefined })).toBeNull();
    expect(answer(ends, '2026-05-01', { startedOn: 20260601 })).toBeNull();
    expect(answer(ends, '2026-05-01', { startedOn: '2026-06-31' })).toBeNull();
  });

  it('bank account: 16 to 19 digits (spaces allowed) whose Luhn check holds', () => {
    const account = { ...base, kind: 'bankAccount' } as Field;
    expect(answer(account, '6222 0202 0000 0000 006')).toBeNull(); // 19 digits, Luhn valid
    expect(answer(account, '4111111111111111')).toBeNull(); // 16
    expect(answer(account, '411111111111111')).toEqual(refused('bankAccountFormat')); // 15
    expect(answer(account, '62220202000000000060')).toEqual(refused('bankAccountFormat')); // 20
    expect(answer(account, 'x4111111111111111')).toEqual(refused('bankAccountFormat'));
    expect(answer(account, '4111111111111111x')).toEqual(refused('bankAccountFormat'));
    expect(answer(account, '4111111111111112')).toEqual(refused('bankAccountCheck'));
  });

  it('Luhn: doubles every second digit from the right, folding two-digit results', () => {
    expect(luhnValid('79927398713')).toBe(true);
    for (const wrong of ['79927398710', '79927398711', '79927398712', '79927398714']) expect(luhnValid(wrong)).toBe(false);
    expect(luhnValid('18')).toBe(true); // 1 doubled is 2: 2 + 8 = 10
    expect(luhnValid('81')).toBe(false); // were the first digit from the right doubled: 8 + 2 = 10
    expect(luhnValid('59')).toBe(true); // 5 doubled is 10, folded to 1: 1 + 9 = 10
    expect(luhnValid('0')).toBe(true);
    expect(luhnValid('1')).toBe(false);
  });

  it('division code: 12 digits and a province between 11 and 82', () => {
    expectEdges({ ...base, kind: 'divisionCode' } as Field, ['110000000000', '820000000000'], [
      ['100000000000', 'divisionCodeProvince'],
      ['830000000000', 'divisionCodeProvince'],
      ['x110000000000', 'divisionCodeFormat'],
      ['110000000000x', 'divisionCodeFormat'],
    ]);
  });

  it('a kind without a rule is refused, never waved through', () => {
    expect(answer({ ...base, kind: 'mystery' } as unknown as Field, 'anything')).toEqual(refused('wrongType'));
  });

  it('a handed-in form carries no key for a question left unanswered', () => {
    const item = { form: [{ key: 'p', title: label, fields: [{ ...base, kind: 'text', minLength: 0, maxLength: 5 } as Field, { ...base, name: 'g', kind: 'text', minLength: 0, maxLength: 5 } as Field] }] };
    const handedIn = answeredValues(item as never, { f: 'a', g: undefined });
    expect(Object.keys(handedIn)).toEqual(['f']);
  });
});
