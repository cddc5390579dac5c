import type { Db } from './database';
import { stmt } from './statements';

/** One of the clerk's own submissions of the day (no personal data: the resident stays sealed in the outbox). */
export interface OwnSubmissionRow {
  submissionId: string;
  trackingNumber: string;
  itemCode: string;
  channel: string;
  submittedAt: string;
  status: 'queued' | 'acknowledged' | 'rejected';
}

/** What the clerk handed in (any channel) since the start of the local day, newest first, and how many in all. */
export function ownSubmissionsSince(db: Db, operatorId: string, since: string, limit: number): { total: number; items: OwnSubmissionRow[] } {
  const total = (stmt(db, 'SELECT count(*) AS n FROM submissions WHERE operator_id = ? AND submitted_at >= ? AND application_id IS NULL').get(operatorId, since) as { n: number }).n;
  const items = stmt(
    db,
    `SELECT id AS submissionId, tracking_number AS trackingNumber, item_code AS itemCode, channel, submitted_at AS submittedAt, status
       FROM submissions WHERE operator_id = ? AND submitted_at >= ? AND application_id IS NULL ORDER BY submitted_at DESC, id DESC LIMIT ?`,
  ).all(operatorId, since, limit) as OwnSubmissionRow[];
  return { total, items };
}

export interface InquiryDayCounts {
  /** Opened today and owned by the clerk (recorded by them, or a help call they took). */
  opened: number;
  /** Closed today by the clerk. */
  closed: number;
  /** The clerk's inquiries still open, whenever opened. */
  open: number;
  /** Of those, past their promised time. */
  overdue: number;
  /** Help-button calls at the point today, and how many of them this clerk took. */
  helpCalls: number;
  helpCallsTaken: number;
}

export function inquiryDayCounts(db: Db, ownerId: string, since: string, now: string): InquiryDayCounts {
  return stmt(
    db,
    `SELECT
       coalesce(sum(CASE WHEN owner_id = @me AND opened_at >= @since THEN 1 ELSE 0 END), 0) AS opened,
       coalesce(sum(CASE WHEN owner_id = @me AND closed_at >= @since THEN 1 ELSE 0 END), 0) AS closed,
       coalesce(sum(CASE WHEN owner_id = @me AND closed_at IS NULL THEN 1 ELSE 0 END), 0) AS open,
       coalesce(sum(CASE WHEN owner_id = @me AND closed_at IS NULL AND due_at < @now THEN 1 ELSE 0 END), 0) AS overdue,
       coalesce(sum(CASE WHEN origin = 'helpButton' AND opened_at >= @since THEN 1 ELSE 0 END), 0) AS helpCalls,
       coalesce(sum(CASE WHEN origin = 'helpButton' AND opened_at >= @since AND owner_id = @me THEN 1 ELSE 0 END), 0) AS helpCallsTaken
     FROM inquiries WHERE owner_id = @me OR (origin = 'helpButton' AND opened_at >= @since)`,
  ).get({ me: ownerId, since, now }) as InquiryDayCounts;
}

/** The tracking number and item of the submissions behind rejected outbox items (a clerk deals with them by these). */
export function submissionLabels(db: Db, ids: readonly string[]): Map<string, { trackingNumber: string; itemCode: string }> {
  const out = new Map<string, { trackingNumber: string; itemCode: string }>();
  const get = stmt(db, 'SELECT tracking_number AS trackingNumber, item_code AS itemCode FROM submissions WHERE id = ?');
  for (const id of ids) {
    const row = get.get(id) as { trackingNumber: string; itemCode: string } | undefined;
    if (row) out.set(id, row);
  }
  return out;
}


/** One of the clerk's cases on their day: opened or moved by them today, or theirs and still in someone's hands. */
export interface ClerkCaseRow {
  caseId: string;
  caseNumber: string;
  itemCode: string;
  state: string;
  dueAt: string;
  /** True when this clerk opened or moved it today. */
  touchedToday: boolean;
}

export function clerkCasesOfDay(db: Db, operatorId: string, since: string, limit: number): ClerkCaseRow[] {
  const rows = stmt(
    db,
    `SELECT c.id AS caseId, c.case_number AS caseNumber, c.item_code AS itemCode, c.state, c.due_at AS dueAt,
            EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.operator_id = @me AND s.at >= @since AND s.kind IN ('open','send','handBack')) AS touched
       FROM cases c
      WHERE (c.operator_id = @me AND c.state IN ('opened','sent','atTownship','atCounty','returned'))
         OR EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.operator_id = @me AND s.at >= @since)
      ORDER BY c.due_at ASC, c.id ASC LIMIT @limit`,
  ).all({ me: operatorId, since, limit }) as Array<Omit<ClerkCaseRow, 'touchedToday'> & { touched: number }>;
  return rows.map(({ touched, ...r }) => ({ ...r, touchedToday: touched === 1 }));
}
