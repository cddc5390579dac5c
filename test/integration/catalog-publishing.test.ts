import type { KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import { nextConfigVersion } from '../../src/county/db/counters';
import { defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { DEFAULT_COUNTY_SETTINGS } from '../../src/shared/catalog/county-settings';
import type { CatalogPreview, CatalogPublishingState } from '../../src/shared/console/catalog-publishing';
import { signIn, startConsoleCounty, startPointKiosk, type ConsoleClient } from '../support/console-fixtures';

jest.setTimeout(90_000);

/**
 * The county publishes a catalogue version from the console: previewed against the one in force, refused with the
 * first bad field when it fails the schema, taken by the kiosk on its next config round (texts, the county's numbers
 * and the date it set them), and rolled back in one action. A bad catalogue that reaches the kiosk anyway (a county
 * bug, a tampered reply) is refused there too, and the kiosk keeps its last good one.
 */
describe('catalogue publishing, console to kiosk', () => {
  let county: CountyServer;
  let core: KioskCore;
  let clerk: Connection;
  let admin: ConsoleClient;
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;

  const call = async <T>(method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(clerk, method, params);
    if ('error' in outcome) throw Object.assign(new Error(`${method}: ${JSON.stringify(outcome.error)}`), { code: outcome.error.code });
    return outcome.result as T;
  };
  const round = () => call<{ ok: boolean; error?: string }>('sync.now');
  const sync = async () => {
    for (let i = 0; i < 3; i++) if ((await round()).ok) return;
    throw new Error('sync failed');
  };
  const card02 = () => call<{ guide: { timeLimit: { 'zh-CN': string } }; summary: { 'zh-CN': string } }>('catalog.get', { code: 'CARD-02' });
  const listing = () => call<{ version: number; source: string; settings: { cardBlockDays: { value: number; setOn: string | null }; pinTries: { value: number } } }>('catalog.list');
  const state = async () => (await admin.call('GET', '/console/api/publishing/catalog')).body as unknown as CatalogPublishingState;

  const withSettings = (changes: Record<string, unknown>, summary?: string) => {
    const input = defaultCatalogInput();
    return {
      ...input,
      publishedAt: '2026-12-01T09:00:00+08:00',
      settings: { ...DEFAULT_COUNTY_SETTINGS, ...changes },
      items: input.items.map((item) => (item.code === 'CARD-02' && summary ? { ...item, summary: { ...item.summary, 'zh-CN': summary } } : item)),
    };
  };

  beforeAll(async () => {
    county = await startConsoleCounty();
    ({ core, technician: clerk } = await startPointKiosk(county, point, 'catalog-publishing'));
    admin = await signIn(county, 'county');
    await sync();
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  let first: number;

  it('previews a version against the one in force, publishes it, and the kiosk takes it on its next round', async () => {
    expect((await listing()).source).toBe('default');
    expect((await state()).current).toBeNull();
    const candidate = withSettings({ cardBlockDays: { value: 7, setOn: '2026-12-01' } }, '社保卡丢了，先在这里临时挂失。');

    const preview = await admin.call('POST', '/console/api/publishing/catalog/preview', { catalog: candidate });
    expect(preview.status).toBe(200);
    const seen = preview.body as unknown as CatalogPreview;
    expect(seen.fromVersion).toBe(1);
    expect(seen.added).toEqual([]);
    expect(seen.removed).toEqual([]);
    expect(seen.changed).toEqual([{ code: 'CARD-02', name: expect.objectContaining({ 'zh-CN': expect.any(String) }), fields: ['summary'] }]);
    expect(seen.settings).toEqual([{ key: 'cardBlockDays', from: { 'zh-CN': '15 天', en: '15 days' }, to: { 'zh-CN': '7 天', en: '7 days' }, setOn: '2026-12-01' }]);
    // A preview publishes nothing.
    expect((await state()).current).toBeNull();

    const put = await admin.call('PUT', '/console/api/publishing/catalog', { catalog: candidate });
    expect(put.status).toBe(200);
    first = put.body.version as number;
    await sync();
    expect(await listing()).toMatchObject({ version: first, source: 'county', settings: { cardBlockDays: { value: 7, setOn: '2026-12-01' } } });
    expect((await card02()).summary['zh-CN']).toBe('社保卡丢了，先在这里临时挂失。');
    expect((await card02()).guide.timeLimit['zh-CN']).toContain('7 天后自动解除');
  });

  it('refuses a catalogue that fails the schema with its first bad field; nothing is published', async () => {
    const bad = defaultCatalogInput();
    const broken = { ...bad, items: bad.items.map((item, i) => (i === 2 ? { ...item, name: { 'zh-CN': item.name['zh-CN'] } } : item)) };
    for (const [method, url] of [['POST', '/console/api/publishing/catalog/preview'], ['PUT', '/console/api/publishing/catalog']] as const) {
      const answer = await admin.call(method, url, { catalog: broken });
      expect([answer.status, answer.body]).toEqual([400, { error: 'invalid_body', field: 'catalog.items.2.name.en' }]);
    }
    const badPin = await admin.call('PUT', '/console/api/publishing/catalog', { catalog: withSettings({ pinTries: { value: 0, setOn: null } }) });
    expect(badPin.body).toEqual({ error: 'invalid_body', field: 'catalog.settings.pinTries.value' });
    expect((await state()).current!.version).toBe(first);
  });

  it('rolls back to the version before in one action; the kiosk follows', async () => {
    const second = await admin.call('PUT', '/console/api/publishing/catalog', { catalog: withSettings({ cardBlockDays: { value: 7, setOn: '2026-12-01' }, pinTries: { value: 5, setOn: '2026-12-02' } }) });
    await sync();
    expect((await listing()).settings.pinTries.value).toBe(5);
    const history = (await state()).history;
    expect(history.map((v) => [v.configVersion, v.current, v.by])).toEqual([
      [second.body.version, true, '县人社局 管理员'],
      [first, false, '县人社局 管理员'],
    ]);
    expect((await admin.call('POST', '/console/api/publishing/catalog/rollback', { seq: history[1]!.seq })).status).toBe(200);
    await sync();
    const after = await listing();
    expect(after.settings.pinTries.value).toBe(3);
    expect(after.settings.cardBlockDays.value).toBe(7);
    expect(after.version).toBeGreaterThan(second.body.version as number);
    expect((await state()).history[0]).toMatchObject({ rollbackOf: history[1]!.seq, current: true });
  });

  it('keeps its last good catalogue when a bad one reaches it anyway', async () => {
    const good = await listing();
    // Bypass the console's check, as a county bug or a tampered store would.
    const version = await nextConfigVersion(county.query);
    const body = JSON.stringify({ ...defaultCatalogInput(), version, items: [] });
    await county.query.updateTable('config_parts').set({ version, body }).where('part', '=', 'catalog').execute();
    const answer = await round();
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('bad_config:catalog') });
    expect(await listing()).toEqual(good);
    expect((await card02()).guide.timeLimit['zh-CN']).toContain('7 天后自动解除');

    // The county mends it by publishing a good version again (here: one rollback); the kiosk's rounds succeed again.
    const history = (await state()).history;
    expect((await admin.call('POST', '/console/api/publishing/catalog/rollback', { seq: history[0]!.seq })).status).toBe(200);
    await sync();
    expect((await listing()).version).toBeGreaterThan(good.version);
    expect((await listing()).settings).toEqual(good.settings);
  });

  it("publishes one item's promised time limit with its own date; the preview names it and the kiosk's guide reads it", async () => {
    const limit = { value: { 'zh-CN': '3 个工作日内办结', en: 'Done within 3 working days' }, setOn: '2026-12-05' };
    const candidate = { ...withSettings({}), settings: { ...(await listing()).settings, timeLimits: { 'JOB-05': limit } } };
    const preview = (await admin.call('POST', '/console/api/publishing/catalog/preview', { catalog: candidate })).body as unknown as CatalogPreview;
    expect(preview.settings).toEqual([
      { key: 'timeLimit', code: 'JOB-05', from: { 'zh-CN': '5 个工作日内审核完成', en: 'Reviewed within 5 working days' }, to: limit.value, setOn: '2026-12-05' },
    ]);
    expect((await admin.call('PUT', '/console/api/publishing/catalog', { catalog: candidate })).status).toBe(200);
    await sync();
    const job05 = await call<{ guide: { timeLimit: { en: string } }; settingsRead: string[] }>('catalog.get', { code: 'JOB-05' });
    expect(job05.guide.timeLimit.en).toBe('Done within 3 working days');
    expect(job05.settingsRead).toContain('timeLimit');
    expect((await call<{ settings: { timeLimits: unknown } }>('catalog.list')).settings.timeLimits).toEqual({ 'JOB-05': limit });
  });

  it('lets a township see the version in force but not preview, publish or roll back', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const seen = (await tuwo.call('GET', '/console/api/publishing/catalog')).body as unknown as CatalogPublishingState;
    expect(seen.mayPublish).toBe(false);
    expect(seen.current).not.toBeNull();
    expect((await tuwo.call('POST', '/console/api/publishing/catalog/preview', { catalog: defaultCatalogInput() })).body).toEqual({ error: 'forbidden' });
    expect((await tuwo.call('PUT', '/console/api/publishing/catalog', { catalog: defaultCatalogInput() })).body).toEqual({ error: 'forbidden' });
    expect((await tuwo.call('POST', '/console/api/publishing/catalog/rollback', { seq: 1 })).body).toEqual({ error: 'forbidden' });
  });
});
