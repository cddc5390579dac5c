import type { Db } from './database';

export interface FaultTicket {
  id: string;
  openedAt: string;
  deviceId: string | null;
  summary: string;
  state: 'open' | 'sent' | 'acknowledged' | 'closed';
  countyNote: string | null;
  updatedAt: string;
}

export function insertFaultTicket(db: Db, t: { id: string; openedAt: string; deviceId: string | null; summary: string }): void {
  db.prepare('INSERT INTO fault_tickets (id, opened_at, device_id, summary, updated_at) VALUES (?, ?, ?, ?, ?)').run(t.id, t.openedAt, t.deviceId, t.summary, t.openedAt);
}

export function updateFaultTicket(db: Db, id: string, state: FaultTicket['state'], note: string | null, at: string): void {
  db.prepare('UPDATE fault_tickets SET state = ?, county_note = COALESCE(?, county_note), updated_at = ? WHERE id = ?').run(state, note, at, id);
}

export function listFaultTickets(db: Db): FaultTicket[] {
  return (
    db.prepare('SELECT id, opened_at, device_id, summary, state, county_note, updated_at FROM fault_tickets ORDER BY opened_at DESC').all() as Array<{
      id: string;
      opened_at: string;
      device_id: string | null;
      summary: string;
      state: FaultTicket['state'];
      county_note: string | null;
      updated_at: string;
    }>
  ).map((r) => ({ id: r.id, openedAt: r.opened_at, deviceId: r.device_id, summary: r.summary, state: r.state, countyNote: r.county_note, updatedAt: r.updated_at }));
}
