import type { ChannelStamp } from '../../shared/domain/service-channel';
import type { Db } from './database';
import { stmt } from './statements';

export type PrintKind = 'receipt' | 'notification' | 'queryResult' | 'monthlyReport' | 'document' | 'certificate' | 'myRequests' | 'inquiryRegister' | 'caseHandover';

export interface PrintRecord extends ChannelStamp {
  id: string;
  at: string;
  kind: PrintKind;
  itemCode: string | null;
}

/** One row per document handed to a printer for a person, stamped like every record (the report counts them). */
export function recordPrint(db: Db, print: PrintRecord): void {
  stmt(db, 'INSERT OR IGNORE INTO prints (id, at, day, kind, item_code, channel, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    print.id,
    print.at,
    print.at.slice(0, 10),
    print.kind,
    print.itemCode,
    print.channel,
    print.operatorId,
  );
}

export function printsBetween(db: Db, fromDay: string, toDay: string): PrintRecord[] {
  const rows = stmt(db, 'SELECT id, at, kind, item_code, channel, operator_id FROM prints WHERE day >= ? AND day <= ? ORDER BY at').all(fromDay, toDay) as Array<{
    id: string;
    at: string;
    kind: PrintKind;
    item_code: string | null;
    channel: PrintRecord['channel'];
    operator_id: string | null;
  }>;
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, itemCode: r.item_code, channel: r.channel, operatorId: r.operator_id }));
}
