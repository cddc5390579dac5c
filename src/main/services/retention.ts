import type { Logger } from '../logging/logger';
import type { KioskStore } from '../store/kiosk-store';
import { remoteSiteSettings } from './remote-site-settings';

const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Purges the personal data of acknowledged (and resolved rejected) submissions past the retention period, at start
 * and every six hours; the county's site setting for the days wins over the local config.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: { store: KioskStore; localDays: number; log: Logger; now: () => Date }) {}

  start(): void {
    this.purge();
    this.timer = setInterval(() => this.purge(), RETENTION_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Days to keep acknowledged personal data: the county's site setting wins over the local config. */
  retentionDays(): number {
    return remoteSiteSettings(this.deps.store.db).retentionDays ?? this.deps.localDays;
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
}
