import type { Migration } from './migration';

/**
 * The point's commissioning and acceptance records (src/shared/commissioning/site-record.ts) as made here: kept to
 * print them again, and queued in the outbox (kind siteRecord) in the same transaction. No resident is in them.
 */
export const migration008: Migration = {
  version: 8,
  name: 'site-records',
  up: `
    CREATE TABLE site_records (
      record_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('commissioning','acceptance')),
      passed INTEGER NOT NULL,
      completed_at TEXT NOT NULL,
      outbox_id TEXT NOT NULL,
      body TEXT NOT NULL                 -- the record as sent (JSON)
    );
  `,
};
