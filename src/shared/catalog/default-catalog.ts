import { CatalogSchema, type Catalog, type CatalogInput } from './schema';
import type { ItemRecord } from './fields';
import { JOB_ITEMS } from './items/job';
import { SKILL_ITEMS } from './items/skill';
import { INSURANCE_ITEMS } from './items/insurance';
import { CARD_ITEMS } from './items/card';
import { DEMO_ITEMS } from './items/demo';
import { GUIDES, buildTexts } from './guides';
import { ITEM_KEYWORDS } from './keywords';

/**
 * The catalogue the kiosk ships with (version 1). The county replaces it with a newer version through sync; until
 * then this is what every point offers. Parsed with the same schema as a county download, so a mistake in these
 * records fails at start (and in the tests), not in front of a resident.
 */

export const DEFAULT_CATALOG_VERSION = 1;
const PUBLISHED_AT = '2026-11-29T00:00:00+08:00';

export const ITEM_RECORDS: readonly ItemRecord[] = [...JOB_ITEMS, ...SKILL_ITEMS, ...INSURANCE_ITEMS, ...CARD_ITEMS, ...DEMO_ITEMS];

export function defaultCatalogInput(): CatalogInput {
  return {
    version: DEFAULT_CATALOG_VERSION,
    publishedAt: PUBLISHED_AT,
    items: ITEM_RECORDS.map((record) => {
      const draft = GUIDES[record.code];
      if (!draft) throw new Error(`catalogue item ${record.code} has no guide`);
      return { ...record, keywords: [...(ITEM_KEYWORDS[record.code] ?? [])], ...buildTexts(record, draft) };
    }),
  };
}

let cached: Catalog | undefined;

/** The shipped catalogue, validated once. Throws (a bug in the records) if it does not pass its own schema. */
export function defaultCatalog(): Catalog {
  cached ??= CatalogSchema.parse(defaultCatalogInput());
  return cached;
}
