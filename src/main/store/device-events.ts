import type { Db } from './database';
import { stmt } from './statements';

/** Device state changes, kept for technicians and the monthly report's availability (no personal data). */
export function recordDeviceEvent(db: Db, e: { at: string; deviceId: string; kind: string; state: string; detail?: string }): void {
  stmt(db, 'INSERT INTO device_events (at, device_id, kind, state, detail) VALUES (?, ?, ?, ?, ?)').run(e.at, e.deviceId, e.kind, e.state, e.detail ?? null);
}

/** The last recorded state of each device (so a restart records only real changes). */
export function latestDeviceStates(db: Db): Array<{ id: string; state: string }> {
  return stmt(db, 'SELECT device_id AS id, state FROM device_events e WHERE seq = (SELECT MAX(seq) FROM device_events p WHERE p.device_id = e.device_id)').all() as Array<{
    id: string;
    state: string;
  }>;
}
