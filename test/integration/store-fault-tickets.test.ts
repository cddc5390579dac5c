import { getFaultTicket, insertFaultTicket, listFaultTickets, saveFaultTicket, updateFaultTicket, type FaultTicket } from '../../src/main/store/fault-tickets';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

const iso = (ms: number) => new Date(Date.parse('2026-11-30T02:00:00.000Z') + ms).toISOString();

/** The kiosk's fault tickets: every field read back, the county's note kept when none comes, escalation saved whole. */
describe('fault tickets (store)', () => {
  it('opens a ticket at the point, keeps the note when an update brings none, saves escalation whole, lists newest first', () => {
    const store = openTestStore(tempDataDir('store-fault-tickets-'));
    insertFaultTicket(store.db, { id: 'f-1', openedAt: iso(0), deviceId: 'receipt-printer', summary: 'paper out' });
    insertFaultTicket(store.db, { id: 'f-2', openedAt: iso(1000), deviceId: null, summary: 'screen dark' });
    const opened: FaultTicket = {
      id: 'f-1',
      openedAt: iso(0),
      deviceId: 'receipt-printer',
      summary: 'paper out',
      state: 'open',
      countyNote: null,
      updatedAt: iso(0),
      level: 'point',
      levelSince: iso(0),
      acknowledgedBy: null,
      moves: [],
      unsentMoves: [],
      closeOfferedAt: null,
      closedAt: null,
    };
    expect(getFaultTicket(store.db, 'f-1')).toStrictEqual(opened);
    expect(getFaultTicket(store.db, 'no-such-ticket')).toBeNull();

    updateFaultTicket(store.db, 'f-1', 'acknowledged', 'on the way', iso(2000));
    updateFaultTicket(store.db, 'f-1', 'sent', null, iso(3000));
    expect(getFaultTicket(store.db, 'f-1')).toStrictEqual({ ...opened, state: 'sent', countyNote: 'on the way', updatedAt: iso(3000) });
    expect(getFaultTicket(store.db, 'f-2')).toMatchObject({ state: 'open', countyNote: null, updatedAt: iso(1000) });

    const climbed: FaultTicket = {
      ...opened,
      state: 'closed',
      countyNote: 'paper loaded',
      updatedAt: iso(9000),
      level: 'township',
      levelSince: iso(5000),
      acknowledgedBy: 'tuwo',
      moves: [
        { at: iso(5000), action: 'climb', level: 'township', by: 'system' },
        { at: iso(6000), action: 'acknowledge', level: 'township', by: 'tuwo', note: 'coming' },
      ],
      unsentMoves: [{ at: iso(8000), action: 'resolve', level: 'township', by: 'clerk-li' }],
      closeOfferedAt: iso(7000),
      closedAt: iso(9000),
    };
    saveFaultTicket(store.db, climbed);
    expect(getFaultTicket(store.db, 'f-1')).toStrictEqual(climbed);
    expect(listFaultTickets(store.db).map((t) => t.id)).toEqual(['f-2', 'f-1']);
    // A row from before escalation (no level_since) reads as levelled since it opened.
    store.db.prepare('UPDATE fault_tickets SET level_since = NULL, updated_at = ? WHERE id = ?').run(iso(4000), 'f-2');
    expect(getFaultTicket(store.db, 'f-2')!.levelSince).toBe(iso(1000));
    store.close();
  });
});
