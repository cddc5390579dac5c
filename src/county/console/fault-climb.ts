import { dueClimbs, type ResponseMinutes } from '../../shared/faults/escalation';
import type { FaultLevel } from '../../shared/sync/protocol';
import { engineOf, type CountyQuery } from '../db/connection';
import { LEVEL_WORDS } from './fault-escalation';
import { publishedResponseTimes, type ResponseFor } from './fault-response';

/** Who a climb is stamped by: the escalation rule itself (the kiosk stamps its own climbs the same way). */
export const SYSTEM_ACTOR = 'system';

/**
 * The county's half of the escalation rule (src/shared/faults/escalation.ts): every open ticket that nobody at its
 * level acknowledged in time climbs, level by level, each climb stamped at the instant the level's time ran out, so
 * the county and the kiosk (which climbs out of its own point) record the same move and the county keeps it once.
 * Each climbed ticket's version is bumped: the kiosk sees the new level, the moves and the words at its next pull.
 * Each point's tickets climb by the response times published to its kiosk (src/county/console/fault-response.ts).
 * Run by the gateway on a timer and before the console reads or moves a ticket. Returns the number of climbs.
 */
export async function climbDueFaults(q: CountyQuery, now: Date, responseFor: ResponseFor = publishedResponseTimes(q)): Promise<number> {
  const candidates = await q.selectFrom('faults').select(['id', 'kiosk_id']).where('state', '!=', 'closed').execute();
  let climbed = 0;
  for (const { id, kiosk_id } of candidates) {
    const response = await responseFor(kiosk_id);
    climbed += await q.transaction().execute((trx) => climbOne(trx, id, now.getTime(), response));
  }
  return climbed;
}

async function climbOne(trx: CountyQuery, faultId: string, now: number, response: ResponseMinutes): Promise<number> {
  // Two passes at once (the timer beside a console read, two staff, two gateways) would each find the same climbs
  // due and record them twice. On PostgreSQL the ticket's row is locked first, so the second pass waits and then
  // reads the level the first one left; on SQLite the gateway's one connection already runs transactions in turn.
  if (engineOf(trx) === 'postgres') await trx.selectFrom('faults').select('id').where('id', '=', faultId).forUpdate().execute();
  // Read again inside the transaction: a console move may have acknowledged or resolved it meanwhile.
  const t = await trx
    .selectFrom('faults as f')
    .leftJoin('fault_escalation as e', 'e.fault_id', 'f.id')
    .select(['f.opened_at', 'f.state', 'e.level', 'e.level_since', 'e.acknowledged_at', 'e.resolved_at'])
    .where('f.id', '=', faultId)
    .executeTakeFirst();
  if (!t || t.state === 'closed') return 0;
  const level = (t.level ?? 'point') as FaultLevel;
  const levelSince = t.level_since ?? Date.parse(t.opened_at);
  // A ticket answered before the console kept escalation (no row) counts as acknowledged at the point.
  const acknowledged = t.level === null ? t.state === 'acknowledged' : t.acknowledged_at !== null;
  const climbs = dueClimbs({ level, levelSince, acknowledged, closed: t.resolved_at != null }, response, now);
  if (climbs.length === 0) return 0;

  await trx
    .insertInto('fault_escalation')
    .values({ fault_id: faultId, level, level_since: levelSince, acknowledged_at: null, acknowledged_by: null, resolved_at: null })
    .onConflict((c) => c.column('fault_id').doNothing())
    .execute();
  // Climbs start from the level the ticket is at now, so a climb the kiosk already reported (it moved the level) is
  // never made again here; the kiosk's copy of one made here is dropped as a duplicate by src/county/fault-reports.ts.
  for (const c of climbs) await trx.insertInto('fault_moves').values({ fault_id: faultId, at: c.at, actor_id: null, actor_name: SYSTEM_ACTOR, action: 'climb', level: c.to, note: null }).execute();
  const last = climbs.at(-1)!;
  await trx.updateTable('fault_escalation').set({ level: last.to, level_since: last.at, acknowledged_at: null, acknowledged_by: null }).where('fault_id', '=', faultId).execute();
  // The county's config version counter: every ticket change takes the next one (the kiosk pulls what is newer).
  const version = await trx
    .insertInto('counters')
    .values({ name: 'config', value: 1 })
    .onConflict((c) => c.column('name').doUpdateSet((e) => ({ value: e('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  await trx.updateTable('faults').set({ state: 'open', note: climbNote(last.to), version: version.value }).where('id', '=', faultId).execute();
  return climbs.length;
}

/** The line the kiosk shows: nobody answered in time, the ticket went up by itself. */
export const climbNote = (to: FaultLevel): string => `无人在时限内受理，已自动转交${LEVEL_WORDS[to]}`;
