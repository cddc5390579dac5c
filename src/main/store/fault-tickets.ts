import { FaultMoveSchema, type FaultLevel, type FaultMove } from '../../shared/sync/protocol';
import { stmt } from './statements';
import type { Db } from './database';

/**
 * A fault ticket as the kiosk keeps it. `state`: open (not yet at the county, or the point has moves to tell it),
 * sent (the county holds it and knows every move), acknowledged (somebody at its level took it), closed.
 */
export interface FaultTicket {
  id: string;
  openedAt: string;
  deviceId: string | null;
  summary: string;
  state: 'open' | 'sent' | 'acknowledged' | 'closed';
  countyNote: string | null;
  updatedAt: string;
  level: FaultLevel;
  levelSince: string;
  acknowledgedBy: string | null;
  moves: FaultMove[];
  unsentMoves: FaultMove[];
  closeOfferedAt: string | null;
  closedAt: string | null;
}

interface Row {
  id: string;
  opened_at: string;
  device_id: string | null;
  summary: string;
  state: FaultTicket['state'];
  county_note: string | null;
  updated_at: string;
  level: FaultLevel;
  level_since: string | null;
  acknowledged_by: string | null;
  moves: string;
  unsent_moves: string;
  close_offered_at: string | null;
  closed_at: string | null;
}

const parseMoves = (json: string): FaultMove[] => FaultMoveSchema.array().parse(JSON.parse(json));

const toTicket = (r: Row): FaultTicket => ({
  id: r.id,
  openedAt: r.opened_at,
  deviceId: r.device_id,
  summary: r.summary,
  state: r.state,
  countyNote: r.county_note,
  updatedAt: r.updated_at,
  level: r.level,
  levelSince: r.level_since ?? r.opened_at,
  acknowledgedBy: r.acknowledged_by,
  moves: parseMoves(r.moves),
  unsentMoves: parseMoves(r.unsent_moves),
  closeOfferedAt: r.close_offered_at,
  closedAt: r.closed_at,
});

export function insertFaultTicket(db: Db, t: { id: string; openedAt: string; deviceId: string | null; summary: string }): void {
  stmt(db, 'INSERT INTO fault_tickets (id, opened_at, device_id, summary, updated_at, level_since) VALUES (?, ?, ?, ?, ?, ?)').run(t.id, t.openedAt, t.deviceId, t.summary, t.openedAt, t.openedAt);
}

/** State and the county's note (the sync engine marks tickets sent; the county's answers arrive with the config). */
export function updateFaultTicket(db: Db, id: string, state: FaultTicket['state'], note: string | null, at: string): void {
  stmt(db, 'UPDATE fault_tickets SET state = ?, county_note = COALESCE(?, county_note), updated_at = ? WHERE id = ?').run(state, note, at, id);
}

/** Writes a ticket's escalation fields as a whole (the fault desk computes them). */
export function saveFaultTicket(db: Db, t: FaultTicket): void {
  stmt(
    db,
    `UPDATE fault_tickets SET state = @state, county_note = @countyNote, updated_at = @updatedAt, level = @level, level_since = @levelSince,
       acknowledged_by = @acknowledgedBy, moves = @moves, unsent_moves = @unsentMoves, close_offered_at = @closeOfferedAt, closed_at = @closedAt WHERE id = @id`,
  ).run({ ...t, moves: JSON.stringify(t.moves), unsentMoves: JSON.stringify(t.unsentMoves) });
}

export function getFaultTicket(db: Db, id: string): FaultTicket | null {
  const row = stmt(db, 'SELECT * FROM fault_tickets WHERE id = ?').get(id) as Row | undefined;
  return row ? toTicket(row) : null;
}

export function listFaultTickets(db: Db): FaultTicket[] {
  return (stmt(db, 'SELECT * FROM fault_tickets ORDER BY opened_at DESC').all() as Row[]).map(toTicket);
}
