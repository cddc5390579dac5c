import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { DataKey } from '../crypto/data-key';
import type { Db } from '../store/database';
import { getInquiry, openInquiry, takeInquiry } from '../store/inquiries';
import type { ClerkOnDuty } from './staff-presence';

export interface HelpDeps {
  events: EventBus;
  now: () => Date;
  store: { db: Db; key: DataKey };
  /** The clerks logged in on a screen of this point right now. */
  clerksOnDuty: () => ClerkOnDuty[];
  /** The duty phone and the person on duty, as the attract screen shows them (county settings win). */
  contact: () => { phone: string; onDuty: string | null };
  /** A help call reached the clerk screens (the monthly report counts them). */
  called?: () => void;
}

type RequestResult = MethodResult<'help.request'>;
const HELP_DUE_MS = 10 * 60_000;

/**
 * The help button, made true: a call opens an inquiry (origin helpButton) and is pushed to every screen; logged-in
 * clerk screens chime until one clerk takes it, and that clerk owns the inquiry. When no clerk is logged in anywhere
 * on the point, the answer says so (delivered false) and the resident's screen shows the duty phone instead of
 * promising help. A burst of presses is one call, so a worried resident cannot flood clerks.
 */
export class HelpService {
  private last: { at: number; result: RequestResult } | null = null;

  constructor(
    private readonly deps: HelpDeps,
    private readonly minIntervalMs = 2000,
  ) {}

  request(screen: string, ctx: CallContext): RequestResult {
    const now = this.deps.now();
    if (this.last && now.getTime() - this.last.at < this.minIntervalMs) return this.last.result;
    const clerks = this.deps.clerksOnDuty();
    const contact = this.deps.contact();
    // The resident pressed it: the call itself is self-service, whoever later takes it.
    // Someone should be at the resident's side within minutes: past that, the call stands out in the register.
    const dueAt = new Date(now.getTime() + HELP_DUE_MS).toISOString();
    const inquiry = openInquiry(this.deps.store.db, this.deps.store.key, { origin: 'helpButton', channel: 'self', operatorId: null, screen, dueAt }, now);
    const result: RequestResult = {
      callId: inquiry.id,
      at: inquiry.openedAt,
      delivered: clerks.length > 0,
      clerks: clerks.map((c) => c.displayName),
      phone: contact.phone,
      onDuty: contact.onDuty,
    };
    this.last = { at: now.getTime(), result };
    this.deps.events.emit('help.requested', { callId: inquiry.id, at: inquiry.openedAt, screen });
    this.deps.called?.();
    ctx.log.info({ screen, callId: inquiry.id, clerks: clerks.length }, clerks.length > 0 ? 'help requested' : 'help requested with no clerk logged in');
    return result;
  }

  answer(callId: string, ctx: CallContext): MethodResult<'help.answer'> {
    const staff = ctx.connection.staff;
    if (!staff?.roles.includes('clerk')) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
    return this.take(callId, staff);
  }

  /** A clerk takes the call (on a screen of this core, or at the paired window PC): only the first one gets it. */
  take(callId: string, staff: { id: string; displayName: string }): MethodResult<'help.answer'> {
    const inquiry = getInquiry(this.deps.store.db, this.deps.store.key, callId);
    if (!inquiry || inquiry.origin !== 'helpButton') throw new KioskError('not_found', { details: { callId } });
    const taken = takeInquiry(this.deps.store.db, callId, { id: staff.id, name: staff.displayName }, this.deps.now());
    if (taken) this.deps.events.emit('help.answered', { callId, clerkName: staff.displayName });
    const owner = taken ? staff.displayName : getInquiry(this.deps.store.db, this.deps.store.key, callId)?.ownerName ?? null;
    return { taken, ownerName: owner };
  }
}

export function helpHandlers(service: HelpService): HandlerMap<'help.request' | 'help.answer'> {
  return {
    'help.request': ({ screen }, ctx) => service.request(screen, ctx),
    'help.answer': ({ callId }, ctx) => service.answer(callId, ctx),
  };
}
