import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { COUNTY_SETTING_KEYS, formatSetting, itemSettingSetOn, type ItemSettingKey } from '../../shared/catalog/county-settings';
import { CatalogSchema, type Catalog, type CatalogItem } from '../../shared/catalog/schema';
import type { CatalogPreview, CatalogPublishingState } from '../../shared/console/catalog-publishing';
import { publishConfigPart } from '../county-state';
import type { CountyQuery } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { ensureBaseline, history, record } from './publishing';

/**
 * The catalogue as the county publishes it from the console. Every version is kept in `publications` (subject
 * 'catalog') with who and when; a rollback publishes an earlier body again as a new config version, so kiosks only
 * ever see versions go up. A body that fails the catalogue schema is refused before anything is stored (the caller
 * gets the first bad field), so a kiosk never receives it and keeps the catalogue it has.
 */
export type CatalogCheck = { ok: true; catalog: Catalog } | { ok: false; field: string };

export function checkCatalog(body: unknown): CatalogCheck {
  const parsed = CatalogSchema.safeParse(body);
  if (parsed.success) return { ok: true, catalog: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: ['catalog', ...(issue?.path ?? []).map(String)].join('.') };
}

/** The catalogue kiosks pull now; null while the county has published none, or when the stored one is unreadable. */
async function published(q: CountyQuery): Promise<Catalog | null> {
  const row = await q.selectFrom('config_parts').select('body').where('part', '=', 'catalog').executeTakeFirst();
  return row ? (CatalogSchema.safeParse(JSON.parse(row.body)).data ?? null) : null;
}

export async function catalogState(q: CountyQuery, mayPublish: boolean, now: number): Promise<CatalogPublishingState> {
  const versions = (await history(q, 'catalog', now)).slice(0, 20);
  const current = await published(q);
  return {
    mayPublish,
    current: current && { version: current.version, publishedAt: current.publishedAt, itemCount: current.items.length },
    history: versions.map(({ body, ...version }) => ({ ...version, itemCount: (body as { items?: unknown[] } | null)?.items?.length ?? 0 })),
  };
}

/** The body kiosks would pull now (the shipped catalogue while the county has published none), to edit and upload. */
export async function catalogInForce(q: CountyQuery): Promise<Catalog> {
  return (await published(q)) ?? defaultCatalog();
}

const nameOf = (item: CatalogItem) => ({ 'zh-CN': item.name['zh-CN'], en: item.name.en });

/** What publishing `next` would change for the kiosks, against the catalogue in force. */
export async function previewCatalog(q: CountyQuery, next: Catalog): Promise<CatalogPreview> {
  const before = await catalogInForce(q);
  const old = new Map(before.items.map((item) => [item.code, item]));
  const fresh = new Map(next.items.map((item) => [item.code, item]));
  const changedFields = (a: CatalogItem, b: CatalogItem) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key as keyof CatalogItem]) !== JSON.stringify(b[key as keyof CatalogItem])).sort();
  const text = (catalog: Catalog, key: (typeof COUNTY_SETTING_KEYS)[number]) => ({ 'zh-CN': formatSetting(key, catalog.settings, 'zh-CN'), en: formatSetting(key, catalog.settings, 'en') });
  return {
    fromVersion: before.version,
    itemCount: next.items.length,
    added: next.items.filter((item) => !old.has(item.code)).map((item) => ({ code: item.code, name: nameOf(item) })),
    removed: before.items.filter((item) => !fresh.has(item.code)).map((item) => ({ code: item.code, name: nameOf(item) })),
    changed: next.items.flatMap((item) => {
      const was = old.get(item.code);
      const fields = was ? changedFields(was, item) : [];
      return fields.length > 0 ? [{ code: item.code, name: nameOf(item), fields }] : [];
    }),
    settings: [
      ...COUNTY_SETTING_KEYS.filter((key) => JSON.stringify(before.settings[key]) !== JSON.stringify(next.settings[key])).map((key) => ({
        key,
        from: text(before, key),
        to: text(next, key),
        setOn: next.settings[key].setOn,
      })),
      ...itemSettingChanges(before, next),
    ],
  };
}

/** An item's own time limit or basis as it reads on the kiosk: the county's where it set one, else the item's text. */
function itemSettingText(catalog: Catalog, key: ItemSettingKey, code: string): { 'zh-CN': string; en: string } {
  const item = catalog.items.find((i) => i.code === code);
  if (key === 'timeLimit') return catalog.settings.timeLimits[code]?.value ?? item?.guide.timeLimit ?? { 'zh-CN': '', en: '' };
  const laws = catalog.settings.legalBasis[code]?.value ?? item?.guide.basis ?? [];
  return { 'zh-CN': laws.map((law) => law['zh-CN']).join('；'), en: laws.map((law) => law.en).join('; ') };
}

/** The items whose own time limit or basis setting the candidate sets, changes or drops. */
function itemSettingChanges(before: Catalog, next: Catalog): CatalogPreview['settings'] {
  const parts = { timeLimit: 'timeLimits', legalBasis: 'legalBasis' } as const;
  return (Object.keys(parts) as ItemSettingKey[]).flatMap((key) => {
    const codes = [...new Set([...Object.keys(before.settings[parts[key]]), ...Object.keys(next.settings[parts[key]])])].sort();
    return codes
      .filter((code) => JSON.stringify(before.settings[parts[key]][code]) !== JSON.stringify(next.settings[parts[key]][code]))
      .map((code) => ({ key, code, from: itemSettingText(before, key, code), to: itemSettingText(next, key, code), setOn: itemSettingSetOn(key, code, next.settings) }));
  });
}

/** Publishes a checked catalogue as the next config version and keeps it as a version of the console's history. */
export async function publishCatalog(q: CountyQuery, catalog: Catalog, actor: { id: string; name: string }, now: number, rollbackOf: number | null = null): Promise<number> {
  return inTransaction(q, async (trx) => {
    await ensureBaseline(trx, 'catalog', now);
    const version = await publishConfigPart(trx, 'catalog', catalog);
    const stored = await trx.selectFrom('config_parts').select('body').where('part', '=', 'catalog').executeTakeFirstOrThrow();
    await record(trx, 'catalog', JSON.parse(stored.body), version, actor, now, rollbackOf);
    return version;
  });
}
