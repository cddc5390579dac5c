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

const LocalisedSchema = z.object({ 'zh-CN': z.string(), en: z.string() });

export const FaultTicketViewSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  deviceId: z.string().nullable(),
  summary: z.string(),
  state: z.enum(['open', 'sent', 'acknowledged', 'closed']),
  countyNote: z.string().nullable(),
  updatedAt: z.string(),
});

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
  'announcements.current': defineMethod({
    summary: 'Announcements from the county that are in force now (the attract and home screens show them).',
    access: ['public'],
    input: z.object({}).strict(),
    output: z.object({ announcements: z.array(z.object({ id: z.string(), title: LocalisedSchema, body: LocalisedSchema })) }),
  }),
  'faults.open': defineMethod({
    summary: 'A technician opens a fault ticket for the county (no personal data in the summary); it is sent with the next sync round.',
    access: ['technician'],
    input: z.object({ deviceId: z.string().max(40).optional(), summary: z.string().trim().min(3).max(500) }).strict(),
    output: FaultTicketViewSchema,
  }),
  'faults.list': defineMethod({
    summary: "This kiosk's fault tickets, newest first, with the county's answers.",
    access: ['technician'],
    input: z.object({}).strict(),
    output: z.object({ tickets: z.array(FaultTicketViewSchema) }),
  }),
} as const;
