import { escalationForKiosk, movesOf } from '../../src/county/console/fault-moves';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * A ticket's stamped moves (fault-moves.ts) called directly on the county database: in the order they were made
 * (not by their time), each with its ISO time, action, level, who and a note only when there is one; and what the
 * kiosk's config pull carries for a ticket: nothing for a ticket the console never escalated, else its level and its
 * last 50 moves. sync-faults.test.ts and fault-reports-county.test.ts reach escalationForKiosk through a kiosk.
 */
const AT = Date.parse('2026-12-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe("a fault ticket's moves on the county database", () => {
  let county: CountyDatabase;
  const move = (faultId: string, at: number, action: string, level: string, actorName: string, note: string | null = null) =>
    county.query.insertInto('fault_moves').values({ fault_id: faultId, at, actor_id: actorName === 'system' ? null : `id-${actorName}`, actor_name: actorName, action, level, note }).execute();

  beforeAll(async () => {
    county = await openTestCountyDatabase('fault-moves-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('lists the moves of one ticket in the order they were made, each note only when there is one', async () => {
    await move('ticket-a', AT + 60_000, 'acknowledge', 'point', '王所长');
    await move('ticket-b', AT, 'note', 'county', '赵科长', 'not this ticket');
    // Stamped a moment earlier than the move before it (another gateway's clock): still listed after it.
    await move('ticket-a', AT + 30_000, 'passUp', 'township', '王所长', '');
    await move('ticket-a', AT + 90_000, 'climb', 'county', 'system', '无人在时限内受理');
    expect(await movesOf(county.query, 'ticket-a')).toEqual([
      { at: iso(AT + 60_000), action: 'acknowledge', level: 'point', by: '王所长' },
      { at: iso(AT + 30_000), action: 'passUp', level: 'township', by: '王所长' },
      { at: iso(AT + 90_000), action: 'climb', level: 'county', by: 'system', note: '无人在时限内受理' },
    ]);
    expect(await movesOf(county.query, 'ticket-c')).toEqual([]);
  });

  it('gives the kiosk nothing for a ticket the console never escalated, even with moves stored', async () => {
    const carried = await escalationForKiosk(county.query, 'ticket-b');
    expect(carried).toEqual({});
    expect(Object.keys(carried)).toEqual([]);
  });

  it("gives the kiosk an escalated ticket's level and every move while there are at most 50", async () => {
    await county.query.insertInto('fault_escalation').values({ fault_id: 'ticket-a', level: 'county', level_since: AT + 90_000, acknowledged_at: null, acknowledged_by: null, resolved_at: null }).execute();
    expect(await escalationForKiosk(county.query, 'ticket-a')).toEqual({ level: 'county', moves: await movesOf(county.query, 'ticket-a') });
    expect((await escalationForKiosk(county.query, 'ticket-a')).moves).toHaveLength(3);
  });

  it("gives the kiosk only a ticket's last 50 moves, oldest of them first", async () => {
    await county.query.insertInto('fault_escalation').values({ fault_id: 'ticket-d', level: 'vendor', level_since: AT, acknowledged_at: AT, acknowledged_by: '赵科长', resolved_at: null }).execute();
    for (let i = 1; i <= 53; i += 1) await move('ticket-d', AT + i * 1000, 'note', 'vendor', '赵科长', `note ${i}`);
    const carried = await escalationForKiosk(county.query, 'ticket-d');
    expect(carried.level).toBe('vendor');
    expect(carried.moves).toHaveLength(50);
    expect(carried.moves![0]).toEqual({ at: iso(AT + 4000), action: 'note', level: 'vendor', by: '赵科长', note: 'note 4' });
    expect(carried.moves!.at(-1)).toEqual({ at: iso(AT + 53_000), action: 'note', level: 'vendor', by: '赵科长', note: 'note 53' });
  });
});
