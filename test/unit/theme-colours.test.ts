import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Colours come only from theme.css's `:root` tokens (issue 15 item 5): a contrast fix or a high-contrast theme then
 * changes one line. Every literal colour (hex, rgb/rgba, hsl/hsla) anywhere else in the renderer is named here.
 */

const ROOT = join(__dirname, '..', '..');
const RENDERER = join(ROOT, 'src', 'renderer');
const THEME = join(RENDERER, 'theme', 'theme.css');
const COLOUR = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(/g;

/** The text outside the `:root { ... }` blocks of a stylesheet (token definitions are allowed there). */
export function outsideRoot(css: string): string {
  return css.replace(/(^|\n):root\s*\{[^}]*\}/g, (block) => block.replace(/[^\n]/g, ' '));
}

/** `file:line: text` for each literal colour in the text. */
export function literalColours(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    // Comments in CSS/TS can mention a colour in words or as an example; only code counts.
    const code = line.replace(/\/\*.*?\*\//g, '').replace(/(^|\s)\/\/.*$/, '').replace(/^\s*\*.*$/, '');
    if (code.match(COLOUR)) found.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(css|tsx?)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('renderer colours', () => {
  it('are theme tokens everywhere but the :root of theme.css', () => {
    const found = sources(RENDERER).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return literalColours(relative(ROOT, file), file === THEME ? outsideRoot(text) : text);
    });
    expect(found).toEqual([]);
  });

  it('finds a literal colour outside :root, in a rule or an inline style, and allows tokens inside it', () => {
    const css = ':root {\n  --text: #111111;\n  --scrim: rgba(0, 0, 0, 0.6);\n}\n.a {\n  color: var(--text);\n  border: 1px solid #333;\n}\n';
    expect(literalColours('t.css', outsideRoot(css))).toEqual(['t.css:7: border: 1px solid #333;']);
    expect(literalColours('p.tsx', "const s = { background: 'rgb(1, 2, 3)' };")).toHaveLength(1);
    expect(literalColours('p.tsx', "const s = { background: 'var(--dev-bg)' }; // was #fffbe6")).toEqual([]);
  });
});
