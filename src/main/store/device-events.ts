import type { Db } from './database';

/** Device state changes, kept for technicians and the heartbeat (no personal data). */
export function recordDeviceEvent(db: Db, e: { at: string; deviceId: string; kind: string; state: string; detail?: string }): void {
  db.prepare('INSERT INTO device_events (at, device_id, kind, state, detail) VALUES (?, ?, ?, ?, ?)').run(e.at, e.deviceId, e.kind, e.state, e.detail ?? null);
}

export function recentDeviceEvents(db: Db, limit: number): Array<{ at: string; deviceId: string; kind: string; state: string; detail: string | null }> {
  return (
    db.prepare('SELECT at, device_id, kind, state, detail FROM device_events ORDER BY seq DESC LIMIT ?').all(limit) as Array<{
      at: string;
      device_id: string;
      kind: string;
      state: string;
      detail: string | null;
    }>
  ).map((r) => ({ at: r.at, deviceId: r.device_id, kind: r.kind, state: r.state, detail: r.detail }));
}
