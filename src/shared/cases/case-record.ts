import { z } from 'zod';
import { ServiceChannelSchema } from '../domain/service-channel';
import { CaseStateSchema, CaseStepKindSchema } from './case-state';

const IsoTimeSchema = z.iso.datetime({ offset: true });
const WordsSchema = z.object({ 'zh-CN': z.string().min(1).max(500), en: z.string().min(1).max(500) });

/** The promised time a clerk sets when opening a case (the item's 承诺时限 in days, read from its guide). */
export const CASE_PROMISED_DAYS = [1, 3, 5, 7, 10, 15, 20, 30] as const;
export const CasePromisedDaysSchema = z.number().int().refine((d) => (CASE_PROMISED_DAYS as readonly number[]).includes(d), { message: 'one of the promised times' });

/**
 * How the resident agreed to the clerk carrying the case: in person at the point with their card read (the resident
 * signs the handover receipt at the end), or by a signed paper form the clerk keeps with the materials.
 */
export const CaseConsentSchema = z.enum(['inPerson', 'signedForm']);
export type CaseConsent = z.infer<typeof CaseConsentSchema>;

/**
 * One step of a case, stamped with who and when. Steps made at the point carry the clerk's channel and staff id;
 * steps made at the township or county carry the console account (channel null: no service channel applies upstream).
 */
export const CaseStepSchema = z.object({
  /** UUIDv7: a step is held once wherever it arrives. */
  id: z.string().uuid(),
  kind: CaseStepKindSchema,
  at: IsoTimeSchema,
  /** The state the case is in after this step. */
  state: CaseStateSchema,
  channel: ServiceChannelSchema.nullable(),
  operatorId: z.string().min(1).max(64),
  operatorName: z.string().min(1).max(60),
  /** return: what is missing (words, and the catalogue material codes). */
  missing: z.object({ text: WordsSchema, materials: z.array(z.string().max(40)).max(20) }).optional(),
  /** refuse: why; finish or any other step: an optional note. */
  note: WordsSchema.optional(),
  /** send (again after a return): the material codes gathered so far. */
  materials: z.array(z.string().max(40)).max(50).optional(),
});
export type CaseStep = z.infer<typeof CaseStepSchema>;

/** The case as it travels to the county the first time it is sent (outbox kind `case`). */
export const CasePayloadSchema = z.object({
  caseId: z.string().uuid(),
  /** What the resident's receipt shows, e.g. DB-20261130-4F2A. */
  caseNumber: z.string().min(1).max(40),
  itemCode: z.string().min(1).max(40),
  channel: ServiceChannelSchema,
  operatorId: z.string().min(1).max(64),
  openedAt: IsoTimeSchema,
  promisedDays: z.number().int().min(1).max(60),
  dueAt: IsoTimeSchema,
  consent: CaseConsentSchema,
  resident: z.object({
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: z.string().min(1).max(60),
    source: z.enum(['idCard', 'socialSecurityCard', 'typedByClerk']),
  }),
  /** Catalogue material codes the clerk received on paper and carries along the path. */
  materials: z.array(z.string().max(40)).max(50),
  /** The steps so far, oldest first: open, then send. */
  steps: z.array(CaseStepSchema).min(2).max(50),
});
export type CasePayload = z.infer<typeof CasePayloadSchema>;

/** A later step made at the point (outbox kind `caseStep`): sent again after a return, or handed back. */
export const CaseStepPayloadSchema = z.object({ caseId: z.string().uuid(), step: CaseStepSchema });
export type CaseStepPayload = z.infer<typeof CaseStepPayloadSchema>;

/** What comes back down with the case's outcome: its state at the county and the steps made upstream, oldest first. */
export const CaseOutcomeSchema = z.object({ state: CaseStateSchema, steps: z.array(CaseStepSchema).max(50) });
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;
