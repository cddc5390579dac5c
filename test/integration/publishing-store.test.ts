import { countySite, earlierBody, effectiveSite, ensureBaseline, history, pointSite, publishAnnouncements, publishPointSite, record } from '../../src/county/console/publishing';
import { publishConfigPart } from '../../src/county/county-state';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * Versioned publishing (publishing.ts) called directly on a county database: the baseline each subject gets the first
 * time it is looked at (what the county published before the console, by nobody), the history newest first with who,
 * when and which version it rolled back, what an announcements publication and a point's site settings store (the
 * config part kiosks pull, the point's own row, the history row), the site settings a kiosk ends up with, and the
 * earlier bodies a rollback takes. console-publishing.test.ts covers the same through a started county.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const ADMIN = { id: 'county-admin', name: '县人社局 管理员' };
const TUWO = { id: 'township-tuwo', name: '土沃乡人社所 王建国' };
const winter = { id: 'winter-2026', title: { 'zh-CN': '缴费开始', en: 'Contributions open' }, body: { 'zh-CN': '已开始。', en: 'Open now.' } };
const spring = { id: 'spring-2027', title: { 'zh-CN': '春风行动', en: 'Spring job fair' }, body: { 'zh-CN': '2月20日。', en: 'On 20 February.' }, from: '2027-02-01T00:00:00+08:00' };

