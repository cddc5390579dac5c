import { z } from 'zod';
import { SERVICE_CHANNELS, type ServiceChannel } from '../domain/service-channel';
import { MONTH_PATTERN } from './report-month';

/** The channels a report counts by, in the township's column order. */
export const REPORT_CHANNELS = SERVICE_CHANNELS;
export type ReportChannel = ServiceChannel;

/** What a print was: a submission receipt, a certificate (a print item), a 一次性告知 slip, a query result. */
export const PRINT_KINDS = ['receipt', 'certificate', 'notification', 'queryResult'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

const Count = z.number().int().nonnegative();
export const ChannelCountsSchema = z.object({ self: Count, assisted: Count, window: Count, homeVisit: Count, proxy: Count });
export type ChannelCounts = z.infer<typeof ChannelCountsSchema>;

export function zeroChannels(): ChannelCounts {
  return { self: 0, assisted: 0, window: 0, homeVisit: 0, proxy: 0 };
}

export function channelTotal(c: ChannelCounts): number {
  return REPORT_CHANNELS.reduce((sum, ch) => sum + c[ch], 0);
}

export const MonthSchema = z.string().regex(MONTH_PATTERN, 'YYYY-MM');

/**
 * A point's figures for one month, counted from its own records (src/main/report/report-counter.ts). Items list
 * only codes with activity; the layouts fill in the catalogue's other items with zeros.
 */
export const MonthlyFiguresSchema = z.object({
  month: MonthSchema,
  items: z.array(z.object({ itemCode: z.string().min(1).max(40), byChannel: ChannelCountsSchema })).max(200),
  queries: ChannelCountsSchema,
  prints: z.object({ receipt: Count, certificate: Count, notification: Count, queryResult: Count }),
  inquiries: z.object({ opened: Count, closed: Count }),
  cases: z.object({ opened: Count, done: Count, overdue: Count }),
  helpCalls: Count,
  faults: z.object({ opened: Count, closed: Count }),
  /** Office minutes of the month and, per device, the minutes of them it was usable (online or busy). */
  officeMinutes: Count,
  devices: z.array(z.object({ deviceId: z.string().max(40), kind: z.string().max(40), usableMinutes: Count })).max(50),
  distinctResidents: Count,
});
export type MonthlyFigures = z.infer<typeof MonthlyFiguresSchema>;

/** A device's share of office hours it was usable, 0..1 (0 when the month had no office hours). */
export function availability(figures: Pick<MonthlyFigures, 'officeMinutes'>, device: { usableMinutes: number }): number {
  return figures.officeMinutes === 0 ? 0 : device.usableMinutes / figures.officeMinutes;
}
