import fc from 'fast-check';
import { defaultCatalog } from './default-catalog';
import { CatalogSearchIndex } from './search';

describe('catalogue search', () => {
  const index = new CatalogSearchIndex(defaultCatalog().items);
  const codes = (query: string) => index.search(query).map((hit) => hit.code);

  it('finds the card items by the initials of 社保卡', () => {
    expect(codes('sbk')).toEqual(['CARD-01', 'CARD-02', 'CARD-03']);
    expect(codes('SBK')).toEqual(['CARD-01', 'CARD-02', 'CARD-03']);
    expect(codes(' s b k ')).toEqual(['CARD-01', 'CARD-02', 'CARD-03']);
  });

  it('ranks a code first, then names that start with the query, then names that contain it', () => {
    expect(codes('INS-04')[0]).toBe('INS-04');
    expect(codes('ins04')[0]).toBe('INS-04');
    const pension = index.search('养老');
    expect(pension.length).toBeGreaterThan(5);
    expect(pension.map((hit) => hit.rank)).toEqual([...pension.map((hit) => hit.rank)].sort((a, b) => a - b));
    expect(codes('失业登记')[0]).toBe('JOB-05');
  });

  it('finds by full pinyin, English words and everyday keywords', () => {
    expect(codes('chuangye')).toEqual(expect.arrayContaining(['JOB-12', 'JOB-13']));
    expect(codes('PIN')).toContain('CARD-03');
    expect(codes('丢卡')).toEqual(['CARD-02']);
    expect(codes('qzdj')).toEqual(['JOB-01']);
  });

  it('returns nothing for empty or unmatched input, and never throws on odd text', () => {
    expect(codes('')).toEqual([]);
    expect(codes('🙂')).toEqual([]);
    expect(codes('((((')).toEqual([]);
    expect(codes('x'.repeat(40))).toEqual([]);
  });

  it('answers any text without throwing, with known codes only', () => {
    const known = new Set(defaultCatalog().items.map((item) => item.code));
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), (query) => {
        for (const hit of index.search(query)) expect(known.has(hit.code)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
