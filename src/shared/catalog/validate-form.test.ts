import fc from 'fast-check';
import { makeIdNumber } from '../domain/id-number';
import zhCatalog from '../locales/zh-CN/catalog.json';
import enCatalog from '../locales/en/catalog.json';
import { defaultCatalog } from './default-catalog';
import { answeredValues, isFieldVisible, luhnValid, resolveDateBound, validateField, validateForm, visibleFields, type FormValues } from './validate-form';
import type { CatalogItem, Field } from './schema';

const TODAY = new Date(2026, 10, 29); // 2026-11-29, local time
const item = (code: string): CatalogItem => defaultCatalog().items.find((candidate) => candidate.code === code)!;
const field = (code: string, name: string): Field => item(code).form.flatMap((step) => step.fields).find((f) => f.name === name)!;
const check = (code: string, name: string, value: FormValues[string], values: FormValues = {}) =>
  validateField(field(code, name), value, values, { today: TODAY })?.messageKey ?? null;

// A village code field as a county catalogue may still carry (the shipped items no longer ask residents for one).
const villageField = { kind: 'divisionCode' as const, name: 'villageCode', label: { 'zh-CN': '村代码', en: 'Village code' }, required: true };
const checkVillage = (value: string) => validateField(villageField, value, {}, { today: TODAY })?.messageKey ?? null;

/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

