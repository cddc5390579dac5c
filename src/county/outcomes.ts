import { OUTCOMES_PAGE_MAX, ItemOutcomeSchema, type ItemOutcome, type OutcomeState, type OutcomeText, type OutcomesResponse } from '../shared/sync/outcomes';
import { nextCounter, type CountyDb } from './county-db';

/** One change of an application's outcome, as a back office reports it. */
export interface OutcomeChange {
  state: OutcomeState;
  /** The step in words for the resident's and the clerk's screens. */
  text: OutcomeText;
  missing?: ItemOutcome['missing'];
  reason?: OutcomeText;
  certification?: ItemOutcome['certification'];
  blockedAt?: string;
}

export class UnknownApplicationError extends Error {
  constructor(readonly itemId: string) {
    super(`no application ${itemId}`);
  }
}

/**
 * Records a change of an application's outcome: seq + 1, the step appended, and a new delivery cursor so the kiosk
 * that sent it gets it with its next sync. Runs inside the caller's transaction when there is one.
 */
export function recordOutcome(db: CountyDb, itemId: string, change: OutcomeChange, at: Date): ItemOutcome {
  return db.transaction(() => {
    const row = db.prepare('SELECT body FROM outcomes WHERE item_id = ?').get(itemId) as { body: string } | undefined;
    let kioskId: string;
    let previous: ItemOutcome | null = null;
    if (row) {
      previous = JSON.parse(row.body) as ItemOutcome;
      kioskId = (db.prepare('SELECT kiosk_id FROM outcomes WHERE item_id = ?').get(itemId) as { kiosk_id: string }).kiosk_id;
    } else {
      const item = db.prepare('SELECT kiosk_id, tracking_number FROM items WHERE id = ?').get(itemId) as { kiosk_id: string; tracking_number: string } | undefined;
      if (!item) throw new UnknownApplicationError(itemId);
      kioskId = item.kiosk_id;
    }
    const trackingNumber = previous?.trackingNumber ?? (db.prepare('SELECT tracking_number FROM items WHERE id = ?').get(itemId) as { tracking_number: string }).tracking_number;
    const when = at.toISOString();
    const outcome: ItemOutcome = ItemOutcomeSchema.parse({
      itemId,
      trackingNumber,
      seq: (previous?.seq ?? 0) + 1,
      state: change.state,
      at: when,
      ...(change.missing ? { missing: change.missing } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      ...(change.certification ? { certification: change.certification } : previous?.certification ? { certification: previous.certification } : {}),
      ...(change.blockedAt ? { blockedAt: change.blockedAt } : previous?.blockedAt ? { blockedAt: previous.blockedAt } : {}),
      steps: [...(previous?.steps ?? []), { at: when, state: change.state, text: change.text }].slice(-50),
    });
    const cursor = nextCounter(db, 'outcomes');
    db.prepare(
      `INSERT INTO outcomes (item_id, kiosk_id, seq, state, body, cursor) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, body = excluded.body, cursor = excluded.cursor`,
    ).run(itemId, kioskId, outcome.seq, outcome.state, JSON.stringify(outcome), cursor);
    return outcome;
  })();
}

export function currentOutcome(db: CountyDb, itemId: string): ItemOutcome | null {
  const row = db.prepare('SELECT body FROM outcomes WHERE item_id = ?').get(itemId) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as ItemOutcome) : null;
}

/** A kiosk's outcomes changed after `since`, oldest change first; each item appears once, in its latest state. */
export function outcomesSince(db: CountyDb, kioskId: string, since: number, limit = OUTCOMES_PAGE_MAX): OutcomesResponse {
  const rows = db.prepare('SELECT body, cursor FROM outcomes WHERE kiosk_id = ? AND cursor > ? ORDER BY cursor LIMIT ?').all(kioskId, since, limit + 1) as Array<{ body: string; cursor: number }>;
  const page = rows.slice(0, limit);
  return { cursor: page.length > 0 ? page[page.length - 1]!.cursor : since, outcomes: page.map((r) => JSON.parse(r.body) as ItemOutcome), more: rows.length > limit };
}
