import { z } from 'zod';
import { defineMethod } from '../define';
import { language } from '../method-shapes';
import { MonthSchema, MonthlyFiguresSchema } from '../../report/monthly-figures';

export const ReportViewSchema = z.object({
  month: MonthSchema,
  version: z.number().int().min(1),
  madeAt: z.string(),
  figures: MonthlyFiguresSchema,
  notes: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When the county confirmed receipt; null while the report waits in the outbox. */
  deliveredAt: z.string().nullable(),
  /** The 15th of the next month at 24:00, point time. */
  deadline: z.string(),
  /** Not submitted by the deadline (or submitted after it). */
  late: z.boolean(),
  versions: z.array(z.object({ version: z.number().int(), submittedAt: z.string().nullable(), submittedBy: z.string().nullable() })),
});
export type ReportView = z.infer<typeof ReportViewSchema>;

export const ReportStatusSchema = z.object({
  /** The month whose report is due now (last month). */
  month: MonthSchema,
  state: z.enum(['notMade', 'draft', 'submitted']),
  /** From the 10th until it is submitted: the clerk's screen reminds. */
  reminder: z.boolean(),
  late: z.boolean(),
  deadline: z.string(),
});
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

const MonthInput = z.object({ month: MonthSchema }).strict();

export const reportMethods = {
  'report.status': defineMethod({
    summary: "Last month's report: made, submitted, whether to remind (from the 10th) and whether it is late (after the 15th).",
    access: ['clerk'],
    schemas: () => ({ output: ReportStatusSchema }),
  }),
  'report.open': defineMethod({
    summary: "A past month's report, counted from the point's records (made now if it was not yet; an unsubmitted draft is counted again).",
    access: ['clerk'],
    schemas: () => ({ input: MonthInput, output: ReportViewSchema }),
  }),
  'report.submit': defineMethod({
    summary: 'Submits the shown version with the clerk\'s notes: signed and queued in the outbox for the township.',
    access: ['clerk'],
    schemas: () => ({ input: z.object({ month: MonthSchema, version: z.number().int().min(1), notes: z.string().max(2000) }).strict(), output: ReportViewSchema }),
  }),
  'report.correct': defineMethod({
    summary: 'Starts a corrected version of a submitted report (counted again, notes carried over); the township keeps both.',
    access: ['clerk'],
    schemas: () => ({ input: MonthInput, output: ReportViewSchema }),
  }),
  'report.file': defineMethod({
    summary: 'A version of a month\'s report (the latest when none is named) as an xlsx workbook or an A4 PDF, base64.',
    access: ['clerk'],
    schemas: () => ({
      input: z
        .object({ month: MonthSchema, version: z.number().int().min(1).optional(), format: z.enum(['xlsx', 'pdf']), language: language().default('zh-CN') })
        .strict(),
      output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
    }),
  }),
} as const;
