import type { Migration } from './migration';

/**
 * What the monthly report counts that no other record keeps, and the reports themselves. None of these tables holds
 * personal data, so the retention purge leaves them alone and a report of an old month still adds up.
 */
export const migration003: Migration = {
  version: 3,
  name: 'report-counting',
  up: `
    -- One row per query answered and per help call: the point's own record of the act (prints have their own table).
    CREATE TABLE service_events (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('query','helpCall')),
      item_code TEXT,
      channel TEXT NOT NULL,
      operator_id TEXT
    );
    CREATE INDEX service_events_at ON service_events(at);
    CREATE INDEX device_events_device ON device_events(device_id, at);

    -- Distinct residents of a month, counted without keeping who: a tag is HMAC(month key, ID number); when the
    -- month is closed the count is kept and the key and the tags are deleted, so no tag can be linked to anyone.
    CREATE TABLE resident_tally_keys (month TEXT PRIMARY KEY, key BLOB NOT NULL);
    CREATE TABLE resident_tally (month TEXT NOT NULL, tag BLOB NOT NULL, PRIMARY KEY (month, tag)) WITHOUT ROWID;
    CREATE TABLE resident_tally_closed (month TEXT PRIMARY KEY, distinct_residents INTEGER NOT NULL, closed_at TEXT NOT NULL);

    -- Every version of every month's report as made, reviewed and submitted (the township keeps them all too).
    CREATE TABLE monthly_reports (
      month TEXT NOT NULL,
      version INTEGER NOT NULL,
      made_at TEXT NOT NULL,
      figures TEXT NOT NULL,             -- JSON, the counted figures (src/shared/report/monthly-report.ts)
      notes TEXT NOT NULL DEFAULT '',
      submitted_at TEXT,
      submitted_by TEXT,                 -- staff id
      submitted_by_name TEXT,
      outbox_id TEXT,
      PRIMARY KEY (month, version)
    ) WITHOUT ROWID;
  `,
};
