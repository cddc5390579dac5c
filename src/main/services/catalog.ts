import { KioskError } from '../../shared/contract/errors';
import type { CatalogListing } from '../../shared/contract/methods/catalog';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { CatalogSchema, type Catalog, type CatalogItem, type SiteLevel } from '../../shared/catalog/schema';
import { CatalogSearchIndex, type SearchHit } from '../../shared/catalog/search';
import { applyCountySettings } from '../../shared/catalog/county-settings';
import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';

/** Where a catalogue pulled from the county is kept (the store's config parts, part 'catalog'). */
export interface StoredCatalogSource {
  read(): { version: number; body: unknown } | null;
}

export interface CatalogServiceOptions {
  level: SiteLevel;
  log: Logger;
  /** Absent when the kiosk has no store (tests of the catalogue alone): the shipped catalogue is used. */
  stored?: StoredCatalogSource;
  /** Re-read the stored catalogue when the county sends a newer one. */
  events?: EventBus;
  shipped?: () => Catalog;
}

interface Loaded {
  catalog: Catalog;
  source: 'default' | 'county';
  items: CatalogItem[];
  byCode: Map<string, CatalogItem>;
  index: CatalogSearchIndex | undefined;
}

/**
 * The catalogue in force at this point: the county's newer version when one is stored and valid, the shipped one
 * otherwise, narrowed to what this point's level offers. A stored body that fails the schema (it was checked
 * before it was stored, so this means a bug or a tampered file) is logged and the shipped catalogue stays.
 */
export class CatalogService {
  private loaded: Loaded | undefined;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(private readonly options: CatalogServiceOptions) {
    this.unsubscribe = options.events?.subscribe((event, data) => {
      if (event === 'config.changed' && (data as { part?: string }).part === 'catalog') this.loaded = undefined;
    });
    // Load now: a shipped catalogue that fails its own schema stops the kiosk at start, not at a resident's touch.
    this.load();
  }

  private load(): Loaded {
    if (this.loaded) return this.loaded;
    const shipped = (this.options.shipped ?? defaultCatalog)();
    let catalog = shipped;
    let source: Loaded['source'] = 'default';
    const stored = this.readStored();
    if (stored && stored.version > shipped.version) {
      catalog = stored;
      source = 'county';
    }
    // The county's numbers go into the texts here, once, so screens, receipts and the core's checks all read them.
    const items = catalog.items
      .filter((item) => this.options.level === 'demonstration' || item.siteLevel === 'village')
      .map((item) => applyCountySettings(item, catalog.settings));
    this.loaded = { catalog, source, items, byCode: new Map(items.map((item) => [item.code, item])), index: undefined };
    this.options.log.info({ version: catalog.version, source, items: items.length }, 'catalogue in force');
    return this.loaded;
  }

  private readStored(): Catalog | null {
    if (!this.options.stored) return null;
    let row: { version: number; body: unknown } | null;
    try {
      row = this.options.stored.read();
    } catch (error) {
      this.options.log.error({ err: error }, 'stored catalogue could not be read; using the shipped one');
      return null;
    }
    if (!row) return null;
    const parsed = CatalogSchema.safeParse(row.body);
    if (!parsed.success) {
      this.options.log.error(
        { version: row.version, issues: parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.')) },
        'stored catalogue fails the schema; using the shipped one',
      );
      return null;
    }
    // The part's version is the county's; the body's own version field follows it.
    return { ...parsed.data, version: row.version };
  }

  list(): CatalogListing {
    const { catalog, source, items } = this.load();
    return { version: catalog.version, publishedAt: catalog.publishedAt, source, items, settings: catalog.settings };
  }

  get(code: string): CatalogItem {
    const item = this.load().byCode.get(code);
    if (!item) throw new KioskError('not_found', { details: { itemCode: code.slice(0, 12) } });
    return item;
  }

  /** Like get, but undefined instead of an error (for other services checking a submission's item). */
  find(code: string): CatalogItem | undefined {
    return this.load().byCode.get(code);
  }

  search(query: string, limit: number): { version: number; results: SearchHit[] } {
    const loaded = this.load();
    loaded.index ??= new CatalogSearchIndex(loaded.items);
    return { version: loaded.catalog.version, results: loaded.index.search(query, limit) };
  }

  close(): void {
    this.unsubscribe?.();
  }
}

export function catalogHandlers(service: CatalogService): HandlerMap<'catalog.list' | 'catalog.get' | 'catalog.search'> {
  return {
    'catalog.list': () => service.list(),
    'catalog.get': ({ code }) => service.get(code),
    'catalog.search': ({ query, limit }) => service.search(query, limit),
  };
}
