import { CATEGORIES } from './categories';
import { defaultCatalog, defaultCatalogInput } from './default-catalog';
import { CatalogItemSchema, CatalogSchema, isSafePattern, type LocalisedText } from './schema';
import { flowSteps } from './flow-steps';

const VILLAGE_CODES = [
  ...Array.from({ length: 15 }, (_, i) => `JOB-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 4 }, (_, i) => `SKL-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 18 }, (_, i) => `INS-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 3 }, (_, i) => `CARD-${String(i + 1).padStart(2, '0')}`),
];
const DEMO_CODES = ['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04'];

/** Every LocalisedText anywhere inside a value, with its path. */
function localisedTexts(value: unknown, path = ''): Array<{ path: string; text: LocalisedText }> {
  if (Array.isArray(value)) return value.flatMap((entry, i) => localisedTexts(entry, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('zh-CN' in record || 'en' in record) return [{ path, text: record as LocalisedText }];
  return Object.entries(record).flatMap(([k, v]) => localisedTexts(v, path === '' ? k : `${path}.${k}`));
}

describe('the shipped catalogue', () => {
  const catalog = defaultCatalog();

  it('passes its own schema: 40 village items and 4 demonstration items with the codes of CATALOG.md', () => {
    expect(CatalogSchema.safeParse(defaultCatalogInput()).success).toBe(true);
    const village = catalog.items.filter((item) => item.siteLevel === 'village').map((item) => item.code);
    const demo = catalog.items.filter((item) => item.siteLevel === 'demonstration').map((item) => item.code);
    expect(village).toEqual(VILLAGE_CODES);
    expect(demo).toEqual(DEMO_CODES);
    expect(new Set(catalog.items.map((item) => item.code)).size).toBe(44);
  });

  it('has the planned count in every category (15/4/18/3 + 4)', () => {
    for (const category of CATEGORIES) {
      expect([category.code, catalog.items.filter((item) => item.category === category.code).length]).toEqual([
        category.code,
        category.plannedItems,
      ]);
    }
  });

  it('has every text in both languages, Chinese in the zh-CN side, and no placeholders', () => {
    const texts = localisedTexts(catalog.items);
    expect(texts.length).toBeGreaterThan(500);
    for (const { path, text } of texts) {
      expect([path, typeof text['zh-CN'], typeof text.en]).toEqual([path, 'string', 'string']);
      expect([path, text['zh-CN'].trim().length > 0, text.en.trim().length > 0]).toEqual([path, true, true]);
      for (const side of [text['zh-CN'], text.en]) {
        expect([path, /TBD|TODO|lorem|示例|待定|占位|xxx/i.test(side)]).toEqual([path, false]);
      }
      // The English side must not be left in Chinese.
      expect([path, /[\u3400-\u9fff]/u.test(text.en)]).toEqual([path, false]);
    }
  });

  it('declares devices and the network the way the item types need them', () => {
    for (const item of catalog.items) {
      if (item.type === 'apply') {
        expect([item.code, item.needsCountyOnline, item.requiresDevices.includes('receiptPrinter')]).toEqual([item.code, false, true]);
      }
      // An immediate item (the card loss report) is recorded offline too and says honestly that it is not yet done.
      if (['print', 'card', 'certify'].includes(item.type)) expect([item.code, item.needsCountyOnline || item.immediate]).toEqual([item.code, true]);
      if (item.type === 'print') expect([item.code, item.requiresDevices]).toContainEqual(expect.arrayContaining(['documentPrinter']));
      if (item.type === 'certify') expect([item.code, item.identity.faceCheck]).toEqual([item.code, true]);
    }
    const faceChecked = catalog.items.filter((item) => item.identity.faceCheck).map((item) => item.code);
    expect(faceChecked).toEqual(['INS-03', 'INS-04', 'INS-10', 'INS-11', 'INS-14', 'INS-15', 'CARD-01', 'CARD-02', 'CARD-03', 'DEMO-02']);
    expect(catalog.items.find((item) => item.code === 'CARD-03')!.requiresDevices).toContain('socialSecurityCardReader');
  });

  it('gives every item a guide for a village reader: free, hotline 12333, every paper named once, FAQs', () => {
    for (const item of catalog.items) {
      const { guide } = item;
      // The service is free everywhere; where the resident pays a contribution the fee line says so, never just "free".
      const paysContribution = ['INS-01', 'INS-02', 'INS-16', 'DEMO-03'].includes(item.code);
      expect([item.code, guide.hotline, guide.fee['zh-CN'].includes('不收费'), /free/i.test(guide.fee.en)]).toEqual([item.code, '12333', true, true]);
      expect([item.code, guide.fee['zh-CN'].includes('养老保险费要交')]).toEqual([item.code, paysContribution]);
      expect([item.code, item.faq.length >= 2]).toEqual([item.code, true]);
      const listed = guide.materials.map((text) => text['zh-CN']).join('\n');
      for (const material of item.materials) expect([item.code, listed.includes(material.name['zh-CN'])]).toEqual([item.code, true]);
      if (item.identity.required) expect([item.code, /身份证|社会保障卡/.test(listed)]).toEqual([item.code, true]);
      expect([item.code, guide.steps.length >= 2, guide.basis.length >= 1]).toEqual([item.code, true, true]);
    }
  });

  it('has guide steps that match what the flow will do', () => {
    for (const item of catalog.items) {
      const steps = item.guide.steps.map((step) => step['zh-CN']).join('\n');
      const stepsEn = item.guide.steps.map((step) => step.en).join('\n');
      // A face check is announced in the steps, and only where there is one (a money item's for another account).
      expect([item.code, /刷脸|建模机|摄像头/.test(steps)]).toEqual([item.code, item.identity.faceCheck || item.riskClass === 'money']);
      expect([item.code, /face|camera|modelling machine/i.test(stepsEn)]).toEqual([item.code, item.identity.faceCheck || item.materials.length > 0]);
      // Papers for the document camera are announced where the item asks for them.
      if (item.materials.length > 0) expect([item.code, /拍/.test(steps)]).toEqual([item.code, true]);
      // The card the item reads is the one the steps tell the resident to use.
      if (item.identity.required && !item.identity.accepts.includes('socialSecurityCard')) {
        expect([item.code, /身份证/.test(steps)]).toEqual([item.code, true]);
      }
      if (item.identity.accepts.length === 1 && item.identity.accepts[0] === 'socialSecurityCard') {
        expect([item.code, /社保卡/.test(steps), /身份证/.test(steps)]).toEqual([item.code, true, false]);
      }
    }
  });

  it('accepts only patterns that cannot hang the core on a long value', () => {
    for (const safe of ['[A-Za-z0-9-]+', '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}', '(0\\d{2,3}-)?\\d{7,8}', '[(]+[)]*']) {
      expect([safe, isSafePattern(safe)]).toEqual([safe, true]);
    }
    // The last three passed the old guard and took 0.8 s, 55 ms and 140 ms on 199 characters here.
    for (const unsafe of ['(a+)+$', '(a|aa)*', '(\\d{2})+', 'a*a*a*b', '(', '[', '(.)\\1*', `${'a?'.repeat(25)}${'a'.repeat(25)}`, '\\d{0,99}\\d{0,99}\\d{0,99}x', '[a-z]{1,60}[a-z]{1,60}[a-z]{1,60}[a-z]{1,60}!']) {
      expect([unsafe, isSafePattern(unsafe)]).toEqual([unsafe, false]);
    }
  });

  it('gives every item a flow the engine can run', () => {
    for (const item of catalog.items) {
      const steps = flowSteps(item);
      expect(steps[0]).toBe('guide');
      if (item.identity.required) expect(steps).toContain('identify');
      if (item.identity.faceCheck) expect(steps).toContain('face');
    }
  });

  it('refuses records that contradict themselves', () => {
    const ins11 = defaultCatalogInput().items.find((item) => item.code === 'INS-11')!;
    const withoutFace = { ...ins11, identity: { ...ins11.identity, faceCheck: false } };
    expect(CatalogItemSchema.safeParse(withoutFace).success).toBe(false);
    const withoutCamera = { ...ins11, requiresDevices: ['receiptPrinter', 'faceCamera'] };
    expect(CatalogItemSchema.safeParse(withoutCamera).success).toBe(false);
    const input = defaultCatalogInput();
    expect(CatalogSchema.safeParse({ ...input, items: [...input.items, input.items[0]] }).success).toBe(false);
    // A county catalogue whose pattern does not compile fails at load, not while a resident types.
    const job12 = input.items.find((item) => item.code === 'JOB-12')!;
    const badPattern = JSON.parse(JSON.stringify(job12).replace('"pattern":"', '"pattern":"(')) as typeof job12;
    expect(CatalogItemSchema.safeParse(job12).success).toBe(true);
    expect(CatalogItemSchema.safeParse(badPattern).success).toBe(false);
  });
});
