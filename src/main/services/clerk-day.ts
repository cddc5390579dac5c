import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import type { ServiceChannel } from '../../shared/domain/service-channel';
import type { VillageList } from '../../shared/sync/village-list';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { Db } from '../store/database';
import { isCaseOverdue, type CaseState } from '../../shared/cases/case-state';
import { clerkCasesOfDay, inquiryDayCounts, ownSubmissionsSince, submissionLabels } from '../store/clerk-day';
import { rejectedItems } from '../store/outbox';
import { CountyError } from '../sync/county-client';
import { pointDay, startOfPointDay } from '../../shared/domain/point-day';

type VillageAnswer = MethodResult<'clerkDay.villageList'>;

/**
 * The clerk's day (issue 9 item 10): what this clerk did today, what waits for the county, what the county would
 * not take, and the village list the county keeps for this point. Only for a logged-in clerk; the village list is
 * asked of the county for that clerk (the county checks the clerk's scope) and held in memory for the local day at
 * most: never written to the store.
 */
export class ClerkDayService {
  private readonly villageCache = new Map<string, { day: string; answer: VillageAnswer }>();

  constructor(
    private readonly deps: {
      db: Db;
      now: () => Date;
      queue: () => { pending: number; oldestPendingAt: string | null; lastSyncAt: string | null; online: boolean };
      /** Asks the county; null when the kiosk has no county configured. */
      villageList: ((staffId: string) => Promise<VillageList>) | null;
    },
  ) {}

  private clerk(ctx: CallContext): string {
    const staff = ctx.connection.staff;
    if (!staff?.roles.includes('clerk')) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
    return staff.id;
  }

  today(limit: number, ctx: CallContext): MethodResult<'clerkDay.today'> {
    const me = this.clerk(ctx);
    const now = this.deps.now();
    const since = startOfPointDay(now);
    const submissions = ownSubmissionsSince(this.deps.db, me, since, limit);
    const counts = inquiryDayCounts(this.deps.db, me, since, now.toISOString());
    const rejected = rejectedItems(this.deps.db);
    const labels = submissionLabels(this.deps.db, rejected.flatMap((r) => (r.submissionId ? [r.submissionId] : [])));
    return {
      day: pointDay(now),
      submissions: { total: submissions.total, items: submissions.items.map((s) => ({ ...s, channel: s.channel as ServiceChannel })) },
      inquiries: { opened: counts.opened, closed: counts.closed, open: counts.open, overdue: counts.overdue },
      helpCalls: { received: counts.helpCalls, taken: counts.helpCallsTaken },
      queue: this.deps.queue(),
      rejected: rejected.map((r) => {
        const label = r.submissionId ? labels.get(r.submissionId) : undefined;
        return { outboxId: r.id, submissionId: r.submissionId, trackingNumber: label?.trackingNumber ?? null, itemCode: label?.itemCode ?? null, createdAt: r.createdAt, reason: r.reason };
      }),
      cases: clerkCasesOfDay(this.deps.db, me, since, limit).map((c) => {
        const state = c.state as CaseState;
        return { ...c, state, overdue: isCaseOverdue(state, c.dueAt, now) };
      }),
    };
  }

  async villageList(refresh: boolean, ctx: CallContext): Promise<VillageAnswer> {
    const me = this.clerk(ctx);
    const now = this.deps.now();
    const day = pointDay(now);
    for (const [id, kept] of this.villageCache) if (kept.day !== day) this.villageCache.delete(id);
    const kept = this.villageCache.get(me);
    if (kept && !refresh) return kept.answer;
    if (!this.deps.villageList) throw new KioskError('county_unreachable', { details: { reason: 'noCounty' } });
    try {
      const list = await this.deps.villageList(me);
      const answer = { divisionCode: list.divisionCode, fetchedAt: now.toISOString(), entries: list.entries };
      this.villageCache.set(me, { day, answer });
      return answer;
    } catch (error) {
      if (!(error instanceof CountyError)) throw error;
      if (error.status === 403) {
        this.villageCache.delete(me);
        throw new KioskError('forbidden', { details: { reason: 'outOfScope' } });
      }
      if (error.status === 404) throw new KioskError('not_found', { details: { reason: 'notAPoint' } });
      // Offline: today's copy still serves (the screen shows when it was fetched).
      if (kept) return kept.answer;
      throw new KioskError('county_unreachable', { details: { reason: error.reason } });
    }
  }

  /** A clerk who logs out leaves no village list behind in memory. */
  forget(staffId: string): void {
    this.villageCache.delete(staffId);
  }
}


export function clerkDayHandlers(service: ClerkDayService): HandlerMap<'clerkDay.today' | 'clerkDay.villageList'> {
  return {
    'clerkDay.today': (input, ctx) => service.today(input.limit, ctx),
    'clerkDay.villageList': (input, ctx) => service.villageList(input.refresh, ctx),
  };
}
