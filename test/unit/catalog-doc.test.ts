import fs from 'node:fs';
import { CATALOG_DOC_PATH, renderCatalogDoc } from '../../scripts/catalog-doc';

describe('docs/catalog.md', () => {
  it('lists every item with its risk class, identity rule, county settings and legal basis as the catalogue says (regenerate with `npm run docs:catalog`)', () => {
    const current = fs.readFileSync(CATALOG_DOC_PATH, 'utf8');
    expect(current).toBe(renderCatalogDoc(current));
    expect(current).toContain('| CARD-03 |');
    // Every item reads its own promised time limit and legal basis from the county (with the shipped text shown).
    const rows = current.split('\n').filter((line) => /^\| [A-Z]{3,4}-\d{2} \|/.test(line));
    expect(rows).toHaveLength(44);
    for (const row of rows) expect([row.slice(0, 10), /timeLimit, legalBasis \| [^|{}]+ \| 《/.test(row)]).toEqual([row.slice(0, 10), true]);
    expect(current).toMatch(/\| CARD-03 \|[^\n]*\| card \| ID card \+ face; no proxy; the card in the reader must be the resident’s \|/);
  });
});
