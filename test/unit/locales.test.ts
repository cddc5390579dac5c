import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, NAMESPACES, resources } from '../../src/shared/locales';

/**
 * Every namespace has the same keys in zh-CN and en (zh-CN first, en complete), no empty text, the same
 * {{placeholders}} in both languages, and no screen component carries a Chinese literal of its own.
 */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      for (const [fk, fv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(fk, fv);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('registers the same namespaces for every language, and a file for each on disk', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(resources[language]).sort()).toEqual([...NAMESPACES].sort());
      for (const ns of NAMESPACES) {
        expect(fs.existsSync(path.join(__dirname, '../../src/shared/locales', language, `${ns}.json`))).toBe(true);
      }
    }
    // A namespace file on disk that nobody registered would never reach the screen.
    for (const language of LANGUAGES) {
      const onDisk = fs.readdirSync(path.join(__dirname, '../../src/shared/locales', language)).filter((f) => f.endsWith('.json'));
      expect(onDisk.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it.each(NAMESPACES)('namespace %s has the same keys, non-empty texts and the same placeholders in zh-CN and en', (ns) => {
    const zh = flatten(resources['zh-CN'][ns]);
    const en = flatten(resources.en[ns]);
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
    for (const [key, text] of zh) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(en.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  // The language switch names the other language in its own script; the printer test page prints sample Chinese.
  const MEANT_TO_BE_CHINESE = new Set(['common:language.switch', 'printing:testPage.chinese']);

  it('the English texts are English (no Chinese left untranslated)', () => {
    for (const ns of NAMESPACES) {
      for (const [key, text] of flatten(resources.en[ns])) {
        if (MEANT_TO_BE_CHINESE.has(`${ns}:${key}`)) continue;
        expect({ ns, key, chinese: /[\u3400-\u9fff]/.test(text) }).toEqual({ ns, key, chinese: false });
      }
    }
  });

  it('no renderer source file holds a Chinese literal (every visible string comes from the locales)', () => {
    const root = path.join(__dirname, '../../src/renderer');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          const lines = fs.readFileSync(full, 'utf8').split('\n');
          lines.forEach((line, i) => {
            const code = line.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
            if (/[\u3400-\u9fff]/.test(code)) offenders.push(`${path.relative(root, full)}:${i + 1}`);
          });
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
