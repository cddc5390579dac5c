import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The README's "Scripts" table names every package.json script, and nothing else. */

const ROOT = join(__dirname, '..', '..');

export function scriptsInReadme(readme: string): string[] {
  const start = readme.indexOf('\n## Scripts\n');
  if (start < 0) return [];
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `npm (?:run )?([\w:.-]+)` \|/gm)].map((m) => m[1]!);
}

describe('README scripts table', () => {
  it('lists exactly the scripts of package.json, each once', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const listed = scriptsInReadme(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(Object.keys(pkg.scripts).sort());
  });

  it('reads `npm start`, `npm test` and `npm run x` rows, and only inside the Scripts section', () => {
    const readme = 'intro\n| `npm run ghost` | outside |\n## Scripts\n| `npm start` | a |\n| `npm test` | b |\n| `npm run docs:api` | c |\n## Next\n| `npm run later` | d |\n';
    expect(scriptsInReadme(readme)).toEqual(['start', 'test', 'docs:api']);
  });
});
