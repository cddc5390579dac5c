import fs from 'node:fs';
import { CATALOG_DOC_PATH, renderCatalogDoc } from '../../scripts/catalog-doc';

describe('docs/catalog.md', () => {
  it('lists every item with its risk class, identity rule, county settings and legal basis as the catalogue says (regenerate with `npm run docs:catalog`)', () => {
    const current = fs.readFileSync(CATALOG_DOC_PATH, 'utf8');
    expect(current).toBe(renderCatalogDoc(current));
    expect(current).toContain('| CARD-03 |');
    expect(current).toMatch(/\| CARD-03 \|[^\n]*\| card \| ID card \+ face; no proxy; the card in the reader must be the resident’s \|/);
  });
});
