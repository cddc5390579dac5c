import { z } from 'zod';
import { defineMethod } from '../define';
import { limitParams, listOf, flag } from '../method-shapes';
import { ServiceChannelSchema } from '../../domain/service-channel';
import { ItemOutcomeSchema } from '../../sync/outcomes';


/** A captured page or photo: at most 3 MB once decoded (a scanned A4 page as JPEG is a few hundred KB). */
const MAX_ATTACHMENT_BASE64 = Math.ceil((3 * 1024 * 1024 * 4) / 3);
const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').max(MAX_ATTACHMENT_BASE64);

export const SubmitInputSchema = z.object({
  itemCode: z.string().min(1).max(40),
  form: z.record(z.string().max(80), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()])),
  attachments: z
    .array(z.object({ materialCode: z.string().min(1).max(40), mime: z.enum(['image/jpeg', 'image/png', 'application/pdf']), dataBase64: Base64Schema.min(4) }))
    .max(40)
    .default([]),
  /** The face check of this visit by the id face.capture answered: the image and scores never pass through a screen. */
  face: z.object({ captureId: z.string().uuid() }).strict().optional(),
});

export const SubmissionStatusSchema = z.object({
  submissionId: z.string(),
  trackingNumber: z.string(),
  itemCode: z.string(),
  channel: ServiceChannelSchema,
  status: z.enum(['queued', 'acknowledged', 'rejected']),
  rejectReason: z.string().nullable(),
  submittedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** What the county made of it so far (accepted, inProgress, done, returned with what is missing, refused with why); null before the first word. */
  outcome: ItemOutcomeSchema.nullable(),
});
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** What a resident is given for a handed-in application (the receipt screen and slip show it). */
export const SubmissionReceiptSchema = z.object({
  submissionId: z.string(),
  trackingNumber: z.string(),
  submittedAt: z.string(),
  /** queued: on this kiosk, goes with the next sync; answered: an immediate item the county already decided (see outcome). */
  delivery: z.enum(['queued', 'answered']),
  /** Immediate items only, when the county answered at once: its outcome (a loss report's blockedAt). */
  outcome: ItemOutcomeSchema.optional(),
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceiptSchema>;

export const applicationsMethods = {
  'applications.submit': defineMethod({
    summary:
      'Hands in an application for the identified resident, stamped by the core with the channel and operator of this connection (a resident alone is always self). Answers only after the submission, its attachments, outbox item and audit entry are committed together; delivery to the county follows.',
    access: ['resident'],
    schemas: () => ({ input: SubmitInputSchema, output: SubmissionReceiptSchema }),
  }),
  'applications.mine': defineMethod({
    summary: "The identified resident's own submissions on this kiosk, newest first, with their delivery state.",
    access: ['resident'],
    schemas: () => ({ input: limitParams(50, 20), output: listOf('submissions', SubmissionStatusSchema) }),
  }),
  'applications.status': defineMethod({
    summary:
      "Where one application stands: delivery and the county's outcome with its steps. By tracking number (a clerk helping someone with their slip) or submission id; a resident without a clerk sees only their own.",
    access: ['resident', 'clerk'],
    schemas: () => ({
      input: z.union([z.object({ trackingNumber: z.string().min(1).max(40) }).strict(), z.object({ submissionId: z.string().min(1).max(64) }).strict()]),
      output: SubmissionStatusSchema,
    }),
  }),
  'applications.resend': defineMethod({
    summary:
      'Completes an application the county returned: the identified resident (the same person) adds the materials it asked for, and it is sent again as the same application (same tracking number), committed like a submission.',
    access: ['resident'],
    schemas: () => ({
      input: z.object({ submissionId: z.string().min(1).max(64), attachments: SubmitInputSchema.shape.attachments }).strict(),
      output: z.object({ submissionId: z.string(), trackingNumber: z.string(), submittedAt: z.string(), delivery: z.literal('queued') }),
    }),
  }),
  'applications.rejected': defineMethod({
    summary: 'Submissions the county rejected and no clerk has dealt with yet (with the county reason).',
    access: ['clerk'],
    schemas: () => ({
      output: z.object({ items: z.array(z.object({ submissionId: z.string().nullable(), outboxId: z.string(), createdAt: z.string(), reason: z.string() })) }),
    }),
  }),
  'applications.resolveRejected': defineMethod({
    summary: 'A clerk marks a rejected submission as dealt with (it stays on record, with who and when).',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ outboxId: z.string().min(1).max(64) }).strict(), output: flag('resolved') }),
  }),
} as const;
