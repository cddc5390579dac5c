import { z } from 'zod';
import { defineMethod } from '../define';
import { limitParams } from '../method-shapes';
import { SyncStatusSchema } from './sync';
import { ServiceChannelSchema } from '../../domain/service-channel';
import { CaseStateSchema } from '../../cases/case-state';
import { VillageDutySchema } from '../../sync/village-list';

export const OwnSubmissionSchema = z.object({
  submissionId: z.string(),
  trackingNumber: z.string(),
  itemCode: z.string(),
  channel: ServiceChannelSchema,
  submittedAt: z.string(),
  status: z.enum(['queued', 'acknowledged', 'rejected']),
});

/** A submission the county would not take, with what the clerk needs to deal with it. */
export const RejectedWorkSchema = z.object({
  outboxId: z.string(),
  submissionId: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  itemCode: z.string().nullable(),
  createdAt: z.string(),
  /** The county's reason code (e.g. invalidIdNumber, unknownItem); the screen says it in words. */
  reason: z.string(),
});

/** A case of the clerk's day (no personal data: the case number and item say which). */
export const ClerkDayCaseSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  state: CaseStateSchema,
  dueAt: z.string(),
  overdue: z.boolean(),
  /** Opened or moved by this clerk today (otherwise: theirs, still open from an earlier day). */
  touchedToday: z.boolean(),
});

export const ClerkDaySchema = z.object({
  /** The point's local day (China time) the figures are for. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  submissions: z.object({ total: z.number().int().nonnegative(), items: z.array(OwnSubmissionSchema) }),
  inquiries: z.object({
    opened: z.number().int().nonnegative(),
    closed: z.number().int().nonnegative(),
    open: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
  }),
  helpCalls: z.object({ received: z.number().int().nonnegative(), taken: z.number().int().nonnegative() }),
  queue: SyncStatusSchema.pick({ pending: true, oldestPendingAt: true, lastSyncAt: true, online: true }),
  rejected: z.array(RejectedWorkSchema),
  /** 全程代办 cases this clerk opened or moved today, and their cases still open (overdue ones flagged). */
  cases: z.array(ClerkDayCaseSchema),
});
export type ClerkDay = z.infer<typeof ClerkDaySchema>;

export const clerkDayMethods = {
  'clerkDay.today': defineMethod({
    summary:
      "The logged-in clerk's day: their own submissions since local midnight (any channel they worked in), their inquiries and the point's help calls, their cases (opened or moved today, or still open), the sync queue, and the county's rejected items still to deal with.",
    access: ['clerk'],
    schemas: () => ({ input: limitParams(200, 50), output: ClerkDaySchema }),
  }),
  'clerkDay.villageList': defineMethod({
    summary:
      "The clerk's village list from the county (due for certification, expiring cards, locked PINs, unpaid contributions) for this point only. Asked of the county each time (kept in memory for the local day at most, never stored); offline it says so.",
    access: ['clerk'],
    schemas: () => ({
      input: z.object({ refresh: z.boolean().default(false) }).strict(),
      output: z.object({ divisionCode: z.string(), fetchedAt: z.string(), entries: z.array(VillageDutySchema) }),
    }),
  }),
} as const;
