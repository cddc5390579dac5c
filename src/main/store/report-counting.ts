import { stmt } from './statements';
import type { Db } from './database';

/**
 * The monthly report's queries over the point's own records. Submission rows keep item, channel and time after
 * the retention purge (only the sealed payload goes), so these counts do not change when personal data is purged.
 */
export function countSubmissionsByItemAndChannel(db: Db, from: string, to: string): Array<{ itemCode: string; channel: string; n: number }> {
  return stmt(db, 'SELECT item_code AS itemCode, channel, COUNT(*) AS n FROM submissions WHERE submitted_at >= ? AND submitted_at < ? GROUP BY item_code, channel').all(
    from,
    to,
  ) as Array<{ itemCode: string; channel: string; n: number }>;
}

/** Prints handed to a printer for a person (store/prints.ts), by kind and item. */
export function countPrints(db: Db, from: string, to: string): Array<{ kind: string; itemCode: string | null; n: number }> {
  return stmt(db, 'SELECT kind, item_code AS itemCode, COUNT(*) AS n FROM prints WHERE at >= ? AND at < ? GROUP BY kind, item_code').all(from, to) as Array<{
    kind: string;
    itemCode: string | null;
    n: number;
  }>;
}

export function countFaults(db: Db, from: string, to: string): { opened: number; closed: number } {
  const opened = (stmt(db, 'SELECT COUNT(*) AS n FROM fault_tickets WHERE opened_at >= ? AND opened_at < ?').get(from, to) as { n: number }).n;
  const closed = (stmt(db, "SELECT COUNT(*) AS n FROM fault_tickets WHERE state = 'closed' AND updated_at >= ? AND updated_at < ?").get(from, to) as { n: number }).n;
  return { opened, closed };
}

/** Each device's state changes up to `to`: the last one before `from` (the state the month began in) and all after. */
export function deviceStatesFor(db: Db, from: string, to: string): Array<{ deviceId: string; kind: string; at: string; state: string }> {
  return stmt(
    db,
    `SELECT device_id AS deviceId, kind, at, state FROM device_events e
      WHERE at < ? AND (at >= ? OR seq = (SELECT MAX(seq) FROM device_events p WHERE p.device_id = e.device_id AND p.at < ?))
      ORDER BY device_id, at, seq`,
  ).all(to, from, from) as Array<{ deviceId: string; kind: string; at: string; state: string }>;
}

/** 首问负责 inquiries (store/inquiries.ts): opened and closed in the range; help-button calls are inquiries too. */
export function countInquiries(db: Db, from: string, to: string): { opened: number; closed: number; helpCalls: number } {
  const opened = stmt(db, "SELECT COUNT(*) AS n, COALESCE(SUM(origin = 'helpButton'), 0) AS help FROM inquiries WHERE opened_at >= ? AND opened_at < ?").get(from, to) as { n: number; help: number };
  const closed = (stmt(db, 'SELECT COUNT(*) AS n FROM inquiries WHERE closed_at >= ? AND closed_at < ?').get(from, to) as { n: number }).n;
  return { opened: opened.n, closed, helpCalls: opened.help };
}

/**
 * 全程代办 cases of [from, to) from their steps: opened (an open step in the month), done (finished upstream in the
 * month) and overdue (the promised time fell in the month and the case was neither finished nor refused by then).
 */
export function countCases(db: Db, from: string, to: string): { opened: number; done: number; overdue: number } {
  const opened = (stmt(db, "SELECT COUNT(*) AS n FROM case_steps WHERE kind = 'open' AND at >= ? AND at < ?").get(from, to) as { n: number }).n;
  const done = (stmt(db, "SELECT COUNT(DISTINCT case_id) AS n FROM case_steps WHERE kind = 'finish' AND at >= ? AND at < ?").get(from, to) as { n: number }).n;
  // Overdue: the promised time fell in the month and the case was not finished or refused by then.
  const overdue = (
    stmt(
      db,
      `SELECT COUNT(*) AS n FROM cases c WHERE c.due_at >= @from AND c.due_at < @to
       AND NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.kind IN ('finish','refuse') AND s.at <= c.due_at)`,
    ).get({ from, to }) as { n: number }
  ).n;
  return { opened, done, overdue };
}
