import { FAULT_LEVELS, type FaultLevel } from '../../shared/sync/protocol';
import type { FaultAction, FaultQueue, FaultTicketRow, Scope } from '../../shared/console/api';
import { updateFault } from '../county-state';
import type { CountyQuery } from '../db/connection';
import { allRows, firstRow } from '../db/raw';
import { inTransaction } from '../db/transaction';
import { countyResponseTimes, publishedResponseTimes, type ResponseFor } from './fault-response';
import { movesOf } from './fault-moves';
import { toPoint } from './points';
import { pointCondition } from './scope';

/**
 * The escalation queue (故障排除上下联动): a ticket starts at its point, and township or county staff acknowledge it,
 * add notes, pass it up (township -> county -> vendor) or resolve it. Each level has a response time set by the
 * county; a level that has not acknowledged in time is overdue. Every move is stamped and travels to the kiosk with
 * the next config pull (the faults row's version is bumped, and configSince adds level and moves).
 */

/** Township staff act while a ticket is at the point or the township; the county admin at every level. */
const TOWNSHIP_LEVELS: readonly FaultLevel[] = ['point', 'township'];

interface TicketRow {
  id: string;
  kiosk_id: string;
  opened_at: string;
  device_id: string | null;
  summary: string;
  state: 'open' | 'acknowledged' | 'closed';
  fault_level: FaultLevel | null;
  level_since: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
}

function allowedMoves(scope: Scope, t: { level: FaultLevel; state: string; acknowledged: boolean }): FaultAction[] {
  if (t.state === 'closed') return [];
  if (scope.kind !== 'county' && !TOWNSHIP_LEVELS.includes(t.level)) return [];
  return [...(t.acknowledged ? [] : (['acknowledge'] as const)), 'note', ...(t.level === 'vendor' ? [] : (['passUp'] as const)), 'resolve'];
}

const TICKETS_SQL = (where: string) => `
  SELECT p.*, f.id, f.kiosk_id, f.opened_at, f.device_id, f.summary, f.state, e.level AS fault_level, e.level_since, e.acknowledged_at, e.acknowledged_by, e.resolved_at
  FROM faults f JOIN points p ON p.kiosk_id = f.kiosk_id LEFT JOIN fault_escalation e ON e.fault_id = f.id
  WHERE ${where}`;

async function toRow(db: CountyQuery, r: TicketRow & Parameters<typeof toPoint>[0], scope: Scope, now: number, responseFor: ResponseFor): Promise<FaultTicketRow> {
  const response = await responseFor(r.kiosk_id);
  const level = r.fault_level ?? 'point';
  const levelSince = r.level_since ?? Date.parse(r.opened_at);
  const acknowledged = r.acknowledged_at !== null;
  const due = r.state === 'closed' || acknowledged ? null : levelSince + response[level] * 60_000;
  return {
    id: r.id,
    point: toPoint(r),
    deviceId: r.device_id,
    summary: r.summary,
    openedAt: r.opened_at,
    state: r.state,
    level,
    levelSince: new Date(levelSince).toISOString(),
    dueAt: due === null ? null : new Date(due).toISOString(),
    overdue: due !== null && due < now,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at).toISOString(),
    allowed: allowedMoves(scope, { level, state: r.state, acknowledged }),
    moves: await movesOf(db, r.id),
  };
}

/** Open tickets first (overdue, then the oldest due), then the last 50 resolved. */
export async function faultQueue(db: CountyQuery, scope: Scope, now: Date, responseFor: ResponseFor = publishedResponseTimes(db)): Promise<FaultQueue> {
  const where = pointCondition(scope);
  const rows = await allRows<TicketRow & Parameters<typeof toPoint>[0]>(db, `${TICKETS_SQL(where.sql)} ORDER BY f.state = 'closed', f.opened_at`, where.params);
  const open = rows.filter((r) => r.state !== 'closed');
  const closed = rows.filter((r) => r.state === 'closed').slice(-50);
  const tickets: FaultTicketRow[] = [];
  for (const r of [...open, ...closed]) tickets.push(await toRow(db, r, scope, now.getTime(), responseFor));
  return { now: now.toISOString(), responseMinutes: await countyResponseTimes(db), tickets };
}

