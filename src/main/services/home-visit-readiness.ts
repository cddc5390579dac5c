import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import type { HandlerMap } from '../dispatcher';
import type { DataKey } from '../crypto/data-key';
import { getConfigPart } from '../store/config-versions';
import type { Db } from '../store/database';

/** A staff list or catalogue older than this may no longer match the county's when the laptop is out for days. */
const FRESH_MS = 24 * 3600_000;

/**
 * The home-visit laptop's "ready to leave" checks (docs/home-visit.md), read from what the laptop actually holds:
 * a staff list (so the clerk can log in offline) and a catalogue from the county, both from a round in the last day;
 * nothing still waiting to be sent; the county reachable now. Every check says what it saw.
 */
export function homeVisitReadinessHandlers(deps: {
  db: Db;
  key: DataKey;
  now: () => Date;
  isHomeVisit: boolean;
  sync: () => { pending: number; online: boolean; lastSyncAt: string | null };
}): HandlerMap<'homeVisit.readyToLeave'> {
  return {
    'homeVisit.readyToLeave': (_input, ctx): MethodResult<'homeVisit.readyToLeave'> => {
      if (!deps.isHomeVisit || !ctx.connection.staff) throw new KioskError('forbidden', { details: { reason: 'notHomeVisit' } });
      const now = deps.now().getTime();
      const fresh = (at: string | null) => at !== null && now - Date.parse(at) <= FRESH_MS;
      const staff = getConfigPart(deps.db, 'staff', deps.key);
      const catalog = getConfigPart(deps.db, 'catalog');
      const sync = deps.sync();
      const checks = [
        { id: 'staffList' as const, ok: staff !== null && fresh(staff.appliedAt) && fresh(sync.lastSyncAt), at: sync.lastSyncAt },
        { id: 'catalog' as const, ok: catalog !== null, at: catalog?.appliedAt ?? null },
        { id: 'queueEmpty' as const, ok: sync.pending === 0, count: sync.pending },
        { id: 'countyReachable' as const, ok: sync.online },
      ];
      return { ready: checks.every((c) => c.ok), checks };
    },
  };
}
