import type { SubmissionPayload } from '../../shared/sync/protocol';
import type { CountyQuery } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { recordOutcome } from '../outcomes';
import type { BackOffice, BackOfficeItem, OutcomeSink } from './port';

type ItemRow = { arrival: number; id: string; kiosk_id: string; item_code: string; tracking_number: string; payload: string; received_at: string; application_id: string | null };
const ITEM_COLUMNS = ['arrival', 'id', 'kiosk_id', 'item_code', 'tracking_number', 'payload', 'received_at', 'application_id'] as const;

/**
 * Hands each stored item to the back office, at least once and in arrival order: an item is marked handed over
 * only after the back office took it, so a crash in between hands it over again (the port requires receive to be
 * idempotent by delivery id). Also lets the back office do its automatic work on a timer.
 */
export class BackOfficeRelay {
  readonly sink: OutcomeSink;
  private running: Promise<number> | null = null;
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

  /** Hands over every item not yet handed over; concurrent callers share the run in progress. */
  handOver(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
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
    if (this.pending) return;
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
    let handed = 0;
    for (;;) {
      const rows: ItemRow[] = await this.db.selectFrom('items').select([...ITEM_COLUMNS]).where('handed_at', 'is', null).orderBy('arrival').limit(200).execute();
      if (rows.length === 0) return handed;
      const items: BackOfficeItem[] = [];
      for (const row of rows) items.push(await this.toItem(row));
      if (this.backOffice.receiveAll) {
        await this.backOffice.receiveAll(items, this.sink);
        const at = this.now().toISOString();
        await inTransaction(this.db, (trx) => trx.updateTable('items').set({ handed_at: at }).where('id', 'in', rows.map((r) => r.id)).execute());
        handed += rows.length;
        continue;
      }
      for (const item of items) {
        await this.backOffice.receive(item, this.sink);
        await this.db.updateTable('items').set({ handed_at: this.now().toISOString() }).where('id', '=', item.deliveryId).execute();
        handed += 1;
      }
    }
  }

  private async toItem(row: ItemRow): Promise<BackOfficeItem> {
    const applicationId = row.application_id ?? row.id;
    let round = 1;
    let trackingNumber = row.tracking_number;
    if (row.application_id) {
      const earlier = await this.db
        .selectFrom('items')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('application_id', '=', applicationId)
        .where('arrival', '<=', row.arrival)
        .executeTakeFirstOrThrow();
      round = 1 + Number(earlier.n);
      trackingNumber = (await this.db.selectFrom('items').select('tracking_number').where('id', '=', applicationId).executeTakeFirst())?.tracking_number ?? trackingNumber;
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
