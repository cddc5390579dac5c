import { pinyin } from 'pinyin-pro';

/**
 * Chinese input by pinyin for the on-screen keyboard. The candidate characters are the 3,755 level-1 characters
 * of GB 2312 (the everyday set), decoded from their byte codes so no character list ships in the source; their
 * readings come from pinyin-pro (polyphonic characters are found under every reading).
 */
let index: Map<string, string[]> | null = null;

function levelOneCharacters(): string[] {
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi += 1) for (let lo = 0xa1; lo <= 0xfe; lo += 1) bytes.push(hi, lo);
  const text = new TextDecoder('gb18030').decode(new Uint8Array(bytes));
  return [...text].filter((c) => /\p{Script=Han}/u.test(c));
}

export function candidateIndex(): Map<string, string[]> {
  if (index) return index;
  const built = new Map<string, string[]>();
  for (const character of levelOneCharacters()) {
    for (const reading of pinyin(character, { toneType: 'none', multiple: true, type: 'array' })) {
      const key = reading.replace('ü', 'v');
      const list = built.get(key);
      if (list) list.push(character);
      else built.set(key, [character]);
    }
  }
  index = built;
  return built;
}

/**
 * Characters for what the resident has typed: exact readings first ("li" -> 李, 里...), then readings it begins
 * ("zh" -> 张, 中...), without repeats.
 */
export function candidatesFor(typed: string, limit = 60): string[] {
  const key = typed.toLowerCase().replace(/[^a-zv]/g, '');
  if (!key) return [];
  const all = candidateIndex();
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (list: readonly string[] | undefined) => {
    for (const c of list ?? []) {
      if (out.length >= limit) return;
      if (!seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
  };
  add(all.get(key));
  for (const [reading, list] of all) {
    if (out.length >= limit) break;
    if (reading !== key && reading.startsWith(key)) add(list);
  }
  return out;
}
