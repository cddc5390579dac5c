import { registerPoint } from '../../src/county/console/points';
import { markStage } from '../../src/county/console/programme';
import type { CountyServer } from '../../src/county/server';
import type { Fleet, ProgrammePage } from '../../src/shared/console/api';
import { signIn, startConsoleCounty } from '../support/console-fixtures';

/**
 * The long tables (fleet, programme) are sorted, filtered and paged at the gateway: a page carries one screenful
 * and the counts over everything in scope, and paging never lets another township's points through.
 */
describe('console paging', () => {
  let county: CountyServer;
  const now = new Date('2026-11-30T09:00:00Z');
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => now, console: { silentAfterSeconds: 600 } });
    // 120 more villages in 土沃乡 (140105001) and 30 in 北格镇 (140105002); every fourth 土沃乡 village silent.
    for (let i = 0; i < 150; i++) {
      const tuwo = i < 120;
      const kioskId = `${tuwo ? 'tw' : 'bg'}-${i}`;
      await registerPoint(county.query, { kioskId, divisionCode: `${tuwo ? '140105001' : '140105002'}${String(300 + i)}`, name: { 'zh-CN': `${tuwo ? '土沃' : '北格'}村${i}`, en: `Village ${i}` }, level: 'village' });
      const heardAt = new Date(now.getTime() - (i % 4 === 0 ? 3_600_000 : 60_000 + i * 1000));
      const devices = [{ id: 'receipt-printer', kind: 'receiptPrinter', state: i % 10 === 1 ? 'error' : 'online' }];
      const body = JSON.stringify({ kioskId, at: heardAt.toISOString(), appVersion: '0.1.0', configVersion: 3, catalogVersion: 2, queueDepth: i, rejected: 0, oldestPendingAt: null, devices });
      await county.query.insertInto('heartbeats').values({ kiosk_id: kioskId, at: heardAt.toISOString(), body }).execute();
      if (i % 2 === 0) await markStage(county.query, kioskId, 'siteSetUp', true, now.getTime(), { id: 'x', name: 'seed' });
    }
  });
  afterAll(() => county.close());

  it('fleet: one page, counts over the whole scope, sorting and text filter at the gateway, never another township', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const first = (await tuwo.call('GET', '/console/api/fleet')).body as unknown as Fleet;
    // 土沃乡: the two demo kiosks (never heard from) and 120 villages.
    expect(first.page).toEqual({ total: 122, matched: 122, offset: 0, limit: 50 });
    expect(first.rows).toHaveLength(50);
    expect(first.silent).toBe(2 + 30);
    // silent, or a printer in error (i % 10 === 1: 12 villages, none of them silent)
    expect(first.attention).toBe(2 + 30 + 12);
    // Oldest heartbeat first, never-heard points last.
    expect(first.rows.slice(0, 30).every((r) => r.silent)).toBe(true);

    const byQueue = (await tuwo.call('GET', '/console/api/fleet?sort=queue&desc=1&limit=5')).body as unknown as Fleet;
    expect(byQueue.rows.map((r) => r.queueDepth)).toEqual([119, 118, 117, 116, 115]);
    const last = (await tuwo.call('GET', '/console/api/fleet?sort=queue&desc=1&offset=120&limit=5')).body as unknown as Fleet;
    expect(last.rows.map((r) => r.point.kioskId).sort()).toEqual(['demo-kiosk', 'demo-kiosk-2']); // no figures: last either way

    const attention = (await tuwo.call('GET', '/console/api/fleet?only=attention&limit=200')).body as unknown as Fleet;
    expect(attention.page.matched).toBe(44);
    expect(attention.rows.every((r) => r.silent || r.devicesInTrouble > 0)).toBe(true);

    // 北格 names match the text, but 土沃乡 never sees them; a LIKE wildcard in the text is only text.
    expect(((await tuwo.call('GET', `/console/api/fleet?q=${encodeURIComponent('北格')}`)).body as unknown as Fleet).page).toMatchObject({ total: 122, matched: 0 });
    expect(((await tuwo.call('GET', '/console/api/fleet?q=%25')).body as unknown as Fleet).page.matched).toBe(0);
    const one = (await tuwo.call('GET', `/console/api/fleet?q=${encodeURIComponent('土沃村7')}`)).body as unknown as Fleet;
    expect(one.rows.map((r) => r.point.kioskId).sort()).toEqual(['tw-7', 'tw-70', 'tw-71', 'tw-72', 'tw-73', 'tw-74', 'tw-75', 'tw-76', 'tw-77', 'tw-78', 'tw-79']);

    const beige = await signIn(county, 'beige');
    const theirs = (await beige.call('GET', '/console/api/fleet?limit=200')).body as unknown as Fleet;
    expect(theirs.page.total).toBe(31);
    expect(theirs.rows.every((r) => r.point.township === '140105002')).toBe(true);
    expect((await tuwo.call('GET', '/console/api/fleet?limit=0')).status).toBe(400);
  });

  it('fleet: a new heartbeat replaces the stored figures at the next page', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const at = new Date(now.getTime() - 5_000).toISOString();
    const body = JSON.stringify({ kioskId: 'tw-0', at, appVersion: '0.2.0', configVersion: 4, catalogVersion: 2, queueDepth: 999, rejected: 0, oldestPendingAt: null, devices: [] });
    await county.query.updateTable('heartbeats').set({ at, body }).where('kiosk_id', '=', 'tw-0').execute();
    const page = (await tuwo.call('GET', '/console/api/fleet?sort=queue&desc=1&limit=1')).body as unknown as Fleet;
    expect(page.rows[0]).toMatchObject({ point: { kioskId: 'tw-0' }, queueDepth: 999, appVersion: '0.2.0', silent: false });
    expect(page.silent).toBe(2 + 29);
  });

  it('programme: one page, shares and points behind over the whole scope, sort by a stage, only points behind', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const first = (await tuwo.call('GET', '/console/api/programme?limit=20')).body as unknown as ProgrammePage;
    expect(first.page).toEqual({ total: 122, matched: 122, offset: 0, limit: 20 });
    expect(first.rows).toHaveLength(20);
    expect(first.milestones.find((m) => m.stage === 'siteSetUp')!.reached).toBeCloseTo(60 / 122);
    expect(first.milestones.find((m) => m.stage === 'staffAccounts')!.reached).toBe(1); // the demo clerks cover 土沃乡
    expect(first.behind).toBe(122); // agreement and training are past due everywhere

    const bySite = (await tuwo.call('GET', '/console/api/programme?sort=siteSetUp&limit=200')).body as unknown as ProgrammePage;
    expect(bySite.rows.slice(0, 60).every((r) => r.stages.siteSetUp !== null)).toBe(true);
    expect(bySite.rows.slice(60).every((r) => r.stages.siteSetUp === null)).toBe(true);

    const beige = await signIn(county, 'beige');
    const theirs = (await beige.call('GET', '/console/api/programme?only=behind&limit=200')).body as unknown as ProgrammePage;
    expect(theirs.page.total).toBe(31);
    expect(theirs.rows.every((r) => r.point.township === '140105002' && r.behind.length > 0)).toBe(true);
    expect(theirs.milestones.find((m) => m.stage === 'siteSetUp')!.reached).toBeCloseTo(15 / 31);
  });
});
