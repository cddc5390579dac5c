import { recordFaultReport } from '../../src/county/fault-reports';
import { currentConfigVersion } from '../../src/county/db/counters';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { FaultMove, FaultReport } from '../../src/shared/sync/protocol';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

const OPENED = '2026-11-02T01:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(OPENED) + minutes * 60_000).toISOString();
const ms = (minutes: number) => Date.parse(OPENED) + minutes * 60_000;
const ticket = (id: string, moves?: FaultMove[]): FaultReport['tickets'][number] => ({ id, openedAt: OPENED, deviceId: 'receipt-printer', summary: 'paper jam', ...(moves ? { moves } : {}) });

/**
 * The point's fault tickets arriving at the county (store level, on the test engine): console-faults.test.ts reports
 * tickets over HTTP and moves them from the console; here each move a kiosk may send is read back in the county's
 * three fault tables, with the ticket's version.
 */
describe(`fault reports at the county (${countyTestEngine})`, () => {
  let db: CountyDatabase;
  beforeAll(async () => {
    db = await openTestCountyDatabase('county-fault-reports-');
  });
  afterAll(() => db.close());
  const fault = (id: string) => db.query.selectFrom('faults').select(['kiosk_id', 'opened_at', 'device_id', 'summary', 'state', 'version']).where('id', '=', id).executeTakeFirst();
  const moves = (id: string) =>
    db.query.selectFrom('fault_moves').select(['at', 'actor_id', 'actor_name', 'action', 'level', 'note']).where('fault_id', '=', id).orderBy('seq').execute();
  const escalation = (id: string) =>
    db.query.selectFrom('fault_escalation').select(['level', 'level_since', 'acknowledged_at', 'acknowledged_by', 'resolved_at']).where('fault_id', '=', id).executeTakeFirst();

  it('keeps a new ticket open at version 0, with no moves and no escalation, and the config version untouched', async () => {
    const before = await currentConfigVersion(db.query);
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-new'), { ...ticket('f-new-2'), deviceId: null, moves: [] }]);
    expect(await fault('f-new')).toStrictEqual({ kiosk_id: 'kiosk-a', opened_at: OPENED, device_id: 'receipt-printer', summary: 'paper jam', state: 'open', version: 0 });
    expect(await fault('f-new-2')).toMatchObject({ device_id: null, state: 'open', version: 0 });
    expect(await moves('f-new')).toEqual([]);
    expect(await escalation('f-new')).toBeUndefined();
    expect(await currentConfigVersion(db.query)).toBe(before);
  });

  it('applies the point’s moves in time order whatever order they came in, each stamped by the kiosk, and moves the ticket', async () => {
    const before = await currentConfigVersion(db.query);
    await recordFaultReport(db.query, 'kiosk-a', [
      ticket('f-1', [
        { at: at(30), action: 'note', level: 'point', by: '李秀英', note: 'paper path checked' },
        { at: at(10), action: 'acknowledge', level: 'point', by: '李秀英' },
      ]),
    ]);
    expect(await moves('f-1')).toStrictEqual([
      { at: ms(10), actor_id: 'kiosk:kiosk-a', actor_name: '李秀英', action: 'acknowledge', level: 'point', note: null },
      { at: ms(30), actor_id: 'kiosk:kiosk-a', actor_name: '李秀英', action: 'note', level: 'point', note: 'paper path checked' },
    ]);
    expect(await escalation('f-1')).toStrictEqual({ level: 'point', level_since: ms(0), acknowledged_at: ms(10), acknowledged_by: '李秀英', resolved_at: null });
    // A note does not change the state: acknowledged, from the earlier move.
    const first = await fault('f-1');
    expect(first).toMatchObject({ state: 'acknowledged' });
    expect(first!.version).toBeGreaterThan(before);
    expect(await currentConfigVersion(db.query)).toBe(first!.version);

    // The climb out of the point: the new level from its instant, open and unacknowledged there.
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-1', [{ at: at(120), action: 'climb', level: 'township', by: 'system' }])]);
    expect(await escalation('f-1')).toStrictEqual({ level: 'township', level_since: ms(120), acknowledged_at: null, acknowledged_by: null, resolved_at: null });
    expect(await fault('f-1')).toMatchObject({ state: 'open' });

    // Resolved after a passing self-test: closed, the escalation keeps its level and notes the time.
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-1', [{ at: at(200), action: 'resolve', level: 'township', by: '李秀英', note: 'self-test passed' }])]);
    expect(await escalation('f-1')).toStrictEqual({ level: 'township', level_since: ms(120), acknowledged_at: null, acknowledged_by: null, resolved_at: ms(200) });
    expect(await fault('f-1')).toMatchObject({ state: 'closed' });

    // Came back within the week: reopened, open at the same level from the instant it came back, unacknowledged.
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-1', [{ at: at(300), action: 'acknowledge', level: 'township', by: '李秀英' }])]);
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-1', [{ at: at(400), action: 'reopen', level: 'township', by: '李秀英' }])]);
    expect(await escalation('f-1')).toStrictEqual({ level: 'township', level_since: ms(400), acknowledged_at: null, acknowledged_by: null, resolved_at: null });
    expect(await fault('f-1')).toMatchObject({ state: 'open' });

    // Passed up from the point by the clerk: the level moves, the state does not.
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-1', [{ at: at(410), action: 'acknowledge', level: 'township', by: '李秀英' }])]);
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-1', [{ at: at(420), action: 'passUp', level: 'county', by: '李秀英' }])]);
    expect(await escalation('f-1')).toStrictEqual({ level: 'county', level_since: ms(420), acknowledged_at: null, acknowledged_by: null, resolved_at: null });
    expect(await fault('f-1')).toMatchObject({ state: 'acknowledged' });
    expect((await moves('f-1')).map((m) => [m.action, m.level])).toEqual([
      ['acknowledge', 'point'],
      ['note', 'point'],
      ['climb', 'township'],
      ['resolve', 'township'],
      ['acknowledge', 'township'],
      ['reopen', 'township'],
      ['acknowledge', 'township'],
      ['passUp', 'county'],
    ]);
  });

  it('keeps a move sent again once, and then neither moves the ticket nor gives it a new version', async () => {
    const move: FaultMove = { at: at(15), action: 'acknowledge', level: 'point', by: '李秀英' };
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-2', [move])]);
    const version = (await fault('f-2'))!.version;
    // The console closed it meanwhile; the kiosk's answer was lost and it sends the same move again.
    await db.query.updateTable('faults').set({ state: 'closed' }).where('id', '=', 'f-2').execute();
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-2', [move])]);
    expect(await moves('f-2')).toHaveLength(1);
    expect(await fault('f-2')).toMatchObject({ state: 'closed', version });
    // The same instant with another action, or at another level, is another move.
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-2', [{ ...move, action: 'note', note: 'n' }, { ...move, level: 'township' }])]);
    expect((await moves('f-2')).map((m) => [m.action, m.level])).toEqual([
      ['acknowledge', 'point'],
      ['note', 'point'],
      ['acknowledge', 'township'],
    ]);
    expect((await fault('f-2'))!.version).toBeGreaterThan(version);
  });

  it('keeps the escalation a console already started: a point move joins it, the level_since stays', async () => {
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-3')]);
    await db.query.insertInto('fault_escalation').values({ fault_id: 'f-3', level: 'county', level_since: ms(500), acknowledged_at: null, acknowledged_by: null, resolved_at: null }).execute();
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-3', [{ at: at(510), action: 'note', level: 'county', by: '李秀英', note: 'still jammed' }])]);
    expect(await escalation('f-3')).toStrictEqual({ level: 'county', level_since: ms(500), acknowledged_at: null, acknowledged_by: null, resolved_at: null });
    expect(await fault('f-3')).toMatchObject({ state: 'open' });
  });

  it("never touches another kiosk's ticket that has the same id, nor takes its moves", async () => {
    await recordFaultReport(db.query, 'kiosk-a', [ticket('f-4')]);
    const version = (await fault('f-4'))!.version;
    await recordFaultReport(db.query, 'kiosk-b', [{ ...ticket('f-4', [{ at: at(5), action: 'resolve', level: 'point', by: 'someone' }]), summary: 'not mine' }, ticket('f-5', [{ at: at(5), action: 'acknowledge', level: 'point', by: '王' }])]);
    expect(await fault('f-4')).toStrictEqual({ kiosk_id: 'kiosk-a', opened_at: OPENED, device_id: 'receipt-printer', summary: 'paper jam', state: 'open', version });
    expect(await moves('f-4')).toEqual([]);
    expect(await escalation('f-4')).toBeUndefined();
    // The ticket after it in the same report is still taken.
    expect(await fault('f-5')).toMatchObject({ kiosk_id: 'kiosk-b', state: 'acknowledged' });
    expect(await moves('f-5')).toMatchObject([{ actor_id: 'kiosk:kiosk-b', action: 'acknowledge' }]);
  });
});
