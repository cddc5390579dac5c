import { z } from 'zod';
import { MonthSchema } from '../report/monthly-figures';
import { PointSchema } from './api';

/**
 * The console's Reports page (issue 13): each point's monthly report for a month as the township sees it, one
 * report opened with every version the point sent, and the township's workbook of the month.
 */

/** received: first version submitted before the 15th; receivedLate: after it; late: nothing yet and the 15th passed; due: not yet. */
export const ReportStateSchema = z.enum(['received', 'receivedLate', 'late', 'due']);
export type ReportState = z.infer<typeof ReportStateSchema>;

export const ReportMonthRowSchema = z.object({
  point: PointSchema,
  state: ReportStateSchema,
  /** How many versions arrived (more than one: corrected). */
  versions: z.number().int().nonnegative(),
  /** When the first version was submitted at the point (its true time, even if it arrived later). */
  firstSubmittedAt: z.string().nullable(),
  latestSubmittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** The latest version's items handled, all channels. */
  itemsTotal: z.number().int().nonnegative().nullable(),
});
export type ReportMonthRow = z.infer<typeof ReportMonthRowSchema>;

export const ReportMonthSchema = z.object({
  now: z.string(),
  month: MonthSchema,
  /** The 15th of the next month, 00:00 at the point (UTC+8), as an ISO time. */
  deadline: z.string(),
  rows: z.array(ReportMonthRowSchema),
  counts: z.object({ received: z.number().int(), receivedLate: z.number().int(), late: z.number().int(), due: z.number().int(), corrected: z.number().int() }),
});
export type ReportMonth = z.infer<typeof ReportMonthSchema>;

const ChannelCountsSchema = z.object({ self: z.number(), assisted: z.number(), window: z.number(), homeVisit: z.number(), proxy: z.number() });
export const ReportVersionSchema = z.object({
  version: z.number().int().positive(),
  madeAt: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string(),
  submittedBy: z.string(),
  late: z.boolean(),
  notes: z.string(),
  /** The township's layout (src/shared/report/report-layout.ts) in the language asked for. */
  itemRows: z.array(z.object({ kind: z.enum(['item', 'subtotal', 'other', 'total']), code: z.string(), label: z.string(), counts: ChannelCountsSchema, total: z.number() })),
  serviceRows: z.array(z.object({ label: z.string(), value: z.number(), format: z.enum(['count', 'hours', 'share']) })),
});
export type ReportVersion = z.infer<typeof ReportVersionSchema>;
export const PointReportSchema = z.object({ point: PointSchema, month: MonthSchema, deadline: z.string(), versions: z.array(ReportVersionSchema) });
export type PointReport = z.infer<typeof PointReportSchema>;
