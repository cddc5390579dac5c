import type { SubmissionPayload } from '../../shared/sync/protocol';
import type { OutcomeChange } from '../outcomes';

/**
 * The back-office port: how the gateway hands stored applications to whoever decides them, and how outcomes come
 * back. The built-in reference back office implements it (src/county/back-office/reference-back-office.ts); a
 * provincial adapter implements the same interface and must pass test/integration/back-office-contract.test.ts.
 *
 * Rules an implementation must keep:
 * - `receive` is called at least once per delivery (after a crash, again): the same `deliveryId` twice changes nothing.
 * - Outcomes are reported only through the sink, in the order they happen; the gateway numbers them (seq) and
 *   delivers them to the kiosk. Allowed moves: accepted → inProgress → done | returned | refused; returned →
 *   inProgress when the application comes back (round + 1). Nothing moves out of done or refused.
 * - A returned outcome says in words what is missing (`missing.text`) and names the catalogue materials
 *   (`missing.materials`); a refused one says why (`reason`).
 * - `advance(now)` does whatever automatic work is due by `now` (the gateway calls it on a timer).
 */
export interface BackOfficeItem {
  /** The application: the id it was first sent under. Outcomes are keyed by it. */
  applicationId: string;
  /** This delivery's idempotency key (equal to applicationId on the first round). */
  deliveryId: string;
  /** 1 for the first sending, 2+ after each return for more materials. */
  round: number;
  kioskId: string;
  itemCode: string;
  trackingNumber: string;
  receivedAt: Date;
  payload: SubmissionPayload;
}

export interface OutcomeSink {
  /** Resolves once the gateway has stored the change (inside the back office's transaction when it runs in one). */
  record(applicationId: string, change: OutcomeChange, at: Date): Promise<void>;
}

export interface BackOffice {
  readonly name: string;
  receive(item: BackOfficeItem, sink: OutcomeSink): Promise<void>;
  /** Optional: several deliveries at once, all or none (the reference one uses one transaction: one disk sync, not one per item). */
  receiveAll?(items: readonly BackOfficeItem[], sink: OutcomeSink): Promise<void>;
  advance(now: Date, sink: OutcomeSink): Promise<void>;
}

/** What a county clerk may do with an application waiting at the desk (reference back office; the console's screens). */
export type ClerkAction =
  | { action: 'take'; clerkId: string }
  | { action: 'return'; clerkId: string; materials: string[]; note?: { 'zh-CN': string; en: string } }
  | { action: 'finish'; clerkId: string; note?: { 'zh-CN': string; en: string } }
  | { action: 'refuse'; clerkId: string; reason: { 'zh-CN': string; en: string } };

export type DeskState = 'waiting' | 'taken' | 'automatic' | 'returned' | 'done' | 'refused';

export interface DeskItem {
  applicationId: string;
  trackingNumber: string;
  itemCode: string;
  kioskId: string;
  desk: 'automatic' | 'clerk';
  state: DeskState;
  round: number;
  clerkId: string | null;
  dueAt: string | null;
  /** Masked: the desk list never shows a full name or ID number. */
  residentMasked: string;
  receivedAt: string;
}

export class ClerkActionError extends Error {
  constructor(readonly code: 'unknown_application' | 'wrong_state' | 'taken_by_other' | 'unknown_material') {
    super(code);
  }
}

/** A back office whose decisions a county clerk makes in the console (the reference one). */
export interface ClerkDesk {
  desk(filter?: { state?: DeskState; clerkId?: string; limit?: number }): Promise<DeskItem[]>;
  deskItem(applicationId: string): Promise<DeskItem | null>;
  act(applicationId: string, action: ClerkAction, sink: OutcomeSink, now: Date): Promise<DeskItem>;
}
