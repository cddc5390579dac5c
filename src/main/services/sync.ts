import fs from 'node:fs';
import type { SiteConfig } from '../../shared/config/site-config';
import type { MethodResult } from '../../shared/contract';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';
import type { KioskStore } from '../store/kiosk-store';
import { getConfigPart } from '../store/config-versions';
import { HttpCountyClient } from '../sync/http-county-client';
import type { CountyClient } from '../sync/county-client';
import { SyncEngine, type SyncStatus } from '../sync/sync-engine';
import { AnnouncementListSchema, RemoteSiteSettingsSchema, type RemoteSiteSettings } from '../../shared/sync/protocol';
import { maskFreeText } from '../../shared/domain/mask';
import { v7 as uuidv7 } from 'uuid';
import { FaultDesk, siteResponseMinutes, type FaultTicketView } from '../faults/fault-desk';

const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;

/** The kiosk's shared secret with the county: given in the config or read from its file. */
export function countySecret(county: NonNullable<SiteConfig['county']>): string {
  if (county.secret) return county.secret;
  // The secret signs every request as this kiosk: a file others can read is refused, not used.
  const mode = fs.statSync(county.secretFile!).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new Error(`county.secretFile ${county.secretFile} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  return fs.readFileSync(county.secretFile!, 'utf8').trim();
}

/** Builds the HTTP client from the site config's county block, or null when the kiosk runs without a county. */
export function countyClientFromConfig(config: SiteConfig, now?: () => Date): CountyClient | null {
  const county = config.county;
  if (!county) return null;
  const secret = countySecret(county);
  return new HttpCountyClient({
    baseUrl: county.url,
    kioskId: county.kioskId,
    secret,
    // Requests are signed on the core's own clock (the one every record is stamped with).
    ...(now ? { now: () => now().getTime() } : {}),
    ...(county.caFile ? { ca: fs.readFileSync(county.caFile) } : {}),
    ...(county.configPublicKeyFile ? { configPublicKey: fs.readFileSync(county.configPublicKeyFile, 'utf8') } : {}),
  });
}

/**
 * The sync service of the core: runs the engine's loop, turns its progress into `sync.progress` and
 * `config.changed` events, and purges acknowledged personal data past the retention period.
 */
export class SyncService {
  readonly engine: SyncEngine;
  /** The point's fault tickets (故障排除上下联动): opened here, climbing, answered by the county through sync. */
  readonly faultDesk: FaultDesk;
  private retentionTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: {
      store: KioskStore;
      client: CountyClient | null;
      config: SiteConfig;
      events: EventBus;
      log: Logger;
      appVersion: string;
      now: () => Date;
      devices?: () => Array<{ id: string; kind: string; state: string }>;
    },
  ) {
    this.faultDesk = new FaultDesk({
      db: deps.store.db,
      now: deps.now,
      newId: (at) => uuidv7({ msecs: at.getTime() }),
      responseMinutes: () => siteResponseMinutes(deps.store.db),
      changed: () => this.engine.kick(),
    });
    this.engine = new SyncEngine({
      faults: this.faultDesk,
      store: deps.store,
      client: deps.client,
      kioskId: deps.config.county?.kioskId ?? 'offline',
      appVersion: deps.appVersion,
      log: deps.log.child({ area: 'sync' }),
      now: deps.now,
      intervalMs: (deps.config.county?.syncIntervalSeconds ?? 30) * 1000,
      ...(deps.devices ? { devices: deps.devices } : {}),
      onProgress: (status) => this.emitProgress(status),
      onConfigChanged: (part, version) => deps.events.emit('config.changed', { part, version }),
      onOutcomes: (changed) => {
        for (const c of changed) deps.events.emit('applications.outcome', { submissionId: c.submissionId, state: c.state });
      },
    });
  }

  start(): void {
    this.engine.start();
    this.purge();
    this.retentionTimer = setInterval(() => this.purge(), RETENTION_EVERY_MS);
    this.retentionTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    await this.engine.stop();
    this.deps.client?.close?.();
  }

  /** A submission was committed: tell the screens and send soon. */
  queued(): void {
    this.emitProgress(this.engine.status());
    this.engine.kick();
  }

  /**
   * An item that cannot wait (a card loss report): one round now, sharing a round already running. Resolves when
   * the round ends, whatever its result (offline, the item stays queued and the next round sends it).
   */
  async sendNow(): Promise<boolean> {
    if (!this.deps.client) return false;
    const round = await this.engine.runRound();
    this.emitProgress(this.engine.status());
    return round.ok;
  }

  /** The site settings the county last sent (on-duty person, phone, retention), or {} when none or malformed. */
  remoteSiteSettings(): RemoteSiteSettings {
    const remote = RemoteSiteSettingsSchema.safeParse(getConfigPart(this.deps.store.db, 'site')?.body);
    return remote.success ? remote.data : {};
  }

  /** Days to keep acknowledged personal data: the county's site setting wins over the local config. */
  retentionDays(): number {
    return this.remoteSiteSettings().retentionDays ?? this.deps.config.kiosk.retentionDays;
  }

  purge(): number {
    try {
      const purged = this.deps.store.purge(this.retentionDays(), this.deps.now());
      if (purged > 0) this.deps.log.info({ purged, days: this.retentionDays() }, 'retention: personal data of acknowledged submissions purged');
      return purged;
    } catch (error) {
      this.deps.log.error({ err: error }, 'retention purge failed');
      return 0;
    }
  }

  /** Announcements whose from/until window holds now; a stored list that fails its schema shows nothing. */
  announcements(): MethodResult<'announcements.current'> {
    const parsed = AnnouncementListSchema.safeParse(getConfigPart(this.deps.store.db, 'announcements')?.body ?? []);
    if (!parsed.success) return { announcements: [] };
    const now = this.deps.now().getTime();
    return {
      announcements: parsed.data
        .filter((a) => (!a.from || Date.parse(a.from) <= now) && (!a.until || Date.parse(a.until) > now))
        .map((a) => ({ id: a.id, title: a.title, body: a.body })),
    };
  }

  /** Opens a ticket (or reopens the device's ticket closed within 7 days); `by` is the staff member or "system". */
  openFault(deviceId: string | undefined, summary: string, by = 'system'): FaultTicketView {
    // A person's words go to the county: anything shaped like an ID number is masked on the way in.
    return this.faultDesk.open({ deviceId: deviceId ?? null, summary: maskFreeText(summary), by });
  }

  faults(): FaultTicketView[] {
    return this.faultDesk.list();
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

const staffName = (ctx: CallContext) => ctx.connection.staff?.displayName ?? 'staff';

export function syncHandlers(
  service: SyncService,
): HandlerMap<'sync.status' | 'sync.now' | 'announcements.current' | 'faults.open' | 'faults.list' | 'faults.acknowledge' | 'faults.note' | 'faults.close'> {
  return {
    'announcements.current': () => service.announcements(),
    'faults.open': (input, ctx) => service.openFault(input.deviceId, input.summary, staffName(ctx)),
    'faults.list': () => ({ tickets: service.faults() }),
    'faults.acknowledge': (input, ctx) => service.faultDesk.acknowledge(input.id, staffName(ctx)),
    'faults.note': (input, ctx) => service.faultDesk.note(input.id, staffName(ctx), maskFreeText(input.note)),
    'faults.close': (input, ctx) => service.faultDesk.close(input.id, staffName(ctx)),
    'sync.status': () => service.engine.status(),
    'sync.now': async (): Promise<MethodResult<'sync.now'>> => {
      const r = await service.engine.runRound();
      return { ok: r.ok, sent: r.sent, acknowledged: r.acknowledged, rejected: r.rejected, ...(r.error ? { error: r.error } : {}), status: service.engine.status() };
    },
  };
}
