import { z } from 'zod';
import { CaseStepSchema } from '../cases/case-record';
import { CaseMoveSchema, CaseStateSchema } from '../cases/case-state';
import { PointSchema } from './api';

const ClerkText = z.string().trim().min(1).max(300);

/**
 * The console's 全程代办 desk (under /console/api/point-cases): cases carried up from the points in the caller's
 * scope, the resident masked, with the moves the caller may make now (the gateway decides them, not the page).
 */
export const PointCaseRowSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  point: PointSchema,
  channel: z.string(),
  operatorId: z.string(),
  residentMasked: z.string(),
  materials: z.array(z.string()),
  promisedDays: z.number().int(),
  dueAt: z.string(),
  openedAt: z.string(),
  receivedAt: z.string(),
  state: CaseStateSchema,
  holderId: z.string().nullable(),
  overdue: z.boolean(),
  steps: z.array(CaseStepSchema),
  moves: z.array(CaseMoveSchema),
});
export type PointCaseRow = z.infer<typeof PointCaseRowSchema>;
export const PointCaseListSchema = z.object({ now: z.string(), cases: z.array(PointCaseRowSchema) });
export const PointCaseDetailSchema = z.object({ case: PointCaseRowSchema, resident: z.object({ name: z.string(), idNumber: z.string() }).nullable() });

/** A move on a case: a return names the missing materials, a refusal says why (Chinese, optionally English). */
export const PointCaseMoveSchema = z.discriminatedUnion('move', [
  z.object({ move: z.literal('take') }),
  z.object({ move: z.literal('passUp'), note: ClerkText.optional(), noteEn: ClerkText.optional() }),
  z.object({ move: z.literal('return'), materials: z.array(z.string().min(1).max(40)).min(1).max(20), note: ClerkText.optional(), noteEn: ClerkText.optional() }),
  z.object({ move: z.literal('finish'), note: ClerkText.optional(), noteEn: ClerkText.optional() }),
  z.object({ move: z.literal('refuse'), reason: ClerkText, reasonEn: ClerkText.optional() }),
]);
export type PointCaseMove = z.infer<typeof PointCaseMoveSchema>;
