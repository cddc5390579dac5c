import type { SubmissionPayload } from '../../shared/sync/protocol';
import { engineOf, type CountyQuery } from '../db/connection';
import { advanceOutcomeCursor } from '../db/counters';
import { inTransaction } from '../db/transaction';
import { recordOutcome } from '../outcomes';
import type { BackOffice, BackOfficeItem, OutcomeSink } from './port';

type ItemRow = { arrival: number; id: string; kiosk_id: string; item_code: string; tracking_number: string; payload: string; received_at: string; application_id: string | null };
const ITEM_COLUMNS = ['arrival', 'id', 'kiosk_id', 'item_code', 'tracking_number', 'payload', 'received_at', 'application_id'] as const;

/**
 * Claims up to `limit` items not yet handed over, oldest first, inside the caller's transaction: they are marked
 * handed over at once, and the mark stands only if the transaction commits (after the back office took them).
 * Several gateways on one PostgreSQL each claim different items: the rows are locked `FOR UPDATE SKIP LOCKED`, so
 * a gateway skips rows another is handing over instead of handing them over too (or queueing behind them). On SQLite
 * the claim is the transaction's first statement, an UPDATE, so it takes the file's write lock before it reads: a
 * second writer waits for the commit and then finds the items handed over.
 */
export async function claimItems(trx: CountyQuery, at: string, limit: number): Promise<ItemRow[]> {
  let unclaimed = trx.selectFrom('items').select('id').where('handed_at', 'is', null).orderBy('arrival').limit(limit);
  if (engineOf(trx) === 'postgres') unclaimed = unclaimed.forUpdate().skipLocked();
  const rows = await trx.updateTable('items').set({ handed_at: at }).where('id', 'in', unclaimed).returning([...ITEM_COLUMNS]).execute();
  return rows.sort((a, b) => a.arrival - b.arrival);
}

/**
 * Hands each stored item to the back office, at least once and in arrival order: an item's claim commits only after
 * the back office took it, so a crash in between hands it over again (the port requires receive to be idempotent by
 * delivery id), and two gateways never hand the same item over at once (claimItems). Also lets the back office do its
 * automatic work on a timer.
 */
export class BackOfficeRelay {
  readonly sink: OutcomeSink;
  private running: Promise<number> | null = null;
  /** The run after the one in progress, shared by every caller meanwhile (handOver). */
  private followUp: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: CountyQuery,
    readonly backOffice: BackOffice,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.sink = {
      record: async (applicationId, change, at) => {
        await recordOutcome(db, applicationId, change, at);
      },
    };
  }

  /**
   * Hands over every item stored before the call; resolves with how many the runs it waited for handed over.
   * Concurrent callers share the run in progress, and one more run after it: that run may have made its last, empty
   * claim before the caller's items were stored (a test's tick right after a batch joined the timer's run and found
   * the batch not handed over, on PostgreSQL in CI).
   */
  handOver(): Promise<number> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    const current = this.running;
    this.followUp ??= current
      .catch(() => 0)
      .then(() => {
        this.followUp = null;
        return this.handOver();
      });
    const followUp = this.followUp;
    followUp.catch(() => undefined); // its failure reaches the callers that wait for it, never the process
    return current.then((handed) => followUp.then((more) => handed + more));
  }

  /** Hand over, then the back office's automatic work due by now. */
  async tick(): Promise<void> {
    try {
      await this.handOver();
      await this.backOffice.advance(this.now(), this.sink);
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * New items arrived: hand them over shortly, once for all batches arriving meanwhile (one hand-over per burst, not
   * one per batch: each is a transaction with its own disk sync).
   */
  soon(delayMs = 50): void {
    // Not started (a test or a bench driving the hand-over itself with tick()): nothing runs behind its back.
    if (this.pending || !this.timer) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.tick();
    }, delayMs);
    this.pending.unref?.();
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.pending) clearTimeout(this.pending);
    this.timer = null;
    this.pending = null;
  }

  private async run(): Promise<number> {
    // A back office that takes several at once gets them in one transaction; one that takes them singly gets one per
    // transaction, so an item it keeps refusing holds back only itself and those after it, never re-sends those before.
    const batch = this.backOffice.receiveAll ? 200 : 1;
    let handed = 0;
    for (;;) {
      const claimed = await inTransaction(this.db, async (trx) => {
        const rows = await claimItems(trx, this.now().toISOString(), batch);
        if (rows.length === 0) return 0;
        // Outcome cursors are counted per kiosk (db/counters.ts): take this claim's kiosks' counters first, in one
        // order, so two gateways handing over at once never lock them in opposite orders (a deadlock).
        for (const kioskId of [...new Set(rows.map((r) => r.kiosk_id))].sort()) await advanceOutcomeCursor(trx, kioskId, 0);
        const items: BackOfficeItem[] = [];
        for (const row of rows) items.push(await this.toItem(trx, row));
        // The back office's own transaction joins this one (inTransaction): its cases, the outcomes and the claim are
        // kept together or not at all, and a crash before the commit hands the items over again.
        if (this.backOffice.receiveAll) await this.backOffice.receiveAll(items, this.sink);
        else for (const item of items) await this.backOffice.receive(item, this.sink);
        return rows.length;
      });
      if (claimed === 0) return handed;
      handed += claimed;
    }
  }

  private async toItem(q: CountyQuery, row: ItemRow): Promise<BackOfficeItem> {
    const applicationId = row.application_id ?? row.id;
    let round = 1;
    let trackingNumber = row.tracking_number;
    if (row.application_id) {
      const earlier = await q
        .selectFrom('items')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('application_id', '=', applicationId)
        .where('arrival', '<=', row.arrival)
        .executeTakeFirstOrThrow();
      round = 1 + Number(earlier.n);
      trackingNumber = (await q.selectFrom('items').select('tracking_number').where('id', '=', applicationId).executeTakeFirst())?.tracking_number ?? trackingNumber;
    }
    return {
      applicationId,
      deliveryId: row.id,
      round,
      kioskId: row.kiosk_id,
      itemCode: row.item_code,
      trackingNumber,
      receivedAt: new Date(row.received_at),
      payload: JSON.parse(row.payload) as SubmissionPayload,
    };
  }
}
