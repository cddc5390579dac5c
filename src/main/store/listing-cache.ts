import { QueryResponseSchema, type QueryResponse } from '../../shared/sync/protocol';
import type { Db } from './database';
import { stmt } from './statements';

export type ListingParams = Record<string, string | number | boolean>;

/** The parameters as a stable key: the same filter in any order is the same cached list. */
export function paramsKey(params: ListingParams): string {
  return JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));
}

export function saveListing(db: Db, itemCode: string, params: ListingParams, answer: QueryResponse): void {
  stmt(db, 'INSERT INTO listing_cache (item_code, params_key, fetched_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (item_code, params_key) DO UPDATE SET fetched_at = excluded.fetched_at, body = excluded.body').run(
    itemCode,
    paramsKey(params),
    answer.fetchedAt,
    JSON.stringify(answer),
  );
}

/** The cached answer for exactly these parameters if it is younger than maxHours, else null. */
export function cachedListing(db: Db, itemCode: string, params: ListingParams, maxHours: number, now: Date): QueryResponse | null {
  const row = stmt(db, 'SELECT fetched_at, body FROM listing_cache WHERE item_code = ? AND params_key = ?').get(itemCode, paramsKey(params)) as { fetched_at: string; body: string } | undefined;
  if (!row || now.getTime() - Date.parse(row.fetched_at) > maxHours * 3_600_000) return null;
  const parsed = QueryResponseSchema.safeParse(JSON.parse(row.body));
  return parsed.success ? parsed.data : null;
}

/** The newest cached copy of each listing, to judge which tiles are ready offline. */
export function newestListings(db: Db): Array<{ itemCode: string; fetchedAt: string }> {
  return (stmt(db, 'SELECT item_code, MAX(fetched_at) AS fetched_at FROM listing_cache GROUP BY item_code').all() as Array<{ item_code: string; fetched_at: string }>).map((r) => ({
    itemCode: r.item_code,
    fetchedAt: r.fetched_at,
  }));
}
