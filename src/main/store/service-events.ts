import { stmt } from './statements';
import type { Db } from './database';

/** Help calls are inquiries (src/main/store/report-counting.ts), not service events. */
export type ServiceEventKind = 'query';

export interface ServiceEvent {
  at: string;
  kind: ServiceEventKind;
  itemCode: string | null;
  channel: string;
  operatorId: string | null;
}

/** A query answered: kept without personal data so the monthly report can count it. */
export function recordServiceEvent(db: Db, e: ServiceEvent): void {
  stmt(db, 'INSERT INTO service_events (at, kind, item_code, channel, operator_id) VALUES (?, ?, ?, ?, ?)').run(
    e.at,
    e.kind,
    e.itemCode,
    e.channel,
    e.operatorId,
  );
}

export function countServiceEvents(db: Db, from: string, to: string): Array<{ kind: ServiceEventKind; channel: string; n: number }> {
  return stmt(db, 'SELECT kind, channel, COUNT(*) AS n FROM service_events WHERE at >= ? AND at < ? GROUP BY kind, channel').all(from, to) as Array<{
    kind: ServiceEventKind;
    channel: string;
    n: number;
  }>;
}
