import { z } from 'zod';
import { defineMethod } from '../define';
import { MonthSchema } from '../../report/monthly-figures';
import { limitParams, listOf, language } from '../method-shapes';
import { ServiceChannelSchema } from '../../domain/service-channel';
import { PrintJobSchema } from './printing';

export const InquiryOriginSchema = z.enum(['helpButton', 'kiosk', 'window', 'phone', 'homeVisit']);
export const InquiryOutcomeSchema = z.enum(['answered', 'handledHere', 'slipPrinted', 'referred', 'caseOpened']);
/** When the clerk promises an answer: today, in 3 days, in 7 days. */
export const InquiryDueSchema = z.enum(['today', 'threeDays', 'sevenDays']);

export const InquiryViewSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  origin: InquiryOriginSchema,
  channel: ServiceChannelSchema,
  operatorId: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  screen: z.string().nullable(),
  itemCode: z.string().nullable(),
  topic: z.string().nullable(),
  askerMasked: z.string().nullable(),
  /** Taken on a home visit: the resident's village group. */
  villageGroup: z.string().nullable(),
  dueAt: z.string().nullable(),
  outcome: InquiryOutcomeSchema.nullable(),
  closedAt: z.string().nullable(),
  /** Open and past the promised time: stands at the top of its owner's list. */
  overdue: z.boolean(),
});
export type InquiryView = z.infer<typeof InquiryViewSchema>;

export const inquiriesMethods = {
  'inquiries.open': defineMethod({
    summary: 'A clerk records a contact (首问负责): channel and operator stamped by the core, the clerk owns it until it is closed.',
    access: ['clerk'],
    schemas: () => ({
      input: z
        .object({
          origin: z.enum(['kiosk', 'window', 'phone', 'homeVisit']),
          itemCode: z.string().min(1).max(40).optional(),
          topic: z.string().trim().min(1).max(200).optional(),
          askerMasked: z.string().trim().min(1).max(40).optional(),
          due: InquiryDueSchema.default('today'),
        })
        .strict()
        .refine((i) => i.itemCode !== undefined || i.topic !== undefined, { message: 'a catalogue item or free words' }),
      output: InquiryViewSchema,
    }),
  }),
  'inquiries.list': defineMethod({
    summary: "The register: open inquiries first (the caller's overdue ones at the top, then unowned help calls, then newest), then today's closed ones.",
    access: ['clerk'],
    schemas: () => ({ input: limitParams(500, 100), output: listOf('inquiries', InquiryViewSchema) }),
  }),
  'inquiries.take': defineMethod({
    summary: 'A clerk takes an inquiry nobody owns yet (a help call): it is theirs until closed.',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ id: z.string().min(1).max(64) }).strict(), output: InquiryViewSchema }),
  }),
  'inquiries.close': defineMethod({
    summary:
      "The owner closes an inquiry with what was done (answered, handled here, 一次性告知 slip printed, referred, case opened). slipPrinted prints the inquiry's item's slip on the receipt printer first (recorded as a print with the clerk's channel); without an item, or when the printer fails, the inquiry stays open.",
    access: ['clerk'],
    schemas: () => ({
      input: z.object({ id: z.string().min(1).max(64), outcome: InquiryOutcomeSchema, language: language().optional() }).strict(),
      output: InquiryViewSchema,
    }),
  }),
  'inquiries.print': defineMethod({
    summary: "The register as the caller's list shows it (open first, overdue at the top, today's closed ones), printed on the receipt printer with askers masked (paper a4: the same on A4, embedded CJK font, on the document printer).",
    access: ['clerk'],
    schemas: () => ({
      input: z.object({ language: language().optional(), paper: z.enum(['receipt', 'a4']).default('receipt') }).strict(),
      output: PrintJobSchema,
    }),
  }),
  'inquiries.export': defineMethod({
    summary: 'The register of a month as an xlsx workbook (askers masked), for the township.',
    access: ['clerk'],
    schemas: () => ({
      input: z.object({ month: MonthSchema }).strict(),
      output: z.object({ filename: z.string(), xlsxBase64: z.string(), rows: z.number().int() }),
    }),
  }),
} as const;
