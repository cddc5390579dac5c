import { z } from 'zod';
import { defineMethod } from '../define';
import { listOf, localisedText } from '../method-shapes';
import { FaultLevelSchema, FaultMoveSchema } from '../../faults/fault-moves';

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

/** A ticket as the point sees it: where it stands on its way up, by when that level must answer, every move. */
export const FaultTicketViewSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  deviceId: z.string().nullable(),
  summary: z.string(),
  /** open: not yet at the county; sent: the county holds it, nobody at its level took it yet. */
  state: z.enum(['open', 'sent', 'acknowledged', 'closed']),
  countyNote: z.string().nullable(),
  updatedAt: z.string(),
  level: FaultLevelSchema,
  levelSince: z.string(),
  /** When the ticket climbs if nobody at its level acknowledges it (null: acknowledged or closed). */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  acknowledgedBy: z.string().nullable(),
  /** The county's confirmed moves, then the point's not yet confirmed (unsentMoves). */
  moves: z.array(FaultMoveSchema),
  unsentMoves: z.array(FaultMoveSchema),
  /** Set when the device's self-test passed after the fault: the technician may close the ticket. */
  closeOfferedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopened: z.number().int().nonnegative(),
});
const TicketIdSchema = z.object({ id: z.string().min(1).max(64) }).strict();

export const syncMethods = {
  'sync.status': defineMethod({
    summary: 'Outbox depth, oldest pending item, last good sync and county reachability (no personal data).',
    access: ['public'],
    schemas: () => ({ output: SyncStatusSchema }),
  }),
  'sync.now': defineMethod({
    summary: 'Runs a sync round now (a technician checking the line, a clerk before closing) and answers its outcome.',
    access: ['clerk', 'technician'],
    schemas: () => ({
      output: z.object({ ok: z.boolean(), sent: z.number(), acknowledged: z.number(), rejected: z.number(), error: z.string().optional(), status: SyncStatusSchema }),
    }),
  }),
  'announcements.current': defineMethod({
    summary: 'Announcements from the county that are in force now (the attract and home screens show them).',
    access: ['public'],
    schemas: () => ({ output: z.object({ announcements: z.array(z.object({ id: z.string(), title: localisedText(), body: localisedText() })) }) }),
  }),
  'faults.open': defineMethod({
    summary: 'A technician or clerk opens a fault ticket at the point (no personal data in the summary; the same device failing within 7 days of a close reopens its ticket); sent with the next sync round.',
    access: ['technician', 'clerk'],
    schemas: () => ({ input: z.object({ deviceId: z.string().max(40).optional(), summary: z.string().trim().min(3).max(500) }).strict(), output: FaultTicketViewSchema }),
  }),
  'faults.list': defineMethod({
    summary: "This kiosk's fault tickets, newest first, with their level, due time, moves and the county's answers.",
    access: ['technician', 'clerk'],
    schemas: () => ({ output: listOf('tickets', FaultTicketViewSchema) }),
  }),
  'faults.acknowledge': defineMethod({
    summary: 'The point takes a ticket that stands at the point (it then no longer climbs by itself).',
    access: ['technician', 'clerk'],
    schemas: () => ({ input: TicketIdSchema, output: FaultTicketViewSchema }),
  }),
  'faults.note': defineMethod({
    summary: 'A stamped note on a ticket (steps tried, what was seen), sent up with it.',
    access: ['technician', 'clerk'],
    schemas: () => ({ input: z.object({ id: z.string().min(1).max(64), note: z.string().trim().min(2).max(500) }).strict(), output: FaultTicketViewSchema }),
  }),
  'faults.close': defineMethod({
    summary: "Closes a ticket; a device's ticket only once its self-test passed after the fault.",
    access: ['technician'],
    schemas: () => ({ input: TicketIdSchema, output: FaultTicketViewSchema }),
  }),
} as const;
