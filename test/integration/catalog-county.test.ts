import { defaultCatalog, defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { publishConfigPart } from '../../src/county/county-state';
import type { CountyServer } from '../../src/county/server';
import { EventBus } from '../../src/main/event-bus';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { getConfigPart } from '../../src/main/store/config-versions';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

/**
 * The seam between the catalogue and sync: the county publishes a new catalogue version, the kiosk's sync engine
 * pulls it into the store, config.changed fires, and the catalogue in force changes, with nothing mocked.
 */
describe("the county's catalogue reaches the kiosk", () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('replaces the shipped catalogue after a sync round, and again after a newer version', async () => {
    const { logger } = createMemoryLogger();
    const events = new EventBus(logger);
    const store = openTestStore(tempDataDir());
    const catalog = new CatalogService({
      level: 'village',
      log: logger,
      events,
      stored: { read: () => getConfigPart(store.db, 'catalog') },
    });
    const engine = new SyncEngine({
      store,
      client: new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }),
      kioskId: TEST_KIOSK.id,
      appVersion: 'test',
      log: logger,
      onConfigChanged: (part, version) => events.emit('config.changed', { part, version }),
    });

    expect(catalog.list()).toMatchObject({ source: 'default', version: 1 });
    await engine.runRound();
    const first = catalog.list();
    expect(first.source).toBe('county');
    expect(first.version).toBeGreaterThan(1);
    expect(first.items).toHaveLength(40);

    // The county renames an item and drops another; the kiosk follows after the next round.
    const next = defaultCatalogInput();
    next.items = next.items
      .filter((item) => item.code !== 'JOB-03')
      .map((item) => (item.code === 'CARD-03' ? { ...item, name: { 'zh-CN': '社保卡启用和密码服务', en: 'Card activation and PIN services' } } : item));
    const published = await publishConfigPart(county.query, 'catalog', next);
    await engine.runRound();
    const second = catalog.list();
    expect([second.source, second.version, second.items.length]).toEqual(['county', published, 39]);
    expect(catalog.get('CARD-03').name['zh-CN']).toBe('社保卡启用和密码服务');
    expect(catalog.search('sbk', 5).results.map((hit) => hit.code)).toEqual(['CARD-01', 'CARD-02', 'CARD-03']);
    expect(() => catalog.get('JOB-03')).toThrow(expect.objectContaining({ code: 'not_found' }));

    catalog.close();
    store.close();
  });
});
