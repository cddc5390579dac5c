import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { CatalogSchema } from '../../src/shared/catalog/schema';

/**
 * The catalogue's authored form may be reshaped (one `defineItem` per item, one bilingual helper, shared field
 * presets), but what the kiosk ships and what the county publishes must not move by a byte unless a text really
 * changed. The fixture is the county's download format (the schema-parsed catalogue as `publishConfigPart` stores
 * it); the authored input is pinned by the hash of its canonical (sorted-key) JSON. After a deliberate content change, rewrite both with
 * `UPDATE_CATALOG_FIXTURE=1 npx jest test/unit/catalog-bytes.test.ts` and review the fixture's diff.
 */

const FIXTURE = join(__dirname, '..', 'fixtures', 'catalog', 'catalog-v1.county.json');
const INPUT_SHA256_FILE = join(__dirname, '..', 'fixtures', 'catalog', 'catalog-v1.input.sha256');

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with every object's keys sorted: the authored input's content, whatever order a builder writes keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

describe('the shipped catalogue, byte for byte', () => {
  const input = canonical(defaultCatalogInput());
  const county = JSON.stringify(CatalogSchema.parse(defaultCatalogInput()));

  if (process.env.UPDATE_CATALOG_FIXTURE === '1') {
    writeFileSync(FIXTURE, `${county}\n`);
    writeFileSync(INPUT_SHA256_FILE, `${sha256(input)}\n`);
  }

  const fixture = readFileSync(FIXTURE, 'utf8').replace(/\n$/, '');

  it('serializes each item exactly as the county download fixture (item by item, for a readable diff)', () => {
    const expected = (JSON.parse(fixture) as { items: Array<{ code: string }> }).items;
    const actual = (JSON.parse(county) as { items: Array<{ code: string }> }).items;
    expect(actual.map((item) => item.code)).toEqual(expected.map((item) => item.code));
    actual.forEach((item, i) => expect([item.code, JSON.stringify(item)]).toEqual([item.code, JSON.stringify(expected[i])]));
  });

  it('is byte-identical to the county download fixture as a whole (key order, version, dates)', () => {
    expect(county.length).toBe(fixture.length);
    expect(sha256(county)).toBe(sha256(fixture));
  });

  it('builds the same authored input (before the schema fills defaults) as the pinned hash', () => {
    expect(sha256(input)).toBe(readFileSync(INPUT_SHA256_FILE, 'utf8').trim());
  });
});
