import { z } from 'zod';

/**
 * Why a clerk typed the resident's ID number instead of reading a card (the list the clerk chooses from; stored with
 * the identification and sent to the county with the submission, so a typed identity is never unexplained).
 */
export const TYPED_ID_REASONS = ['cardUnreadable', 'cardNotBrought', 'cardLost', 'readerFault'] as const;
export const TypedIdReasonSchema = z.enum(TYPED_ID_REASONS);
export type TypedIdReason = z.infer<typeof TypedIdReasonSchema>;
