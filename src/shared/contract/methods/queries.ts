import { z } from 'zod';
import { defineMethod } from '../define';
import { language } from '../method-shapes';

export const QueryResultSchema = z.object({
  itemCode: z.string(),
  fetchedAt: z.string(),
  title: z.string().optional(),
  rows: z.array(z.record(z.string(), z.string())),
  /** A certificate as the county composed it, masked for the screen; print it with print.document kind certificate and documentId. */
  document: z
    .object({
      title: z.string(),
      lines: z.array(z.string()),
      language: language().optional(),
      issuedAt: z.string().optional(),
      verification: z.object({ code: z.string(), contentSha256: z.string(), url: z.string(), note: z.string() }).optional(),
    })
    .optional(),
  /** The core's one-time handle on the county's own copy of `document` (for printing; forgotten at the end of the visit). */
  documentId: z.string().optional(),
  /** Set when the county could not be reached and this is the kiosk's cached copy: when the county gave it. */
  cachedAt: z.string().optional(),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;

export const queriesMethods = {
  'queries.run': defineMethod({
    summary:
      'Online lookup for a query or print item, answered by the county (county_unreachable when offline). Items about a person need an identified resident (session_required otherwise); listings do not.',
    access: ['public'],
    schemas: () => ({
      input: z.object({
        itemCode: z.string().min(1).max(40),
        params: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
        /** The resident's language: the county words certificates in it. */
        language: language().optional(),
      }),
      output: QueryResultSchema,
    }),
  }),
  'queries.offlineReady': defineMethod({
    summary: "Listings the kiosk can show while the county is unreachable: each with a cached copy younger than the catalogue's limit, and when the county gave it.",
    access: ['public'],
    schemas: () => ({ output: z.object({ items: z.array(z.object({ itemCode: z.string(), fetchedAt: z.string() })) }) }),
  }),
} as const;
