import { OUTCOMES_PAGE_MAX, ItemOutcomeSchema, type ItemOutcome, type OutcomeState, type OutcomeText, type OutcomesResponse } from '../shared/sync/outcomes';
import type { CountyQuery } from './db/connection';
import { advanceOutcomeCursor } from './db/counters';
import { inTransaction } from './db/transaction';
import { takeIncoming } from './db/upsert';

/** One change of an application's outcome, as a back office reports it. */
export interface OutcomeChange {
  state: OutcomeState;
  /** The step in words for the resident's and the clerk's screens. */
  text: OutcomeText;
  missing?: ItemOutcome['missing'];
  reason?: OutcomeText;
  certification?: ItemOutcome['certification'];
  blockedAt?: string;
  blockLiftsAt?: string;
}

export class UnknownApplicationError extends Error {
  constructor(readonly itemId: string) {
    super(`no application ${itemId}`);
  }
}

/**
 * Records a change of an application's outcome: seq + 1, the step appended, and a new delivery cursor so the kiosk
 * that sent it gets it with its next sync. Joins the caller's transaction when given one.
 */
export async function recordOutcome(q: CountyQuery, itemId: string, change: OutcomeChange, at: Date): Promise<ItemOutcome> {
  return inTransaction(q, async (trx) => {
    const row = await trx.selectFrom('outcomes').select(['body', 'kiosk_id']).where('item_id', '=', itemId).executeTakeFirst();
    let kioskId: string;
    let previous: ItemOutcome | null = null;
    let trackingNumber: string;
    if (row) {
      previous = JSON.parse(row.body) as ItemOutcome;
      kioskId = row.kiosk_id;
      trackingNumber = previous.trackingNumber;
    } else {
      const item = await trx.selectFrom('items').select(['kiosk_id', 'tracking_number']).where('id', '=', itemId).executeTakeFirst();
      if (!item) throw new UnknownApplicationError(itemId);
      kioskId = item.kiosk_id;
      trackingNumber = item.tracking_number;
    }
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
      ...(change.blockLiftsAt ? { blockLiftsAt: change.blockLiftsAt } : previous?.blockLiftsAt ? { blockLiftsAt: previous.blockLiftsAt } : {}),
      steps: [...(previous?.steps ?? []), { at: when, state: change.state, text: change.text }].slice(-50),
    });
    const cursor = await advanceOutcomeCursor(trx, kioskId, 1);
    await trx
      .insertInto('outcomes')
      .values({ item_id: itemId, kiosk_id: kioskId, seq: outcome.seq, state: outcome.state, body: JSON.stringify(outcome), cursor })
      .onConflict((c) =>
        c.column('item_id').doUpdateSet(takeIncoming('outcomes', 'seq', 'state', 'body', 'cursor')),
      )
      .execute();
    return outcome;
  });
}

export async function currentOutcome(q: CountyQuery, itemId: string): Promise<ItemOutcome | null> {
  const row = await q.selectFrom('outcomes').select('body').where('item_id', '=', itemId).executeTakeFirst();
  return row ? (JSON.parse(row.body) as ItemOutcome) : null;
}

/** A kiosk's outcomes changed after `since`, oldest change first; each item appears once, in its latest state. */
export async function outcomesSince(q: CountyQuery, kioskId: string, since: number, limit = OUTCOMES_PAGE_MAX): Promise<OutcomesResponse> {
  const rows = await q.selectFrom('outcomes').select(['body', 'cursor']).where('kiosk_id', '=', kioskId).where('cursor', '>', since).orderBy('cursor').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return { cursor: page.length > 0 ? page[page.length - 1]!.cursor : since, outcomes: page.map((r) => JSON.parse(r.body) as ItemOutcome), more: rows.length > limit };
}
