import type { SubmissionPayload } from '../../shared/sync/protocol';
import type { CountyDb } from '../county-db';
import { recordOutcome } from '../outcomes';
import type { BackOffice, BackOfficeItem, OutcomeSink } from './port';

type ItemRow = { arrival: number; id: string; kiosk_id: string; item_code: string; tracking_number: string; payload: string; received_at: string; application_id: string | null };

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
    private readonly db: CountyDb,
    readonly backOffice: BackOffice,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.sink = { record: (applicationId, change, at) => void recordOutcome(db, applicationId, change, at) };
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
      const rows = this.db.prepare('SELECT arrival, id, kiosk_id, item_code, tracking_number, payload, received_at, application_id FROM items WHERE handed_at IS NULL ORDER BY arrival LIMIT 200').all() as ItemRow[];
      if (rows.length === 0) return handed;
      const mark = this.db.prepare('UPDATE items SET handed_at = ? WHERE id = ?');
      if (this.backOffice.receiveAll) {
        await this.backOffice.receiveAll(rows.map((row) => this.toItem(row)), this.sink);
        const at = this.now().toISOString();
        this.db.transaction(() => {
          for (const row of rows) mark.run(at, row.id);
        })();
        handed += rows.length;
        continue;
      }
      for (const row of rows) {
        await this.backOffice.receive(this.toItem(row), this.sink);
        mark.run(this.now().toISOString(), row.id);
        handed += 1;
      }
    }
  }

  private toItem(row: ItemRow): BackOfficeItem {
    const applicationId = row.application_id ?? row.id;
    const round = row.application_id ? 1 + (this.db.prepare('SELECT COUNT(*) AS n FROM items WHERE application_id = ? AND arrival <= ?').get(applicationId, row.arrival) as { n: number }).n : 1;
    const payload = JSON.parse(row.payload) as SubmissionPayload;
    const original = row.application_id ? (this.db.prepare('SELECT tracking_number FROM items WHERE id = ?').get(applicationId) as { tracking_number: string } | undefined) : undefined;
    return {
      applicationId,
      deliveryId: row.id,
      round,
      kioskId: row.kiosk_id,
      itemCode: row.item_code,
      trackingNumber: original?.tracking_number ?? row.tracking_number,
      receivedAt: new Date(row.received_at),
      payload,
    };
  }
}
