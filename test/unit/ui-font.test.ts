import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fontkit from '@pdf-lib/fontkit';
import { resources } from '../../src/shared/locales';
import { defaultCatalog } from '../../src/shared/catalog';

/**
 * The screens' CJK font is Noto Sans SC cut down to the product's own texts and GB2312's everyday characters
 * (vite.ui-font.mts, vite.deferred-fonts.mts): two faces instead of ~200 unicode-range ones, which every layout had
 * to match text against. Here the built page's font files themselves are read back: every character a screen can
 * show from the product's texts must have its glyph in both weights, or it would be drawn in another font.
 */
const RENDERER = path.resolve(__dirname, '../../dist/renderer');

function builtFaces(): Array<{ weight: number; font: ReturnType<typeof fontkit.create> }> {
  const page = path.join(RENDERER, 'index.html');
  if (!fs.existsSync(page)) throw new Error(`${page} is missing: run npm run build first`);
  const link = /<link rel="stylesheet" href="\.\/([^"]+)" disabled data-deferred-fonts>/.exec(fs.readFileSync(page, 'utf8'));
  if (!link) throw new Error("the built page has no disabled link to the fonts' stylesheet");
  const css = fs.readFileSync(path.join(RENDERER, link[1]!), 'utf8');
  const faces = [...css.matchAll(/@font-face\{[^}]*font-weight:(\d+);src:url\(\.\/([^)]+\.woff2)\)/g)];
  return faces.map(([, weight, file]) => ({ weight: Number(weight), font: fontkit.create(fs.readFileSync(path.join(RENDERER, 'assets', file!))) }));
}

/** Every character of every string in `value` (nested objects and arrays), but for the ASCII control range. */
function charactersOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const character of value) if (character.codePointAt(0)! >= 0x20) into.add(character);
  } else if (value && typeof value === 'object') {
    for (const nested of Object.values(value)) charactersOf(nested, into);
  }
  return into;
}

const missing = (font: ReturnType<typeof fontkit.create>, characters: Iterable<string>) =>
  [...characters].filter((character) => !/\s/.test(character) && !font.hasGlyphForCodePoint(character.codePointAt(0)!)).join('');

describe("the screens' CJK font as built", () => {
  const faces = builtFaces();

  it('is two faces, regular and bold, of Noto Sans SC', () => {
    expect(faces.map((face) => face.weight)).toEqual([400, 700]);
    for (const { font } of faces) expect(font.familyName).toBe('Noto Sans SC');
  });

  it("holds every character of both languages' texts and of the catalogue", () => {
    const texts = charactersOf(resources);
    const catalogue = charactersOf(defaultCatalog());
    expect(texts.size).toBeGreaterThan(500); // the walk reached the Chinese texts
    for (const { font } of faces) {
      expect(missing(font, texts)).toBe('');
      expect(missing(font, catalogue)).toBe('');
    }
  });

  it("holds GB2312's level-1 hanzi (the everyday characters of names and addresses), not its rarer level 2", () => {
    for (const { font } of faces) {
      expect(missing(font, '啊阿埃座王李张刘陈杨赵黄周吴')).toBe(''); // the first and last of level 1, common surnames
      expect(missing(font, '亍丌')).toBe('亍丌'); // the first of level 2: drawn in the system's CJK font
    }
  });
});
