import type { FaultMove, FaultReport } from '../shared/sync/protocol';
import { nextConfigVersion, type CountyDb } from './county-db';

/**
 * The point's side of a ticket arriving at the county (POST /v1/faults): new tickets are kept, and the moves made at
 * the point (acknowledge, note, climb out of the point, resolve after a passing self-test, reopen) join the ticket's
 * stamped moves once each (a move sent again after a lost answer is the same move: same instant, action and level)
 * and move the ticket as the console's own moves do. Then the ticket's version is bumped so the kiosk gets the
 * county's whole list back with its next config pull.
 */
export function recordFaultReport(db: CountyDb, kioskId: string, tickets: FaultReport['tickets']): void {
  const insert = db.prepare("INSERT OR IGNORE INTO faults (id, kiosk_id, opened_at, device_id, summary, state, version) VALUES (?, ?, ?, ?, ?, 'open', 0)");
  // The console creates the escalation tables; a bare gateway keeps the ticket's state only.
  const escalation = Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fault_moves'").get());
  db.transaction(() => {
    for (const t of tickets) {
      insert.run(t.id, kioskId, t.openedAt, t.deviceId, t.summary);
      const owner = db.prepare('SELECT kiosk_id, opened_at FROM faults WHERE id = ?').get(t.id) as { kiosk_id: string; opened_at: string };
      if (owner.kiosk_id !== kioskId) continue; // another kiosk's ticket id: never touched from here
      let changed = false;
      for (const m of [...(t.moves ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) changed = applyPointMove(db, kioskId, t.id, owner.opened_at, m, escalation) || changed;
      if (changed) db.prepare('UPDATE faults SET version = ? WHERE id = ?').run(nextConfigVersion(db), t.id);
    }
  })();
}

function applyPointMove(db: CountyDb, kioskId: string, faultId: string, openedAt: string, m: FaultMove, escalation: boolean): boolean {
  const at = Date.parse(m.at);
  const state = m.action === 'resolve' ? 'closed' : m.action === 'acknowledge' ? 'acknowledged' : m.action === 'reopen' || m.action === 'climb' ? 'open' : null;
  if (!escalation) {
    if (state) db.prepare('UPDATE faults SET state = ? WHERE id = ?').run(state, faultId);
    return state !== null;
  }
  const seen = db.prepare('SELECT 1 FROM fault_moves WHERE fault_id = ? AND at = ? AND action = ? AND level = ?').get(faultId, at, m.action, m.level);
  if (seen) return false;
  db.prepare(
    'INSERT INTO fault_escalation (fault_id, level, level_since, acknowledged_at, acknowledged_by, resolved_at) VALUES (?, ?, ?, NULL, NULL, NULL) ON CONFLICT (fault_id) DO NOTHING',
  ).run(faultId, 'point', Date.parse(openedAt));
  db.prepare('INSERT INTO fault_moves (fault_id, at, actor_id, actor_name, action, level, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(faultId, at, `kiosk:${kioskId}`, m.by, m.action, m.level, m.note ?? null);
  switch (m.action) {
    case 'climb':
    case 'passUp':
      db.prepare('UPDATE fault_escalation SET level = ?, level_since = ?, acknowledged_at = NULL, acknowledged_by = NULL WHERE fault_id = ?').run(m.level, at, faultId);
      break;
    case 'acknowledge':
      db.prepare('UPDATE fault_escalation SET acknowledged_at = ?, acknowledged_by = ? WHERE fault_id = ?').run(at, m.by, faultId);
      break;
    case 'resolve':
      db.prepare('UPDATE fault_escalation SET resolved_at = ? WHERE fault_id = ?').run(at, faultId);
      break;
    case 'reopen':
      db.prepare('UPDATE fault_escalation SET resolved_at = NULL, level_since = ?, acknowledged_at = NULL, acknowledged_by = NULL WHERE fault_id = ?').run(at, faultId);
      break;
    case 'note':
      break;
  }
  if (state) db.prepare('UPDATE faults SET state = ? WHERE id = ?').run(state, faultId);
  return true;
}
