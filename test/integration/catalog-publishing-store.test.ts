import { catalogInForce, catalogState, checkCatalog, previewCatalog, publishCatalog } from '../../src/county/console/catalog-publishing';
import { record } from '../../src/county/console/publishing';
import { publishConfigPart } from '../../src/county/county-state';
import type { CountyDatabase } from '../../src/county/db/connection';
import { defaultCatalog, defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { DEFAULT_COUNTY_SETTINGS } from '../../src/shared/catalog/county-settings';
import { CatalogSchema, type Catalog, type CatalogInput } from '../../src/shared/catalog/schema';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The catalogue as the console publishes it (catalog-publishing.ts), called directly on a county database: the
 * schema check and the first bad field it names, the state the console shows (the version in force, the last 20
 * versions), what a preview lists against the catalogue in force (items added, removed and changed field by field,
 * county settings and items' own time limits and bases as they read on the kiosk), and what a publication stores (the
 * config part kiosks pull, the history row with who, when and what it rolled back). catalog-publishing.test.ts covers
 * the same from the console to a kiosk.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const ADMIN = { id: 'county-admin', name: '县人社局 管理员' };
const shipped = defaultCatalog();
const [FIRST, SECOND, THIRD] = shipped.items.map((item) => item.code) as [string, string, string];
const item = (catalog: Catalog, code: string) => catalog.items.find((i) => i.code === code)!;
const nameOf = (catalog: Catalog, code: string) => ({ 'zh-CN': item(catalog, code).name['zh-CN'], en: item(catalog, code).name.en });

/** The shipped catalogue with changes, parsed as the console parses an upload. */
const candidate = (change: (input: CatalogInput) => CatalogInput = (input) => input): Catalog => CatalogSchema.parse(change({ ...defaultCatalogInput(), publishedAt: '2026-12-01T09:00:00+08:00' }));

describe('catalogue publishing on the county database', () => {
  let county: CountyDatabase;
  beforeEach(async () => {
    county = await openTestCountyDatabase('catalog-publishing-');
  });
  afterEach(() => closeTestCountyDatabase(county));
  const part = () => county.query.selectFrom('config_parts').select(['version', 'body']).where('part', '=', 'catalog').executeTakeFirst();
  const rows = () => county.query.selectFrom('publications').selectAll().where('subject', '=', 'catalog').orderBy('seq').execute();

  describe('checkCatalog', () => {
    it('passes a good catalogue parsed, with the schema defaults filled in', () => {
      const input = defaultCatalogInput();
      expect(checkCatalog(input)).toEqual({ ok: true, catalog: CatalogSchema.parse(input) });
    });

    it('names the first bad field under "catalog", path parts joined by dots', () => {
      const input = defaultCatalogInput();
      const broken = { ...input, items: input.items.map((it, i) => (i === 2 ? { ...it, name: { 'zh-CN': it.name['zh-CN'] } } : it)) };
      expect(checkCatalog(broken)).toEqual({ ok: false, field: 'catalog.items.2.name.en' });
      expect(checkCatalog({ ...input, settings: { ...DEFAULT_COUNTY_SETTINGS, pinTries: { value: 0, setOn: null } } })).toEqual({ ok: false, field: 'catalog.settings.pinTries.value' });
      // Not an object at all: the whole catalogue is the bad field.
      expect(checkCatalog(null)).toEqual({ ok: false, field: 'catalog' });
      expect(checkCatalog('catalogue')).toEqual({ ok: false, field: 'catalog' });
    });
  });

  it('shows no catalogue in force and no history before the county publishes one; the shipped one is in force', async () => {
    expect(await catalogState(county.query, true, T0)).toEqual({ mayPublish: true, current: null, history: [] });
    expect(await catalogState(county.query, false, T0)).toEqual({ mayPublish: false, current: null, history: [] });
    expect(await rows()).toEqual([]);
    expect(await catalogInForce(county.query)).toEqual(shipped);
  });

  it('publishes a catalogue as the next config version, keeps it with who and when, and shows it in force', async () => {
    const next = candidate((input) => ({ ...input, items: input.items.slice(0, 5) }));
    const version = await publishCatalog(county.query, next, ADMIN, T0);
    const stored = await part();
    expect(stored!.version).toBe(version);
    // The stored body carries the part's version, so kiosk and county agree on it.
    expect(JSON.parse(stored!.body)).toEqual({ ...next, version });
    const [row, ...more] = await rows();
    expect(more).toEqual([]);
    expect(row).toEqual({ seq: expect.any(Number), subject: 'catalog', body: stored!.body, config_version: version, actor_id: 'county-admin', actor_name: '县人社局 管理员', at: T0, rollback_of: null });
    expect(await catalogInForce(county.query)).toEqual({ ...next, version });
    expect(await catalogState(county.query, true, T0 + 5)).toEqual({
      mayPublish: true,
      current: { version, publishedAt: '2026-12-01T09:00:00+08:00', itemCount: 5 },
      history: [{ seq: row!.seq, at: new Date(T0).toISOString(), by: '县人社局 管理员', configVersion: version, rollbackOf: null, current: true, itemCount: 5 }],
    });

    // A rollback is a new version that names the one it restored.
    const again = await publishCatalog(county.query, next, ADMIN, T0 + 1000, row!.seq);
    expect(again).toBeGreaterThan(version);
    expect((await rows()).map((r) => [r.config_version, r.rollback_of, r.at])).toEqual([
      [version, null, T0],
      [again, row!.seq, T0 + 1000],
    ]);
    expect((await catalogState(county.query, true, T0)).history.map((v) => [v.configVersion, v.rollbackOf, v.current])).toEqual([
      [again, row!.seq, true],
      [version, null, false],
    ]);
  });

  it('keeps what the county published before the console as version one, by nobody, at the first publication', async () => {
    const before = candidate((input) => ({ ...input, items: input.items.slice(0, 2) }));
    const old = await publishConfigPart(county.query, 'catalog', before);
    const oldBody = (await part())!.body;
    const version = await publishCatalog(county.query, candidate(), ADMIN, T0);
    expect((await rows()).map((r) => [r.body === oldBody, r.config_version, r.actor_id, r.actor_name, r.at, r.rollback_of])).toEqual([
      [true, old, null, null, T0, null],
      [false, version, 'county-admin', '县人社局 管理员', T0, null],
    ]);
    expect((await catalogState(county.query, true, T0 + 1)).history.map((v) => [v.configVersion, v.by, v.itemCount])).toEqual([
      [version, '县人社局 管理员', shipped.items.length],
      [old, null, 2],
    ]);
  });

  it('lists the last 20 versions, newest first, counting the items of each and none for a body without items', async () => {
    for (let i = 1; i <= 23; i++) await record(county.query, 'catalog', { items: Array.from({ length: i }, () => ({})) }, i, ADMIN, T0 + i, null);
    await record(county.query, 'catalog', {}, 24, ADMIN, T0 + 24, null);
    await record(county.query, 'catalog', null, 25, ADMIN, T0 + 25, null);
    const { history } = await catalogState(county.query, true, T0);
    expect(history.map((v) => [v.configVersion, v.itemCount, v.current])).toEqual([
      [25, 0, true],
      [24, 0, false],
      ...Array.from({ length: 18 }, (_, i) => [23 - i, 23 - i, false]),
    ]);
    expect(Object.keys(history[0]!).sort()).toEqual(['at', 'by', 'configVersion', 'current', 'itemCount', 'rollbackOf', 'seq']);
  });

  it('reads a stored catalogue that fails the schema as none in force, so the shipped one stands', async () => {
    const version = await publishCatalog(county.query, candidate(), ADMIN, T0);
    await county.query.updateTable('config_parts').set({ body: JSON.stringify({ ...defaultCatalogInput(), version, items: [] }) }).where('part', '=', 'catalog').execute();
    expect((await catalogState(county.query, true, T0)).current).toBeNull();
    expect(await catalogInForce(county.query)).toEqual(shipped);
  });

  describe('previewCatalog', () => {
    it('lists items added, removed and changed (each changed field once, sorted) against the shipped catalogue', async () => {
      const next = candidate((input) => ({
        ...input,
        items: [
          ...input.items
            .filter((it) => it.code !== SECOND)
            .map((it) => (it.code === FIRST ? { ...it, summary: { ...it.summary, 'zh-CN': '改过的说明' }, keywords: ['新词'], settingsRead: ['pinTries' as const] } : it)),
          { ...input.items.find((it) => it.code === THIRD)!, code: 'ZZZ-99', name: { 'zh-CN': '新事项', en: 'New item' } },
        ],
      }));
      expect(await previewCatalog(county.query, next)).toEqual({
        fromVersion: shipped.version,
        itemCount: shipped.items.length,
        added: [{ code: 'ZZZ-99', name: { 'zh-CN': '新事项', en: 'New item' } }],
        removed: [{ code: SECOND, name: nameOf(shipped, SECOND) }],
        changed: [{ code: FIRST, name: nameOf(shipped, FIRST), fields: ['keywords', 'settingsRead', 'summary'] }],
        settings: [],
      });
    });

    it('compares with the catalogue in force: a field only the one in force has is a change too', async () => {
      const published = candidate((input) => ({ ...input, items: input.items.map((it) => (it.code === FIRST ? { ...it, settingsRead: ['pinTries' as const] } : it)) }));
      const version = await publishCatalog(county.query, published, ADMIN, T0);
      const preview = await previewCatalog(county.query, candidate());
      expect(preview).toMatchObject({ fromVersion: version, added: [], removed: [], settings: [] });
      expect(preview.changed).toEqual([{ code: FIRST, name: nameOf(shipped, FIRST), fields: ['settingsRead'] }]);
    });

    it('lists each county setting whose value or date changes, as it reads on the kiosk in both languages', async () => {
      const next = candidate((input) => ({
        ...input,
        settings: { ...DEFAULT_COUNTY_SETTINGS, cardBlockDays: { value: 7, setOn: '2026-12-01' }, startupLoanCap: { value: 300_000, setOn: '2026-12-02' }, pinTries: { value: 5, setOn: null } },
      }));
      expect((await previewCatalog(county.query, next)).settings).toEqual([
        { key: 'startupLoanCap', from: { 'zh-CN': '30 万元', en: '300,000 yuan' }, to: { 'zh-CN': '30 万元', en: '300,000 yuan' }, setOn: '2026-12-02' },
        { key: 'cardBlockDays', from: { 'zh-CN': '15 天', en: '15 days' }, to: { 'zh-CN': '7 天', en: '7 days' }, setOn: '2026-12-01' },
        { key: 'pinTries', from: { 'zh-CN': '3 次', en: '3 times' }, to: { 'zh-CN': '5 次', en: '5 times' }, setOn: null },
      ]);
    });

    it("lists items' own time limits and bases the candidate sets, time limits first, codes in order, read as the kiosk reads them", async () => {
      const limit = { value: { 'zh-CN': '3 个工作日内办结', en: 'Done within 3 working days' }, setOn: '2026-12-05' };
      const laws = { value: [{ 'zh-CN': '《甲法》', en: 'Law A' }, { 'zh-CN': '《乙条例》', en: 'Regulation B' }], setOn: '2026-12-06' };
      // Set in the reverse of code order: the preview lists them in code order.
      const inOrder = [FIRST, SECOND].sort();
      const next = candidate((input) => ({ ...input, settings: { ...DEFAULT_COUNTY_SETTINGS, timeLimits: { [inOrder[1]!]: limit, [inOrder[0]!]: limit }, legalBasis: { [FIRST]: laws } } }));
      const guide = (code: string) => item(shipped, code).guide;
      const basisText = (code: string) => ({ 'zh-CN': guide(code).basis.map((b) => b['zh-CN']).join('；'), en: guide(code).basis.map((b) => b.en).join('; ') });
      expect((await previewCatalog(county.query, next)).settings).toEqual([
        ...inOrder.map((code) => ({ key: 'timeLimit', code, from: guide(code).timeLimit, to: limit.value, setOn: '2026-12-05' })),
        { key: 'legalBasis', code: FIRST, from: basisText(FIRST), to: { 'zh-CN': '《甲法》；《乙条例》', en: 'Law A; Regulation B' }, setOn: '2026-12-06' },
      ]);

      // Published, then dropped again with the item itself: back to the item's text, or nothing where the item is gone.
      await publishCatalog(county.query, next, ADMIN, T0);
      // The same settings again change nothing.
      expect((await previewCatalog(county.query, next)).settings).toEqual([]);
      const dropped = candidate((input) => ({ ...input, items: input.items.filter((it) => it.code !== FIRST) }));
      const preview = await previewCatalog(county.query, dropped);
      expect(preview.removed).toEqual([{ code: FIRST, name: nameOf(shipped, FIRST) }]);
      expect(preview.settings).toEqual([
        ...inOrder.map((code) => ({ key: 'timeLimit', code, from: limit.value, to: code === FIRST ? { 'zh-CN': '', en: '' } : guide(code).timeLimit, setOn: null })),
        { key: 'legalBasis', code: FIRST, from: { 'zh-CN': '《甲法》；《乙条例》', en: 'Law A; Regulation B' }, to: { 'zh-CN': '', en: '' }, setOn: null },
      ]);
    });
  });
});
