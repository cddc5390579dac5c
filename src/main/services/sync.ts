import type { SiteConfig } from '../../shared/config/site-config';
import type { MethodResult } from '../../shared/contract';
import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { FaultDesk } from '../faults/fault-desk';
import type { Logger } from '../logging/logger';
import type { KioskStore } from '../store/kiosk-store';
import type { CountyClient } from '../sync/county-client';
import { SyncEngine, type SyncStatus } from '../sync/sync-engine';

/**
 * Sync with the county: runs the engine's loop (outbox, fault tickets, config, outcomes) and turns its progress into
 * `sync.progress`, `records.changed`, `config.changed` and `applications.outcome` events. Retention, announcements and fault tickets
 * are their own services (retention.ts, announcements.ts, fault-tickets.ts).
 */
export class SyncService {
  readonly engine: SyncEngine;

  constructor(
    private readonly deps: {
      store: KioskStore;
      client: CountyClient | null;
      config: SiteConfig;
      events: EventBus;
      log: Logger;
      appVersion: string;
      now: () => Date;
      /** The fault tickets the engine carries both ways. */
      faults: FaultDesk;
      devices?: () => Array<{ id: string; kind: string; state: string }>;
    },
  ) {
    this.engine = new SyncEngine({
      faults: deps.faults,
      store: deps.store,
      client: deps.client,
      kioskId: deps.config.county?.kioskId ?? 'offline',
      appVersion: deps.appVersion,
      log: deps.log.child({ area: 'sync' }),
      now: deps.now,
      intervalMs: (deps.config.county?.syncIntervalSeconds ?? 30) * 1000,
      ...(deps.devices ? { devices: deps.devices } : {}),
      onProgress: (status) => this.emitProgress(status),
      onSettled: () => deps.events.emit('records.changed', { cause: 'settled' }),
      onCasesMoved: () => deps.events.emit('records.changed', { cause: 'caseMoved' }),
      onConfigChanged: (part, version) => deps.events.emit('config.changed', { part, version }),
      onOutcomes: (changed) => {
        for (const c of changed) deps.events.emit('applications.outcome', { submissionId: c.submissionId, state: c.state });
      },
    });
  }

  start(): void {
    this.engine.start();
  }

  async stop(): Promise<void> {
    await this.engine.stop();
    this.deps.client?.close?.();
  }

  /** Something new waits to go (a submission, a ticket): tell the screens and send soon. */
  queued(): void {
    this.deps.events.emit('records.changed', { cause: 'queued' });
    this.emitProgress(this.engine.status());
    this.engine.kick();
  }

  /**
   * An item that cannot wait (a card loss report): a round that starts after it was queued (one already running
   * may have sent its batch before). Resolves when that round ends, whatever its result (offline, the item stays
   * queued and the next round sends it).
   */
  async sendNow(): Promise<boolean> {
    if (!this.deps.client) return false;
    const round = await this.engine.runRound();
    this.emitProgress(this.engine.status());
    return round.ok;
  }

  private emitProgress(s: SyncStatus): void {
    this.deps.events.emit('sync.progress', {
      online: s.online,
      pending: s.pending,
      rejected: s.rejected,
      oldestPendingAt: s.oldestPendingAt,
      lastSyncAt: s.lastSyncAt,
      nextAttemptAt: s.nextAttemptAt,
    });
  }
}

export function syncHandlers(service: SyncService): HandlerMap<'sync.status' | 'sync.now'> {
  return {
    'sync.status': () => service.engine.status(),
    'sync.now': async (): Promise<MethodResult<'sync.now'>> => {
      const r = await service.engine.runRound();
      return { ok: r.ok, sent: r.sent, acknowledged: r.acknowledged, rejected: r.rejected, ...(r.error ? { error: r.error } : {}), status: service.engine.status() };
    },
  };
}
