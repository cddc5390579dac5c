import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import iconv from 'iconv-lite';
import subsetFont from 'subset-font';

/** The screens' CJK font, cut to what they show: vite.deferred-fonts.mts builds it into the page. */
const ROOT = import.meta.dirname;
const require = createRequire(import.meta.url);

/** The CJK font's two weights the screens use (theme.css: body text and bold), as Google Fonts ships Noto Sans SC. */
export const UI_FONT_WEIGHTS = {
  400: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  700: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
export type UiFontWeight = keyof typeof UI_FONT_WEIGHTS;

/** Where the product's own texts live: every language's strings and the catalogue's items (src/shared). */
const TEXT_SOURCES = path.join(ROOT, 'src/shared');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** GB2312's characters in rows `first`..`last` (each row 94 codes, 0xA1-0xFE), decoded with iconv-lite. */
function gb2312Rows(first: number, last: number): string[] {
  const characters: string[] = [];
  for (let row = first; row <= last; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      const character = iconv.decode(Buffer.from([row, cell]), 'gb2312');
      if ([...character].length === 1 && character !== '\ufffd') characters.push(character);
    }
  }
  return characters;
}

/**
 * The characters the screens' font holds: printable ASCII, every character of the product's own texts (the locale
 * files and the catalogue, src/shared; tests left out), GB2312's symbols (rows 0xA1-0xA9: CJK punctuation,
 * full-width forms) and its 3,755 level-1 hanzi (rows 0xB0-0xD7, the everyday characters of names and addresses).
 * A character outside this set (a rarer name read from an ID card) is drawn in the system's CJK font.
 */
export function uiFontCharacters(): string {
  const characters = new Set<string>();
  for (let code = 0x20; code <= 0x7e; code += 1) characters.add(String.fromCharCode(code));
  for (const file of filesUnder(TEXT_SOURCES)) {
    if (!/\.(json|ts)$/.test(file) || /\.test\.ts$/.test(file)) continue;
    for (const character of fs.readFileSync(file, 'utf8')) if (character.codePointAt(0)! > 0x7e) characters.add(character);
  }
  for (const character of [...gb2312Rows(0xa1, 0xa9), ...gb2312Rows(0xb0, 0xd7)]) characters.add(character);
  return [...characters].sort().join('');
}

/**
 * One weight of Noto Sans SC cut down to `characters`, as woff2 (subset-font, HarfBuzz's subsetter). Cutting takes
 * seconds, so each result is kept in node_modules/.cache/ui-font under a hash of the characters and the source font.
 */
export async function uiFontSubset(weight: UiFontWeight, characters: string): Promise<Buffer> {
  const source = fs.readFileSync(require.resolve(UI_FONT_WEIGHTS[weight]));
  const key = createHash('sha256').update(characters).update(source).digest('hex').slice(0, 16);
  const cached = path.join(ROOT, 'node_modules/.cache/ui-font', `noto-sans-sc-${weight}-${key}.woff2`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const subset = await subsetFont(source, characters, { targetFormat: 'woff2' });
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  fs.writeFileSync(`${cached}.part`, subset);
  fs.renameSync(`${cached}.part`, cached);
  return subset;
}