export type MoveOutcome = { ok: true; ticket: FaultTicketRow; township: string } | { ok: false; status: 403 | 404 | 409; error: 'forbidden' | 'not_found' | 'conflict' };

export const LEVEL_WORDS: Record<FaultLevel, string> = { point: '服务点', township: '乡镇人社所', county: '县人社局', vendor: '设备厂家' };
const ACTION_WORDS: Record<FaultAction, string> = { acknowledge: '已受理', note: '备注', passUp: '已转交', resolve: '已解决' };

/** The line the kiosk shows as the county's latest answer (the structured moves travel beside it). */
function kioskNote(action: FaultAction, level: FaultLevel, by: string, note: string | undefined): string {
  const head = action === 'passUp' ? `${ACTION_WORDS.passUp}${LEVEL_WORDS[level]}` : `${LEVEL_WORDS[level]}${ACTION_WORDS[action]}`;
  return `${head}（${by}）${note ? `：${note}` : ''}`.slice(0, 500);
}

/** One move on a ticket, checked against the actor's scope and the ticket's level, in one transaction. */
export async function moveFault(
  q: CountyQuery,
  actor: { id: string; name: string; scope: Scope },
  faultId: string,
  action: FaultAction,
  note: string | undefined,
  now: Date,
  responseFor?: ResponseFor,
): Promise<MoveOutcome> {
  return inTransaction(q, async (db): Promise<MoveOutcome> => {
    const where = pointCondition(actor.scope);
    const row = await firstRow<TicketRow & Parameters<typeof toPoint>[0]>(db, TICKETS_SQL(`f.id = ? AND ${where.sql}`), [faultId, ...where.params]);
    if (!row) return { ok: false, status: 404, error: 'not_found' };
    const response = responseFor ?? publishedResponseTimes(db);
    const before = await toRow(db, row, actor.scope, now.getTime(), response);
    if (!before.allowed.includes(action)) {
      const withinLevel = actor.scope.kind === 'county' || TOWNSHIP_LEVELS.includes(before.level);
      return withinLevel ? { ok: false, status: 409, error: 'conflict' } : { ok: false, status: 403, error: 'forbidden' };
    }
    const at = now.getTime();
    const level = action === 'passUp' ? FAULT_LEVELS[FAULT_LEVELS.indexOf(before.level) + 1]! : before.level;
    await db
      .insertInto('fault_escalation')
      .values({ fault_id: faultId, level: before.level, level_since: Date.parse(before.levelSince), acknowledged_at: null, acknowledged_by: null, resolved_at: null })
      .onConflict((c) => c.column('fault_id').doNothing())
      .execute();
    const escalation = db.updateTable('fault_escalation').where('fault_id', '=', faultId);
    if (action === 'acknowledge') await escalation.set({ acknowledged_at: at, acknowledged_by: actor.name }).execute();
    if (action === 'passUp') await escalation.set({ level, level_since: at, acknowledged_at: null, acknowledged_by: null }).execute();
    if (action === 'resolve') await escalation.set({ resolved_at: at }).execute();
    await db.insertInto('fault_moves').values({ fault_id: faultId, at, actor_id: actor.id, actor_name: actor.name, action, level, note: note ?? null }).execute();
    await updateFault(db, faultId, action === 'resolve' ? 'closed' : 'acknowledged', kioskNote(action, level, actor.name, note));
    const after = (await firstRow<TicketRow & Parameters<typeof toPoint>[0]>(db, TICKETS_SQL('f.id = ?'), [faultId]))!;
    return { ok: true, ticket: await toRow(db, after, actor.scope, at, response), township: row.township };
  });
}
