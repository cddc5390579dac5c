import { CatalogSchema, type Catalog, type CatalogInput, type CatalogItemInput } from './schema';
import { JOB_ITEMS } from './items/job';
import { SKILL_ITEMS } from './items/skill';
import { INSURANCE_ITEMS } from './items/insurance';
import { CARD_ITEMS } from './items/card';
import { DEMO_ITEMS } from './items/demo';

/**
 * The catalogue the kiosk ships with (version 1). The county replaces it with a newer version through sync; until
 * then this is what every point offers. Parsed with the same schema as a county download, so a mistake in these
 * records fails at start (and in the tests), not in front of a resident.
 */

export const DEFAULT_CATALOG_VERSION = 1;
const PUBLISHED_AT = '2026-11-29T00:00:00+08:00';

/** Every item, each written once with `defineItem` (define-item.ts), in the catalogue's order. */
export const ITEM_DEFINITIONS: readonly CatalogItemInput[] = [...JOB_ITEMS, ...SKILL_ITEMS, ...INSURANCE_ITEMS, ...CARD_ITEMS, ...DEMO_ITEMS];

/** A fresh copy each call (callers may edit it). A JSON copy: the input is the county's JSON download format, and
 * `structuredClone` is missing from some hosts that load the catalogue (jsdom test environments). */
export function defaultCatalogInput(): CatalogInput {
  const items = JSON.parse(JSON.stringify(ITEM_DEFINITIONS)) as CatalogItemInput[];
  return { version: DEFAULT_CATALOG_VERSION, publishedAt: PUBLISHED_AT, items };
}
let cached: Catalog | undefined;

/** The shipped catalogue, validated once. Throws (a bug in the records) if it does not pass its own schema. */
export function defaultCatalog(): Catalog {
  cached ??= CatalogSchema.parse(defaultCatalogInput());
  return cached;
}