function lookup(tree: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe('form validation', () => {
  it('checks ID numbers by their check character and names the reason', () => {
    const good = makeIdNumber('431121', '19580312', '123');
    expect(check('INS-14', 'deceasedIdNumber', good)).toBeNull();
    expect(check('INS-14', 'deceasedIdNumber', good.toLowerCase())).toBeNull();
    const wrongLast = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(check('INS-14', 'deceasedIdNumber', wrongLast)).toBe('catalog:validation.idNumber.checkCharacter');
    expect(check('INS-14', 'deceasedIdNumber', good.slice(0, 17))).toBe('catalog:validation.idNumber.length');
    expect(check('INS-14', 'deceasedIdNumber', makeIdNumber('431121', '20270101', '123'))).toBe('catalog:validation.idNumber.birthDate');
    expect(check('INS-14', 'deceasedIdNumber', makeIdNumber('991121', '19580312', '123'))).toBe('catalog:validation.idNumber.division');
  });

  it('checks mobile phone numbers', () => {
    expect(check('JOB-01', 'phone', '13912345678')).toBeNull();
    expect(check('JOB-01', 'phone', '139 1234 5678')).toBeNull();
    expect(check('JOB-01', 'phone', '1391234567')).toBe('catalog:validation.phone');
    expect(check('JOB-01', 'phone', '23912345678')).toBe('catalog:validation.phone');
    expect(check('JOB-01', 'phone', '')).toBe('catalog:validation.required');
  });

  it('checks dates against fixed and relative limits and against other fields', () => {
    expect(check('JOB-04', 'preferredDate', '2026-11-30')).toBeNull();
    expect(check('JOB-04', 'preferredDate', '2026-11-29')).toBe('catalog:validation.dateTooEarly');
    expect(check('JOB-04', 'preferredDate', '2027-01-15')).toBe('catalog:validation.dateTooLate');
    expect(check('JOB-04', 'preferredDate', '2026-02-30')).toBe('catalog:validation.dateFormat');
    expect(check('JOB-04', 'preferredDate', '30/11/2026')).toBe('catalog:validation.dateFormat');
    expect(check('SKL-02', 'finishedOn', '2026-05-01', { startedOn: '2026-06-01' })).toBe('catalog:validation.dateBeforeOther');
    expect(check('SKL-02', 'finishedOn', '2026-07-01', { startedOn: '2026-06-01' })).toBeNull();
  });

  it('checks amounts and whole numbers', () => {
    expect(check('JOB-12', 'loanAmount', '150000')).toBeNull();
    expect(check('JOB-12', 'loanAmount', 150000.5)).toBeNull();
    expect(check('JOB-12', 'loanAmount', '150000.123')).toBe('catalog:validation.amountFormat');
    expect(check('JOB-12', 'loanAmount', '-5')).toBe('catalog:validation.amountFormat');
    expect(check('JOB-12', 'loanAmount', '300001')).toBe('catalog:validation.amountTooLarge');
    expect(check('JOB-12', 'loanAmount', '5000')).toBe('catalog:validation.amountTooSmall');
    expect(check('JOB-12', 'termMonths', '24')).toBeNull();
    expect(check('JOB-12', 'termMonths', '2.5')).toBe('catalog:validation.integerFormat');
    expect(check('JOB-12', 'termMonths', 48)).toBe('catalog:validation.integerTooLarge');
  });

  it('checks bank card numbers by length and Luhn digit', () => {
    const card = withLuhn('621799123456789012');
    expect(card).toHaveLength(19);
    expect(check('INS-11', 'bankAccount', card)).toBeNull();
    const broken = card.slice(0, 18) + String((Number(card[18]) + 1) % 10);
    expect(check('INS-11', 'bankAccount', broken)).toBe('catalog:validation.bankAccountCheck');
    expect(check('INS-11', 'bankAccount', '62179912345')).toBe('catalog:validation.bankAccountFormat');
  });

  it('checks choices, names, codes, confirmations and patterns', () => {
    expect(check('INS-11', 'bankName', 'psbc')).toBeNull();
    expect(check('INS-11', 'bankName', 'swissBank')).toBe('catalog:validation.choiceUnknown');
    expect(check('INS-14', 'deceasedName', '张秀英')).toBeNull();
    expect(check('INS-14', 'deceasedName', '阿依古丽·买买提')).toBeNull();
    expect(check('INS-14', 'deceasedName', '张3')).toBe('catalog:validation.personName');
    expect(checkVillage('431121102203')).toBeNull();
    expect(checkVillage('4311211022')).toBe('catalog:validation.divisionCodeFormat');
    expect(checkVillage('001121102203')).toBe('catalog:validation.divisionCodeProvince');
    expect(check('INS-01', 'promise', true)).toBeNull();
    expect(check('INS-01', 'promise', false)).toBe('catalog:validation.confirmRequired');
    expect(check('JOB-12', 'creditCode', '92431121MA4T8X2K3L')).toBeNull();
    expect(check('JOB-12', 'creditCode', '92431121ma4t8x2k3l')).toBe('catalog:validation.creditCode');
    expect(check('JOB-01', 'wantedJob', '电')).toBe('catalog:validation.tooShort');
  });

  it('checks only the fields shown, and refuses fields the item does not have', () => {
    const job05 = item('JOB-05');
    const base: FormValues = {
      leaveReason: 'neverEmployed',
      education: 'junior',
      phone: '13912345678',
      address: '土沃乡新屋村三组 12 号',
      promise: true,
    };
    expect(validateForm(job05, base, { today: TODAY })).toEqual([]);
    expect(visibleFields(job05, base).map((f) => f.name)).not.toContain('leftOn');
    const dismissed = { ...base, leaveReason: 'dismissed' };
    expect(validateForm(job05, dismissed, { today: TODAY })).toEqual([
      { field: 'leftOn', messageKey: 'catalog:validation.required' },
    ]);
    expect(validateForm(job05, { ...base, password: 'x' }, { today: TODAY })).toEqual([
      { field: 'password', messageKey: 'catalog:validation.unknownField' },
    ]);
  });

  it('never throws on garbage values', () => {
    const fields = defaultCatalog().items.flatMap((entry) => entry.form.flatMap((step) => step.fields));
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
        (f, value) => {
          const result = validateField(f, value as FormValues[string], {}, { today: TODAY });
          expect(result === null || typeof result.messageKey === 'string').toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on a garbage form from the network, and names every unknown field', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.constantFrom(...defaultCatalog().items), fc.dictionary(fc.string({ maxLength: 12 }), anyValue), (entry, values) => {
        const problems = validateForm(entry, values, { today: TODAY });
        const known = new Set(entry.form.flatMap((step) => step.fields.map((f) => f.name)));
        for (const name of Object.keys(values)) if (!known.has(name)) expect(problems).toContainEqual({ field: name, messageKey: 'catalog:validation.unknownField' });
      }),
      { numRuns: 1000 },
    );
  });

  it('uses only message keys that exist in both languages', () => {
    const keys = new Set<string>();
    const fields = defaultCatalog().items.flatMap((entry) => entry.form.flatMap((step) => step.fields));
    for (const f of fields) {
      for (const value of ['', 'x', '12', '2026-13-01', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', true, false, -1, 1e9]) {
        const found = validateField(f, value, {}, { today: TODAY });
        if (found) keys.add(found.messageKey);
      }
      if (f.kind === 'text' && f.patternKey) keys.add(f.patternKey);
    }
    for (const k of ['idNumber.length', 'idNumber.characters', 'idNumber.division', 'idNumber.birthDate', 'idNumber.checkCharacter', 'unknownField', 'dateBeforeOther']) {
      keys.add(`catalog:validation.${k}`);
    }
    expect(keys.size).toBeGreaterThan(15);
    for (const k of keys) {
      const path = k.replace(/^catalog:/, '');
      expect([k, typeof lookup(zhCatalog, path), typeof lookup(enCatalog, path)]).toEqual([k, 'string', 'string']);
    }
  });
});

