import { z } from 'zod';
import { defineMethod } from '../define';

export const SyncStatusSchema = z.object({
  /** False when the site config has no county: the kiosk queues everything. */
  configured: z.boolean(),
  online: z.boolean(),
  pending: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  acknowledged: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** The county's or the network's reason for the last failure (e.g. "ECONNREFUSED", "bad_signature"). */
  lastError: z.string().nullable(),
  configVersion: z.number().int().nonnegative(),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

export const syncMethods = {
  'sync.status': defineMethod({
    summary: 'Outbox depth, oldest pending item, last good sync and county reachability (no personal data).',
    access: ['public'],
    input: z.object({}).strict(),
    output: SyncStatusSchema,
  }),
  'sync.now': defineMethod({
    summary: 'Runs a sync round now (a technician checking the line, a clerk before closing) and answers its outcome.',
    access: ['clerk', 'technician'],
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), sent: z.number(), acknowledged: z.number(), rejected: z.number(), error: z.string().optional(), status: SyncStatusSchema }),
  }),
} as const;
