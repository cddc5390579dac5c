import { z } from 'zod';
import { TypedIdReasonSchema } from './typed-id-reason';

/** Where a resident identity came from. */
export const IdentitySourceSchema = z.enum(['idCard', 'socialSecurityCard', 'typedByClerk']);
export type IdentitySource = z.infer<typeof IdentitySourceSchema>;

/** The resident as the core session knows them. Personal data: never logged unmasked. */
export const ResidentIdentitySchema = z.object({
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  name: z.string().min(1).max(60),
  sex: z.enum(['male', 'female', 'unknown']),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  nation: z.string().optional(),
  address: z.string().optional(),
  /** Card validity end: YYYY-MM-DD, or 'long-term' (长期). */
  validUntil: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('long-term')]).optional(),
  socialSecurityCardNumber: z.string().optional(),
  source: IdentitySourceSchema,
  /** Why the clerk typed the number (source typedByClerk only). */
  typedReason: TypedIdReasonSchema.optional(),
});
export type ResidentIdentity = z.infer<typeof ResidentIdentitySchema>;

/** What the screen may show about the current resident: masked values only. */
export const ResidentSummarySchema = z.object({
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  source: IdentitySourceSchema,
});
export type ResidentSummary = z.infer<typeof ResidentSummarySchema>;
