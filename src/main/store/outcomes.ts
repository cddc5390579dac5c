import { ItemOutcomeSchema, type ItemOutcome } from '../../shared/sync/outcomes';
import type { CaseState } from '../../shared/cases/case-state';
import { applyCaseOutcome } from './cases';
import type { Db } from './database';
import { stmt } from './statements';
import { getSyncValue, setSyncValue } from './sync-state';

export const OUTCOMES_CURSOR = 'outcomesCursor';

export interface AppliedOutcomes {
  /** Submissions whose outcome changed. */
  applied: Array<{ submissionId: string; state: ItemOutcome['state'] }>;
  /** 全程代办 cases the county moved (their state after). */
  cases: Array<{ caseId: string; state: CaseState }>;
  /** Outcomes at or below the seq already held (a repeat, or an old one arriving late): ignored. */
  stale: number;
  /** Outcomes for applications this kiosk does not hold: refused one by one, never stored. */
  unknown: number;
}

/**
 * Applies a page of outcomes and moves the cursor, in one transaction: a crash leaves either both or neither, so a
 * page is fetched again and re-applying it changes nothing (only a higher seq replaces what is held).
 */
export function applyOutcomes(db: Db, outcomes: readonly ItemOutcome[], cursor: number, at: string): AppliedOutcomes {
  return db
    .transaction((): AppliedOutcomes => {
      const result: AppliedOutcomes = { applied: [], cases: [], stale: 0, unknown: 0 };
      const known = stmt(db, 'SELECT 1 FROM submissions WHERE id = ?');
      const upsert = stmt(
        db,
        `INSERT INTO outcomes (submission_id, seq, state, body, received_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (submission_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, body = excluded.body, received_at = excluded.received_at
         WHERE excluded.seq > outcomes.seq`,
      );
      for (const outcome of outcomes) {
        // A 全程代办 case's outcome moves the case itself (store/cases.ts), through the shared state machine.
        const caseMoved = outcome.case ? applyCaseOutcome(db, outcome.itemId, outcome.seq, outcome.case) : null;
        if (caseMoved) {
          // Only a case one of whose steps applied changed (a page fetched again, or an older outcome, moves nothing).
          if (caseMoved.applied > 0) result.cases.push({ caseId: outcome.itemId, state: caseMoved.state });
          continue;
        }
        if (!known.get(outcome.itemId)) {
          result.unknown += 1;
          continue;
        }
        if (upsert.run(outcome.itemId, outcome.seq, outcome.state, JSON.stringify(outcome), at).changes > 0) result.applied.push({ submissionId: outcome.itemId, state: outcome.state });
        else result.stale += 1;
      }
      setSyncValue(db, OUTCOMES_CURSOR, String(cursor));
      return result;
    })
    .immediate();
}

export function outcomesCursor(db: Db): number {
  return Number(getSyncValue(db, OUTCOMES_CURSOR) ?? 0);
}

/** The latest outcome the county sent for a submission, or null (none yet). */
export function outcomeOf(db: Db, submissionId: string): ItemOutcome | null {
  const row = stmt(db, 'SELECT body FROM outcomes WHERE submission_id = ?').get(submissionId) as { body: string } | undefined;
  if (!row) return null;
  const parsed = ItemOutcomeSchema.safeParse(JSON.parse(row.body));
  return parsed.success ? parsed.data : null;
}