/** A valid answer made from the field's own rules, for any day: proves every form can be completed. */
function validAnswer(f: Field, values: FormValues, today: Date): FormValues[string] {
  switch (f.kind) {
    case 'choice':
      return f.options[f.options.length - 1]!.value;
    case 'confirm':
      return true;
    case 'personName':
      return '王桂兰';
    case 'idNumber':
      return makeIdNumber('431121', '19580312', '123');
    case 'phone':
      return '13912345678';
    case 'bankAccount':
      return withLuhn('621799123456789012');
    case 'divisionCode':
      return '431121102203';
    case 'amount':
    case 'integer':
      return String(f.max);
    case 'date': {
      const high = f.max ? resolveDateBound(f.max, today) : resolveDateBound('today', today);
      return high;
    }
    case 'text':
      if (f.keyboard === 'latin' && f.name === 'creditCode') return '92431121MA4T8X2K3L';
      if (f.keyboard === 'latin') return 'JN2026-00417';
      return '土沃乡新屋村三组十二号'.slice(0, Math.max(f.minLength, 5));
  }
}

describe('every catalogue form can be completed', () => {
  const days = [new Date(2026, 10, 29), new Date(2027, 0, 1), new Date(2028, 1, 29), new Date(2026, 11, 31)];
  it.each(days.map((day) => [day.toDateString(), day] as const))('on %s, along every branch of the choices', (_label, day) => {
    for (const entry of defaultCatalog().items) {
      const choices = entry.form.flatMap((step) => step.fields).filter((f) => f.kind === 'choice');
      // Each choice's each option once, so fields and materials behind visibleWhen get answered too.
      const variants: FormValues[] = [{}];
      for (const choice of choices) for (const option of choice.options) variants.push({ [choice.name]: option.value });
      for (const seed of variants) {
        const values: FormValues = { ...seed };
        for (const f of entry.form.flatMap((step) => step.fields)) {
          if (values[f.name] === undefined && isFieldVisible(f, values)) values[f.name] = validAnswer(f, values, day);
        }
        const problems = validateForm(entry, answeredValues(entry, values), { today: day });
        expect([entry.code, seed, problems]).toEqual([entry.code, seed, []]);
      }
    }
  });

  it('drops answers of fields that are no longer shown', () => {
    const job05 = item('JOB-05');
    const values = { leaveReason: 'neverEmployed', leftOn: '2026-01-05', phone: '13912345678' };
    expect(answeredValues(job05, values)).toEqual({ leaveReason: 'neverEmployed', phone: '13912345678' });
  });
});
