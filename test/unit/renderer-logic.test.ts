import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { FormValues } from '../../src/shared/catalog/validate-form';
import { planFlow, visibleMaterials } from '../../src/renderer/flow/plan';
import { candidateIndex, candidatesFor } from '../../src/renderer/keyboard/pinyin-candidates';
import { formatDateDigits } from '../../src/renderer/flow/field-keyboard';

const catalog = defaultCatalog();
const byCode = (code: string) => catalog.items.find((i) => i.code === code)!;
const kinds = (code: string, values: FormValues = {}) => planFlow(byCode(code), values).map((s) => (s.kind === 'form' ? `form-${s.page}` : s.kind));

describe('flow plan from the catalogue record', () => {
  it('every one of the 44 items gets a flow that matches its type', () => {
    expect(catalog.items).toHaveLength(44);
    for (const item of catalog.items) {
      const steps = planFlow(item, {}).map((s) => s.kind);
      const expectIdentify = item.identity.required ? ['identify'] : [];
      switch (item.type) {
        case 'apply':
        case 'certify':
          expect({ code: item.code, head: steps.slice(0, expectIdentify.length) }).toEqual({ code: item.code, head: expectIdentify });
          expect({ code: item.code, tail: steps.slice(-2) }).toEqual({ code: item.code, tail: ['review', 'receipt'] });
          expect(steps.includes('face')).toBe(item.identity.faceCheck);
          break;
        case 'query':
        case 'print':
          expect({ code: item.code, last: steps[steps.length - 1] }).toEqual({ code: item.code, last: 'lookup' });
          break;
        case 'card':
          expect({ code: item.code, tail: steps.slice(-2) }).toEqual({ code: item.code, tail: ['card', 'receipt'] });
          break;
        case 'info':
          expect(steps).toEqual([]);
          break;
      }
    }
  });

  it('a higher-risk apply item adds materials and the face check before review', () => {
    expect(kinds('INS-11')).toEqual(['identify', 'form-0', 'form-1', 'materials', 'face', 'review', 'receipt']);
  });

  it('materials shown only when an answer asks for them are skipped otherwise', () => {
    const item = byCode('JOB-05');
    const conditional = item.materials.filter((m) => m.visibleWhen);
    expect(conditional.length).toBeGreaterThan(0);
    const field = conditional[0]!.visibleWhen!.field;
    const without = { [field]: '__none__' };
    const withIt = { [field]: conditional[0]!.visibleWhen!.oneOf[0]! };
    expect(planFlow(item, withIt).map((s) => s.kind)).toContain('materials');
    expect(visibleMaterials(item, without).length).toBeLessThan(visibleMaterials(item, withIt).length);
    if (visibleMaterials(item, without).length === 0) expect(planFlow(item, without).map((s) => s.kind)).not.toContain('materials');
  });
});

describe('on-screen keyboard helpers', () => {
  it('pinyin candidates: exact readings first, then readings the letters begin', () => {
    const li = candidatesFor('li');
    const exact = candidateIndex().get('li')!;
    expect(exact).toContain('李');
    // Every character read exactly "li" comes before any whose reading only begins with "li" (lian, liang...).
    expect(li.slice(0, exact.length)).toEqual(exact);
    const rest = li.slice(exact.length);
    expect(rest.length).toBeGreaterThan(0);
    for (const c of rest) expect({ c, exact: exact.includes(c) }).toEqual({ c, exact: false });
    expect(candidatesFor('zhang')).toContain('张');
    expect(candidatesFor('zh').length).toBeGreaterThan(10);
    expect(candidatesFor('')).toEqual([]);
    expect(candidatesFor('123')).toEqual([]);
  });
  it('dates typed as digits get their dashes', () => {
    expect(formatDateDigits('2026')).toBe('2026');
    expect(formatDateDigits('20261')).toBe('2026-1');
    expect(formatDateDigits('20261129')).toBe('2026-11-29');
    expect(formatDateDigits('2026-11-299')).toBe('2026-11-29');
  });
});
