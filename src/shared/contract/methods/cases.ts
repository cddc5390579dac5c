import { z } from 'zod';
import { defineMethod } from '../define';
import { limitParams, listOf, language, localisedText } from '../method-shapes';
import { ServiceChannelSchema } from '../../domain/service-channel';
import { CaseConsentSchema, CasePromisedDaysSchema, CaseStepSchema } from '../../cases/case-record';
import { CaseMoveSchema, CaseStateSchema } from '../../cases/case-state';
import { PrintJobSchema } from './printing';

const CaseIdSchema = z.string().uuid();
const MaterialCodesSchema = z.array(z.string().min(1).max(40)).max(50);

/** A case as the clerk's screen shows it: the resident masked, every step with who and when. */
export const CaseViewSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  openedAt: z.string(),
  itemCode: z.string(),
  channel: ServiceChannelSchema,
  operatorId: z.string(),
  ownerName: z.string(),
  residentMasked: z.string(),
  consent: CaseConsentSchema,
  materials: z.array(z.string()),
  promisedDays: z.number().int(),
  dueAt: z.string(),
  state: CaseStateSchema,
  /** Still in someone's hands and past the promised time. */
  overdue: z.boolean(),
  steps: z.array(CaseStepSchema),
  /** The moves the point may make now (send, handBack); the others are made at the township or county. */
  pointMoves: z.array(CaseMoveSchema),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

/** A case as its resident sees it on "where is my request": no clerk's names, no steps, the county's words when returned. */
export const ResidentCaseSchema = z.object({
  caseNumber: z.string(),
  itemCode: z.string(),
  openedAt: z.string(),
  dueAt: z.string(),
  state: CaseStateSchema,
  overdue: z.boolean(),
  updatedAt: z.string(),
  missing: localisedText().nullable(),
});
export type ResidentCase = z.infer<typeof ResidentCaseSchema>;

export const casesMethods = {
  'cases.mine': defineMethod({
    summary: "\"Where is my request\": the identified resident's own 全程代办 cases at this point, newest first, from what the kiosk knows.",
    access: ['resident'],
    schemas: () => ({ input: limitParams(50, 20), output: listOf('cases', ResidentCaseSchema) }),
  }),
  'cases.open': defineMethod({
    summary:
      '全程代办: a clerk opens a case for the resident identified in this visit, with their consent, the materials received on paper and the promised time; stamped with the channel and operator of the login.',
    access: ['clerk'],
    schemas: () => ({
      input: z
        .object({ itemCode: z.string().min(1).max(40), consent: CaseConsentSchema, promisedDays: CasePromisedDaysSchema, materials: MaterialCodesSchema })
        .strict(),
      output: CaseViewSchema,
    }),
  }),
  'cases.list': defineMethod({
    summary: "The point's cases: open ones first (overdue at the top, then the soonest due), then finished ones, newest first.",
    access: ['clerk'],
    schemas: () => ({ input: limitParams(500, 100), output: listOf('cases', CaseViewSchema) }),
  }),
  'cases.get': defineMethod({
    summary: 'One case with every step.',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ id: CaseIdSchema }).strict(), output: CaseViewSchema }),
  }),
  'cases.send': defineMethod({
    summary: 'Sends an opened case to the township through the outbox, or sends a returned one again with the materials now gathered.',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ id: CaseIdSchema, materials: MaterialCodesSchema.optional() }).strict(), output: CaseViewSchema }),
  }),
  'cases.handBack': defineMethod({
    summary: 'The resident has signed the handover receipt: the finished (or refused) case is handed back; the step travels to the county.',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ id: CaseIdSchema, residentSigned: z.literal(true) }).strict(), output: CaseViewSchema }),
  }),
  'cases.printHandover': defineMethod({
    summary: 'The handover receipt on the receipt printer: the case, its outcome and its steps, with a line for the resident to sign.',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ id: CaseIdSchema, language: language().optional() }).strict(), output: PrintJobSchema }),
  }),
} as const;
