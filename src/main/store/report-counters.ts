import { stmt } from './statements';
import type { Db } from './database';

/** Per day, item and service channel: how many submissions. Kept after personal data is purged (reports need it). */
export function countSubmission(db: Db, day: string, itemCode: string, channel: string): void {
  stmt(db, 
    `INSERT INTO report_counters (day, item_code, channel, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, item_code, channel) DO UPDATE SET count = count + 1`,
  ).run(day, itemCode, channel);
}

export interface CounterRow {
  day: string;
  itemCode: string;
  channel: string;
  count: number;
}

export function counters(db: Db, fromDay: string, toDay: string): CounterRow[] {
  return (
    stmt(db, 'SELECT day, item_code, channel, count FROM report_counters WHERE day >= ? AND day <= ? ORDER BY day, item_code')
      .all(fromDay, toDay) as Array<{ day: string; item_code: string; channel: string; count: number }>
  ).map((r) => ({ day: r.day, itemCode: r.item_code, channel: r.channel, count: r.count }));
}
