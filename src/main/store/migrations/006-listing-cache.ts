import type { Migration } from './migration';

/**
 * The last answer of each listing the catalogue lets the kiosk show offline (JOB-02 vacancies...), per set of query
 * parameters. Listings are public (no resident in them), so they are stored plainly; their age decides whether the
 * tile is ready offline.
 */
export const migration006: Migration = {
  version: 6,
  name: 'listing-cache',
  up: `
    CREATE TABLE listing_cache (
      item_code TEXT NOT NULL,
      params_key TEXT NOT NULL,          -- the query parameters, sorted, as JSON
      fetched_at TEXT NOT NULL,          -- when the county answered
      body TEXT NOT NULL,                -- the county's answer (QueryResponse JSON)
      PRIMARY KEY (item_code, params_key)
    ) WITHOUT ROWID;
  `,
};
