import { z } from 'zod';

/**
 * A long table (fleet, programme) asked for one screenful at a time: the gateway sorts, filters and pages, so a
 * county of 2,000 points answers as fast as one of 20. The page sends these as query parameters.
 */
export const TABLE_PAGE_SIZE = 50;
export const TableQuerySchema = z.object({
  sort: z.string().regex(/^[A-Za-z]{1,32}$/).optional(),
  desc: z.enum(['0', '1']).optional(),
  /** Text matched against the point's names, division code and kiosk id. */
  q: z.string().trim().max(100).optional(),
  /** A page's own narrowing ('attention' on the fleet, 'behind' on the programme). */
  only: z.string().regex(/^[A-Za-z]{1,32}$/).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(TABLE_PAGE_SIZE),
});
export type TableQuery = z.input<typeof TableQuerySchema>;
export type ParsedTableQuery = z.output<typeof TableQuerySchema>;

/** Where this answer sits in the whole: `matched` rows pass the filter, of `total` in scope. */
export const TablePageSchema = z.object({
  total: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
});
export type TablePage = z.infer<typeof TablePageSchema>;

/** The query string for a table query (empty values left out). */
export function tableQueryString(query: TableQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '' && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
