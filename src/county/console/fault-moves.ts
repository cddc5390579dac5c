import type { FaultLevel, FaultMove } from '../../shared/sync/protocol';
import type { CountyQuery } from '../db/connection';

/** The stamped moves on a fault ticket, oldest first (console escalation queue and the kiosk's config pull). */
export async function movesOf(q: CountyQuery, faultId: string): Promise<FaultMove[]> {
  const rows = await q.selectFrom('fault_moves').select(['at', 'action', 'level', 'actor_name', 'note']).where('fault_id', '=', faultId).orderBy('seq').execute();
  return rows.map((m) => ({
    at: new Date(m.at).toISOString(),
    action: m.action as FaultMove['action'],
    level: m.level as FaultLevel,
    by: m.actor_name,
    ...(m.note ? { note: m.note } : {}),
  }));
}

/** What the kiosk's config pull carries for a ticket besides state and note: its level and its last 50 moves. */
export async function escalationForKiosk(q: CountyQuery, faultId: string): Promise<{ level?: FaultLevel; moves?: FaultMove[] }> {
  const row = await q.selectFrom('fault_escalation').select('level').where('fault_id', '=', faultId).executeTakeFirst();
  if (!row) return {};
  return { level: row.level as FaultLevel, moves: (await movesOf(q, faultId)).slice(-50) };
}
