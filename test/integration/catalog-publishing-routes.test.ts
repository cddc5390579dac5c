import { catalogPublishingRoutes } from '../../src/county/console/catalog-publishing-routes';
import { record } from '../../src/county/console/publishing';
import { defaultCatalog, defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import type { CatalogPreview, CatalogPublishingState } from '../../src/shared/console/catalog-publishing';
import { startConsoleRouteStand, type ConsoleRouteCaller, type ConsoleRouteStand } from '../support/console-route-stand';

/**
 * The catalogue publishing routes (catalog-publishing-routes.ts) on a bare fastify with the console's hooks: who may
 * read, preview, publish and roll back (township accounts only read the state), each refusal's status and field with
 * nothing stored, what a publication and a rollback store, answer and audit. catalog-publishing.test.ts covers the
 * same from a started county to a kiosk.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const upload = (items: unknown[] = defaultCatalogInput().items) => ({ catalog: { ...defaultCatalogInput(), publishedAt: '2026-12-01T09:00:00+08:00', items } });

describe('catalogue publishing routes', () => {
  let stand: ConsoleRouteStand;
  let admin: ConsoleRouteCaller;
  let tuwo: ConsoleRouteCaller;
  beforeAll(async () => {
    stand = await startConsoleRouteStand([catalogPublishingRoutes], { clock: T0, prefix: 'catalog-routes-' });
    admin = await stand.as('county-admin');
    tuwo = await stand.as('township-tuwo');
  });
  afterAll(() => stand.close());
  const q = () => stand.county.query;
  const publications = () => q().selectFrom('publications').select(['seq', 'config_version', 'actor_id', 'at', 'rollback_of']).where('subject', '=', 'catalog').orderBy('seq').execute();
  const trail = () => q().selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('action', 'like', 'publish.%').orderBy('seq').execute();
  const catalogPart = async () => (await q().selectFrom('config_parts').select(['version', 'body']).where('part', '=', 'catalog').executeTakeFirst()) ?? null;

  // The first test calls every route (the stand registers them in it; see console-route-stand.ts).
  it('shows the state to every account, and keeps the catalogue in force, the preview, publishing and rollback to the county', async () => {
    const seen = await admin.call('GET', '/publishing/catalog');
    expect([seen.status, seen.body]).toEqual([200, { mayPublish: true, current: null, history: [] }]);
    const township = await tuwo.call('GET', '/publishing/catalog');
    expect([township.status, township.body]).toEqual([200, { mayPublish: false, current: null, history: [] }]);
    for (const [method, url, body] of [
      ['GET', '/publishing/catalog/in-force', undefined],
      ['POST', '/publishing/catalog/preview', upload()],
      ['PUT', '/publishing/catalog', upload()],
      ['POST', '/publishing/catalog/rollback', { seq: 1 }],
    ] as const) {
      const answer = await tuwo.call(method, url, body);
      expect([method, url, answer.status, answer.body]).toEqual([method, url, 403, { error: 'forbidden' }]);
    }
    expect(await catalogPart()).toBeNull();
    expect(await publications()).toEqual([]);
  });

  it('hands the county the catalogue in force to edit: the shipped one while none is published', async () => {
    const answer = await admin.call('GET', '/publishing/catalog/in-force');
    expect([answer.status, answer.body]).toEqual([200, JSON.parse(JSON.stringify(defaultCatalog()))]);
  });

  it('previews a candidate against the catalogue in force and stores nothing', async () => {
    const items = defaultCatalogInput().items;
    const answer = await admin.call('POST', '/publishing/catalog/preview', upload(items.slice(1)));
    expect(answer.status).toBe(200);
    expect(answer.body as unknown as CatalogPreview).toEqual({
      fromVersion: 1,
      itemCount: items.length - 1,
      added: [],
      removed: [{ code: items[0]!.code, name: { 'zh-CN': items[0]!.name['zh-CN'], en: items[0]!.name.en } }],
      changed: [],
      settings: [],
    });
    expect(await catalogPart()).toBeNull();
  });

  it('refuses a preview or publication that fails the schema with its first bad field, and publishes nothing', async () => {
    const items = defaultCatalogInput().items;
    const broken = upload(items.map((it, i) => (i === 3 ? { ...it, name: { 'zh-CN': it.name['zh-CN'] } } : it)));
    for (const [method, url] of [['POST', '/publishing/catalog/preview'], ['PUT', '/publishing/catalog']] as const) {
      expect(await admin.call(method, url, broken)).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'catalog.items.3.name.en' } });
      expect(await admin.call(method, url, {})).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'catalog' } });
      expect(await admin.call(method, url, [])).toMatchObject({ status: 400, body: { error: 'invalid_body', field: '(body)' } });
    }
    expect(await catalogPart()).toBeNull();
    expect(await publications()).toEqual([]);
    expect(await trail()).toEqual([]);
  });

  let first: { seq: number; version: number };
  it('publishes a checked catalogue, answers its version, keeps who published it and audits it', async () => {
    stand.clock = T0 + 60_000;
    const items = defaultCatalogInput().items.slice(0, 4);
    const answer = await admin.call('PUT', '/publishing/catalog', upload(items));
    const part = await catalogPart();
    expect([answer.status, answer.body]).toEqual([200, { version: part!.version }]);
    expect((JSON.parse(part!.body) as { items: unknown[] }).items).toHaveLength(4);
    const [row] = await publications();
    expect(row).toEqual({ seq: expect.any(Number), config_version: part!.version, actor_id: 'county-admin', at: T0 + 60_000, rollback_of: null });
    first = { seq: row!.seq, version: part!.version };
    expect(await trail()).toEqual([{ at: T0 + 60_000, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'publish.catalog', target: `v${part!.version}`, township: null, detail: '4 items' }]);
    const state = (await tuwo.call('GET', '/publishing/catalog')).body as unknown as CatalogPublishingState;
    expect(state.current).toEqual({ version: part!.version, publishedAt: '2026-12-01T09:00:00+08:00', itemCount: 4 });
    expect(state.history).toEqual([{ seq: row!.seq, at: new Date(T0 + 60_000).toISOString(), by: '县人社局 管理员', configVersion: part!.version, rollbackOf: null, current: true, itemCount: 4 }]);
  });

  it('rolls back to an earlier version as a new one, answered, kept and audited', async () => {
    await admin.call('PUT', '/publishing/catalog', upload(defaultCatalogInput().items.slice(0, 6)));
    stand.clock = T0 + 120_000;
    const answer = await admin.call('POST', '/publishing/catalog/rollback', { seq: first.seq });
    const part = await catalogPart();
    expect([answer.status, answer.body]).toEqual([200, { version: part!.version }]);
    expect(part!.version).toBeGreaterThan(first.version + 1);
    expect((JSON.parse(part!.body) as { items: unknown[] }).items).toHaveLength(4);
    expect((await publications()).at(-1)).toEqual({ seq: expect.any(Number), config_version: part!.version, actor_id: 'county-admin', at: T0 + 120_000, rollback_of: first.seq });
    expect((await trail()).at(-1)).toEqual({ at: T0 + 120_000, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'publish.rollback', target: `v${part!.version}`, township: null, detail: `catalog #${first.seq}` });
  });

  it('refuses a rollback without a version, to one never published, or to one that no longer passes the schema', async () => {
    const before = { part: await catalogPart(), publications: await publications(), trail: await trail() };
    expect(await admin.call('POST', '/publishing/catalog/rollback', {})).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'seq' } });
    expect(await admin.call('POST', '/publishing/catalog/rollback', { seq: 999_999 })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    // A version kept from before a schema change (here: written directly) is not published again.
    await record(q(), 'catalog', { ...defaultCatalogInput(), items: [] }, 1, { id: null, name: null }, T0, null);
    const stale = (await publications()).at(-1)!;
    expect(await admin.call('POST', '/publishing/catalog/rollback', { seq: stale.seq })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await catalogPart()).toEqual(before.part);
    expect(await publications()).toEqual([...before.publications, stale]);
    expect(await trail()).toEqual(before.trail);
  });
});
