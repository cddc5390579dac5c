import { pinyin } from 'pinyin-pro';
import type { CatalogItem } from './schema';

/**
 * Search by item name in either language, by everyday keyword, by code, or by pinyin (full or initials):
 * "sbk" finds the 社保卡 items, "ylj" the 养老金 ones. The index is built once per catalogue version.
 */

interface IndexedItem {
  code: string;
  /** Lower-case texts matched as typed (Chinese names, English names, keywords). */
  texts: string[];
  /** Pinyin initials of the Chinese name and keywords, e.g. "sbk". */
  initials: string[];
  /** Full pinyin without spaces, e.g. "shebaoka". */
  spelled: string[];
}

export interface SearchHit {
  code: string;
  /** Lower is better: 0 code, 1 name starts with it, 2 name contains it, 3 initials, 4 full pinyin. */
  rank: number;
}

const LETTERS_ONLY = /[^a-z0-9]/g;

/** Full pinyin and initials of a Chinese text from one conversion (pinyin-pro's 'first' pattern is ten times slower). */
function pinyinOf(text: string): { spelled: string; initials: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' })
    .map((syllable) => syllable.toLowerCase().replace(LETTERS_ONLY, ''))
    .filter((syllable) => syllable.length > 0);
  return { spelled: syllables.join(''), initials: syllables.map((syllable) => syllable[0]).join('') };
}

export function normaliseQuery(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
}

export class CatalogSearchIndex {
  private readonly entries: IndexedItem[];

  constructor(items: readonly Pick<CatalogItem, 'code' | 'name' | 'keywords'>[]) {
    this.entries = items.map((item) => {
      const chinese = [item.name['zh-CN'], ...item.keywords.filter((word) => /[\u3400-\u9fff]/u.test(word))].map(pinyinOf);
      return {
        code: item.code.toLowerCase(),
        texts: [item.name['zh-CN'], item.name.en, ...item.keywords].map((text) => normaliseQuery(text)),
        initials: chinese.map((converted) => converted.initials),
        spelled: chinese.map((converted) => converted.spelled),
      };
    });
  }

  /** Item codes matching the query, best first (catalogue order within a rank). Empty for an empty query. */
  search(raw: string, limit = 50): SearchHit[] {
    const query = normaliseQuery(raw);
    if (query === '') return [];
    const latin = query.replace(LETTERS_ONLY, '');
    const hits: SearchHit[] = [];
    for (const entry of this.entries) {
      let rank: number | undefined;
      if (entry.code === query || entry.code.replace('-', '') === latin) rank = 0;
      else if (entry.texts.some((text) => text.startsWith(query))) rank = 1;
      else if (entry.texts.some((text) => text.includes(query))) rank = 2;
      else if (latin.length > 0 && latin === query && entry.initials.some((text) => text.includes(latin))) rank = 3;
      else if (latin.length > 1 && latin === query && entry.spelled.some((text) => text.includes(latin))) rank = 4;
      if (rank !== undefined) hits.push({ code: entry.code.toUpperCase(), rank });
    }
    return hits.sort((a, b) => a.rank - b.rank).slice(0, limit);
  }
}