describe('versioned publishing on the county database', () => {
  let county: CountyDatabase;
  beforeEach(async () => {
    county = await openTestCountyDatabase('publishing-');
  });
  afterEach(() => closeTestCountyDatabase(county));
  const q = () => county.query;
  const rows = (subject: string) => q().selectFrom('publications').select(['subject', 'body', 'config_version', 'actor_id', 'actor_name', 'at', 'rollback_of']).where('subject', '=', subject).orderBy('seq').execute();
  const part = (name: string) => q().selectFrom('config_parts').select(['version', 'body']).where('part', '=', name).executeTakeFirst();

  describe('ensureBaseline', () => {
    it('keeps the announcements the county published before the console as version one, by nobody, once', async () => {
      const version = await publishConfigPart(q(), 'announcements', [winter]);
      await ensureBaseline(q(), 'announcements', T0);
      await ensureBaseline(q(), 'announcements', T0 + 1);
      expect(await rows('announcements')).toEqual([{ subject: 'announcements', body: JSON.stringify([winter]), config_version: version, actor_id: null, actor_name: null, at: T0, rollback_of: null }]);
    });

    it('starts the announcements from an empty list at version 0 when the county published none', async () => {
      await ensureBaseline(q(), 'announcements', T0);
      expect(await rows('announcements')).toEqual([{ subject: 'announcements', body: '[]', config_version: 0, actor_id: null, actor_name: null, at: T0, rollback_of: null }]);
    });

    it('gives the catalogue a baseline only when the county published one, and a point no settings of its own at version 0', async () => {
      await ensureBaseline(q(), 'catalog', T0);
      expect(await rows('catalog')).toEqual([]);
      await publishConfigPart(q(), 'site', { onDuty: '李秀英' });
      await ensureBaseline(q(), 'site:demo-kiosk-2', T0);
      expect(await rows('site:demo-kiosk-2')).toEqual([{ subject: 'site:demo-kiosk-2', body: '{}', config_version: 0, actor_id: null, actor_name: null, at: T0, rollback_of: null }]);
      // Each subject has its own baseline: one point's does not stand for another's, nor for the announcements.
      await ensureBaseline(q(), 'site:demo-kiosk-3', T0 + 1);
      await ensureBaseline(q(), 'announcements', T0 + 2);
      expect((await rows('site:demo-kiosk-3')).map((r) => r.at)).toEqual([T0 + 1]);
      expect((await rows('announcements')).map((r) => r.at)).toEqual([T0 + 2]);
    });

    it('keeps a catalogue published before the console with its body and version', async () => {
      const body = { version: 1, publishedAt: '2026-12-01T09:00:00+08:00', items: [] };
      await q().insertInto('config_parts').values({ part: 'catalog', version: 7, body: JSON.stringify(body) }).execute();
      await ensureBaseline(q(), 'catalog', T0);
      expect(await rows('catalog')).toEqual([{ subject: 'catalog', body: JSON.stringify(body), config_version: 7, actor_id: null, actor_name: null, at: T0, rollback_of: null }]);
    });
  });

  it('lists a history newest first, at most 50, the newest current, each with who, when, its version and body', async () => {
    await record(q(), 'announcements', [winter], 3, ADMIN, T0, null);
    await record(q(), 'announcements', [spring], 4, TUWO, T0 + 1000, 1);
    const seen = await history(q(), 'announcements', T0 + 5000);
    expect(seen).toEqual([
      { seq: expect.any(Number), at: new Date(T0 + 1000).toISOString(), by: TUWO.name, configVersion: 4, rollbackOf: 1, current: true, body: [spring] },
      { seq: expect.any(Number), at: new Date(T0).toISOString(), by: ADMIN.name, configVersion: 3, rollbackOf: null, current: false, body: [winter] },
    ]);
    expect(seen[0]!.seq).toBeGreaterThan(seen[1]!.seq);
    for (let i = 0; i < 50; i++) await record(q(), 'announcements', [], 10 + i, ADMIN, T0 + 2000 + i, null);
    const long = await history(q(), 'announcements', T0);
    expect(long).toHaveLength(50);
    expect([long[0]!.configVersion, long[49]!.configVersion]).toEqual([59, 10]);
    expect(long.filter((p) => p.current)).toHaveLength(1);
  });

  it('records the baseline when a history is first read, with the time of reading', async () => {
    const version = await publishConfigPart(q(), 'announcements', [winter]);
    expect(await history(q(), 'announcements', T0)).toEqual([{ seq: expect.any(Number), at: new Date(T0).toISOString(), by: null, configVersion: version, rollbackOf: null, current: true, body: [winter] }]);
  });

  it('publishes announcements as the next config version after the baseline, and a rollback names what it restored', async () => {
    const old = await publishConfigPart(q(), 'announcements', [winter]);
    const version = await publishAnnouncements(q(), [spring], ADMIN, T0);
    expect(version).toBeGreaterThan(old);
    expect(await part('announcements')).toEqual({ version, body: JSON.stringify([spring]) });
    expect(await rows('announcements')).toEqual([
      { subject: 'announcements', body: JSON.stringify([winter]), config_version: old, actor_id: null, actor_name: null, at: T0, rollback_of: null },
      { subject: 'announcements', body: JSON.stringify([spring]), config_version: version, actor_id: 'county-admin', actor_name: ADMIN.name, at: T0, rollback_of: null },
    ]);
    const again = await publishAnnouncements(q(), [winter], ADMIN, T0 + 1, 1);
    expect(await part('announcements')).toEqual({ version: again, body: JSON.stringify([winter]) });
    expect((await rows('announcements')).at(-1)).toMatchObject({ config_version: again, rollback_of: 1, at: T0 + 1 });
  });

  it('refuses a list that fails the schema before anything is stored', async () => {
    await expect(publishAnnouncements(q(), [{ ...spring, id: '' }], ADMIN, T0)).rejects.toThrow();
    expect(await part('announcements')).toBeUndefined();
    expect(await rows('announcements')).toEqual([]);
  });

  it("gives a kiosk the county's site settings with its own point's on top", async () => {
    expect(await countySite(q())).toEqual({});
    expect(await pointSite(q(), 'demo-kiosk-2')).toEqual({});
    expect(await effectiveSite(q(), 'demo-kiosk-2')).toEqual({});
    await publishConfigPart(q(), 'site', { onDuty: '李秀英', consultationPhone: '0351-12333' });
    await q().insertInto('point_site_settings').values({ kiosk_id: 'demo-kiosk-2', body: JSON.stringify({ onDuty: '钱晓燕' }) }).execute();
    expect(await countySite(q())).toEqual({ onDuty: '李秀英', consultationPhone: '0351-12333' });
    expect(await pointSite(q(), 'demo-kiosk-2')).toEqual({ onDuty: '钱晓燕' });
    expect(await pointSite(q(), 'demo-kiosk-3')).toEqual({});
    expect(await effectiveSite(q(), 'demo-kiosk-2')).toEqual({ onDuty: '钱晓燕', consultationPhone: '0351-12333' });
    expect(await effectiveSite(q(), 'demo-kiosk-3')).toEqual({ onDuty: '李秀英', consultationPhone: '0351-12333' });
  });

  it("publishes a point's own settings: its row replaced, the county's site part republished unchanged at a new version, kept with who and when", async () => {
    const county0 = await publishConfigPart(q(), 'site', { onDuty: '李秀英', consultationPhone: '0351-12333' });
    const first = await publishPointSite(q(), 'demo-kiosk-2', { onDuty: '钱晓燕' }, TUWO, T0);
    expect(first).toBeGreaterThan(county0);
    expect(await part('site')).toEqual({ version: first, body: JSON.stringify({ onDuty: '李秀英', consultationPhone: '0351-12333' }) });
    expect(await pointSite(q(), 'demo-kiosk-2')).toEqual({ onDuty: '钱晓燕' });
    const second = await publishPointSite(q(), 'demo-kiosk-2', { consultationPhone: '0351-7000001' }, TUWO, T0 + 1, 1);
    expect(second).toBeGreaterThan(first);
    expect(await q().selectFrom('point_site_settings').selectAll().execute()).toEqual([{ kiosk_id: 'demo-kiosk-2', body: JSON.stringify({ consultationPhone: '0351-7000001' }) }]);
    expect(await rows('site:demo-kiosk-2')).toEqual([
      { subject: 'site:demo-kiosk-2', body: '{}', config_version: 0, actor_id: null, actor_name: null, at: T0, rollback_of: null },
      { subject: 'site:demo-kiosk-2', body: JSON.stringify({ onDuty: '钱晓燕' }), config_version: first, actor_id: TUWO.id, actor_name: TUWO.name, at: T0, rollback_of: null },
      { subject: 'site:demo-kiosk-2', body: JSON.stringify({ consultationPhone: '0351-7000001' }), config_version: second, actor_id: TUWO.id, actor_name: TUWO.name, at: T0 + 1, rollback_of: 1 },
    ]);
    expect(await rows('site:demo-kiosk-3')).toEqual([]);
  });

  it('finds an earlier body by subject and number, and none for another subject or a number never used', async () => {
    await record(q(), 'announcements', [winter], 3, ADMIN, T0, null);
    await record(q(), 'site:demo-kiosk-2', { onDuty: '钱晓燕' }, 4, TUWO, T0, null);
    const [a] = await q().selectFrom('publications').select('seq').where('subject', '=', 'announcements').execute();
    const [s] = await q().selectFrom('publications').select('seq').where('subject', '=', 'site:demo-kiosk-2').execute();
    expect(await earlierBody(q(), 'announcements', a!.seq)).toEqual([winter]);
    expect(await earlierBody(q(), 'site:demo-kiosk-2', s!.seq)).toEqual({ onDuty: '钱晓燕' });
    expect(await earlierBody(q(), 'announcements', s!.seq)).toBeNull();
    expect(await earlierBody(q(), 'site:demo-kiosk-3', s!.seq)).toBeNull();
    expect(await earlierBody(q(), 'announcements', s!.seq + 100)).toBeNull();
  });
});
