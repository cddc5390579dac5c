import { defaultCatalog } from './default-catalog';
import { applyCountySettings, DEFAULT_COUNTY_SETTINGS } from './county-settings';

/**
 * The two languages of every catalogue text say the same numbers: ages, years, months, days, amounts, counts. A
 * resident reading English must not learn a different condition from one reading Chinese (INS-03 once did).
 * Numbers are compared as sorted lists after writing both sides' number words as digits.
 */

const EN_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十七 -> 17, 二十 -> 20, 五 -> 5 (only where a Chinese numeral is a number, not a word like 一般). */
function zhNumeral(text: string): number {
  if (!text.includes('十')) return ZH_DIGITS[text] ?? NaN;
  const [tens, ones] = text.split('十');
  return (tens ? ZH_DIGITS[tens]! : 1) * 10 + (ones ? ZH_DIGITS[ones]! : 0);
}

export function numbersIn(text: string, language: 'zh-CN' | 'en'): number[] {
  let t = text.replace(/(\d),(\d{3})/g, '$1$2');
  if (language === 'zh-CN') {
    t = t
      .replace(/(\d+(?:\.\d+)?)\s*万/g, (_, n: string) => ` ${Number(n) * 10_000} `)
      .replace(/([一二三四五六七八九十]+)分之([一二三四五六七八九十]+)/g, (_, d: string, n: string) => ` ${zhNumeral(n)} ${zhNumeral(d)} `)
      .replace(/第([一二三四五六七八九十]+)条/g, (_, n: string) => ` ${zhNumeral(n)} `)
      .replace(/十四五/g, ' 14 5 ')
      .replace(/满一(年|个月)/g, '满 1 $1')
      .replace(/一个月内/g, '1 个月内')
      // 近三年, 两地, 两项: a numeral counting something (一 is left alone: 一般, 一次性, 一个人 are words).
      .replace(/([二两三四五六七八九十]+)(?=年|项|地|天|个月|人|种)/g, (_, n: string) => ` ${zhNumeral(n)} `);
  } else {
    t = t
      // "for a year", "within a month", "at least one career talk": a duration or count, not "a year" as in "per year".
      .replace(/\b(for|within|about|least|than|after)\s+(a|an|one)\s+(?=(year|month|week|day|working day|person|career)\b)/gi, '$1 1 ')
      .replace(/\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=[\s-])(?:\s+(thirds?))?/gi, (_, w: string, third?: string) => (third ? ` ${EN_WORDS[w.toLowerCase()]} 3 ` : ` ${EN_WORDS[w.toLowerCase()]} `))
      .replace(/\b(\d+)(st|nd|rd|th)\b/g, '$1');
  }
  return (t.match(/\d+(?:\.\d+)?/g) ?? []).map(Number).sort((a, b) => a - b);
}

function textsOf(node: unknown, path: string, out: Array<{ path: string; zh: string; en: string }>): void {
  if (Array.isArray(node)) node.forEach((child, i) => textsOf(child, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record['zh-CN'] === 'string' && typeof record.en === 'string') out.push({ path, zh: record['zh-CN'], en: record.en });
    else for (const [key, child] of Object.entries(record)) textsOf(child, `${path}.${key}`, out);
  }
}

describe('zh-CN and en say the same numbers', () => {
  it('in every text of every item, with the county settings filled in', () => {
    const texts: Array<{ path: string; zh: string; en: string }> = [];
    for (const item of defaultCatalog().items) textsOf(applyCountySettings(item, DEFAULT_COUNTY_SETTINGS), item.code, texts);
    expect(texts.length).toBeGreaterThan(1000);
    const differing = texts.filter((t) => numbersIn(t.zh, 'zh-CN').join(',') !== numbersIn(t.en, 'en').join(','));
    expect(differing.map((t) => `${t.path}: ${t.zh} | ${t.en}`)).toEqual([]);
  });

  it('in every text, a list line or a heading in one language is one in the other (a condition is never merged away)', () => {
    const texts: Array<{ path: string; zh: string; en: string }> = [];
    for (const item of defaultCatalog().items) textsOf(item, item.code, texts);
    const shape = (text: string, colon: RegExp) => `${text.trimStart().startsWith('·') ? 'item' : ''}${colon.test(text.trimEnd()) ? 'heading' : ''}`;
    const differing = texts.filter((t) => t.path.includes('.guide.conditions') && shape(t.zh, /：$/) !== shape(t.en, /:$/));
    expect(differing.map((t) => `${t.path}: ${t.zh} | ${t.en}`)).toEqual([]);
  });

  it('INS-03: fewer than 15 years can qualify for those 45 or older at the start, in both languages', () => {
    const conditions = defaultCatalog().items.find((i) => i.code === 'INS-03')!.guide.conditions;
    const rule = conditions.find((c) => c['zh-CN'].includes('45'))!;
    expect(rule['zh-CN']).toMatch(/满 45 岁.*不满 15 年也能领/);
    expect(rule.en).toMatch(/45 or older.*fewer than 15 years/);
  });

  it('reads the number words it must (so a changed number on one side is caught)', () => {
    expect(numbersIn('女满 40 岁、男满 50 岁', 'zh-CN')).toEqual([40, 50]);
    expect(numbersIn('Woman 40+ or man 50+', 'en')).toEqual([40, 50]);
    expect(numbersIn('最多 30 万元', 'zh-CN')).toEqual(numbersIn('Up to 300,000 yuan', 'en'));
    expect(numbersIn('最多补三分之二', 'zh-CN')).toEqual(numbersIn('At most two thirds', 'en'));
    expect(numbersIn('for at least a year', 'en')).toEqual([1]);
    // The INS-03 kind of mistake: the same sentence with a different number is a difference.
    expect(numbersIn('满 45 岁的', 'zh-CN')).not.toEqual(numbersIn('If you were 40 or older', 'en'));
  });
});
