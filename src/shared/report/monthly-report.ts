import { z } from 'zod';
import { MonthSchema, MonthlyFiguresSchema } from './monthly-figures';

const IsoTimeSchema = z.iso.datetime({ offset: true });

/**
 * A point's monthly report as submitted: the figures the clerk saw, their notes, who submitted and when. Each
 * correction is a new version of the same month; the township keeps every version. `signature` is
 * HMAC-SHA256 (kiosk secret) over `reportSigningText` of everything else, so the township can show that a stored
 * report is the one the point sent, long after the sync request that carried it.
 */
export const MonthlyReportPayloadSchema = z.object({
  kioskId: z.string().min(1).max(64),
  divisionCode: z.string().regex(/^\d{12}$/),
  siteName: z.object({ 'zh-CN': z.string().min(1).max(100), en: z.string().min(1).max(100) }),
  month: MonthSchema,
  version: z.number().int().min(1).max(99),
  madeAt: IsoTimeSchema,
  submittedAt: IsoTimeSchema,
  submittedBy: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(60) }),
  notes: z.string().max(2000),
  figures: MonthlyFiguresSchema,
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type MonthlyReportPayload = z.infer<typeof MonthlyReportPayloadSchema>;

/** The exact text the signature covers: the payload without its signature, as JSON with keys in sorted order. */
export function reportSigningText(payload: Omit<MonthlyReportPayload, 'signature'> & { signature?: string }): string {
  const { signature: _omit, ...rest } = payload;
  return canonicalJson(rest);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
