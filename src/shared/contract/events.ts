import { z } from 'zod';
import { defineEvent } from './define';
import { DeviceStatusSchema } from '../domain/devices';
import { OutcomeStateSchema } from '../sync/outcomes';
import { SyncStatusSchema } from './methods/sync';

/**
 * Events the core pushes to every connected screen. Payloads carry no unmasked personal data: a screen that
 * needs the resident's details asks for them through a method (which checks the caller's role).
 */
export const events = {
  'device.changed': defineEvent({
    summary: 'A device changed state (online, offline, paper out...).',
    schema: () => DeviceStatusSchema,
  }),
  'card.inserted': defineEvent({
    summary: 'A card was placed on or inserted into a reader.',
    schema: () => z.object({ deviceId: z.string(), kind: z.enum(['idCard', 'socialSecurityCard']) }),
  }),
  'card.removed': defineEvent({
    summary: 'A card was taken away.',
    schema: () => z.object({ deviceId: z.string(), kind: z.enum(['idCard', 'socialSecurityCard']) }),
  }),
  'session.changed': defineEvent({
    summary: 'The resident session started, was identified or ended (reason says why).',
    schema: () => z.object({
      state: z.enum(['none', 'identified']),
      reason: z.enum(['identified', 'finished', 'idle', 'cardRemoved', 'clerkEnded', 'replaced']).optional(),
    }),
  }),
  'session.expiring': defineEvent({
    summary: 'The core will end the session after secondsLeft unless the resident touches the screen.',
    schema: () => z.object({ secondsLeft: z.number().int().nonnegative() }),
  }),
  'sync.progress': defineEvent({
    summary: 'Outbox and county sync state.',
    // The part of sync.status that changes as the outbox drains, defined once there.
    schema: () => SyncStatusSchema.pick({ online: true, pending: true, rejected: true, oldestPendingAt: true, lastSyncAt: true, nextAttemptAt: true }),
  }),
  'records.changed': defineEvent({
    summary:
      "The kiosk's own records changed: something was queued for the county, the county settled queued items (received or refused), the county moved one of the point's cases (taken, returned, finished), or an inquiry was opened, taken or closed. Screens listing the day's records reload on it; sync.progress alone only says how the queue stands.",
    schema: () => z.object({ cause: z.enum(['queued', 'settled', 'caseMoved', 'inquiry']) }),
  }),
  'config.changed': defineEvent({
    summary: 'A newer catalogue, staff list, announcement set or site setting arrived from the county.',
    schema: () => z.object({ part: z.enum(['catalog', 'staff', 'announcements', 'site']), version: z.number().int() }),
  }),
  'staff.changed': defineEvent({
    summary: "A staff login ended without its screen asking (the county disabled the account, or it expired): screens logged in as staffId check staff.me.",
    schema: () => z.object({ staffId: z.string().max(64), reason: z.enum(['disabled', 'expired']) }),
  }),
  'applications.outcome': defineEvent({
    summary: 'The county sent a new outcome for a submission of this kiosk (read it with applications.status or applications.mine).',
    schema: () => z.object({ submissionId: z.string(), state: OutcomeStateSchema }),
  }),
  'help.requested': defineEvent({
    summary: 'A resident pressed the help button; logged-in clerk screens chime and show a banner until a clerk takes the call.',
    schema: () => z.object({ callId: z.string().max(64), at: z.string(), screen: z.string().max(80) }),
  }),
  'help.answered': defineEvent({
    summary: 'A clerk took a help call: clerk screens drop its banner, the resident screen names who is coming.',
    schema: () => z.object({ callId: z.string().max(64), clerkName: z.string().max(60) }),
  }),
  'print.changed': defineEvent({
    summary: 'A print job changed state (printing, waiting for paper, done, failed).',
    schema: () => z.object({
      jobId: z.string(),
      state: z.enum(['queued', 'printing', 'waitingForPaper', 'waitingForCover', 'done', 'failed', 'cancelled']),
      messageKey: z.string().optional(),
    }),
  }),
  'face.progress': defineEvent({
    summary: 'A face capture session step (move closer, blink...): the screen shows and speaks cameras:face.step.<step>.',
    schema: () => z.object({
      step: z.enum(['started', 'faceFound', 'noFace', 'tooFar', 'tooClose', 'turnLeft', 'turnRight', 'blink', 'openMouth', 'holdStill', 'tooDark', 'tooBright', 'capturing']),
    }),
  }),
  'camera.buttonPressed': defineEvent({
    summary: "The document camera's own capture button was pressed: the materials step takes the picture.",
    schema: () => z.object({ deviceId: z.string() }),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventData<E extends EventName> = z.output<Events[E]['data']>;
