import type { FaultLevel, FaultMove } from '../../shared/sync/protocol';
import type { CountyDb } from '../county-db';

/** The stamped moves on a fault ticket, oldest first (console escalation queue and the kiosk's config pull). */
export function movesOf(db: CountyDb, faultId: string): FaultMove[] {
  return (db.prepare('SELECT at, action, level, actor_name, note FROM fault_moves WHERE fault_id = ? ORDER BY seq').all(faultId) as Array<{
    at: number;
    action: FaultMove['action'];
    level: FaultLevel;
    actor_name: string;
    note: string | null;
  }>).map((m) => ({ at: new Date(m.at).toISOString(), action: m.action, level: m.level, by: m.actor_name, ...(m.note ? { note: m.note } : {}) }));
}

/** What the kiosk's config pull carries for a ticket besides state and note: its level and its last 50 moves. */
export function escalationForKiosk(db: CountyDb, faultId: string): { level?: FaultLevel; moves?: FaultMove[] } {
  // The console creates these tables; a gateway whose console never started has no escalation to tell.
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fault_escalation'").get();
  if (!table) return {};
  const row = db.prepare('SELECT level FROM fault_escalation WHERE fault_id = ?').get(faultId) as { level: FaultLevel } | undefined;
  if (!row) return {};
  return { level: row.level, moves: movesOf(db, faultId).slice(-50) };
}
