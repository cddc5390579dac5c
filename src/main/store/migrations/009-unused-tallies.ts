import type { Migration } from './migration';

/**
 * Two tallies nothing reads: `report_counters` (submissions per day, item and channel; the monthly report counts the
 * submissions themselves, src/main/store/report-counting.ts) and the `helpCall` kind of `service_events` (help calls
 * are inquiries of their own kind, counted from `inquiries`). The table goes; service_events is rebuilt with the
 * narrower check so nobody starts writing help calls in two places.
 */
export const migration009: Migration = {
  version: 9,
  name: 'unused-tallies',
  up: `
    DROP TABLE report_counters;
    CREATE TABLE service_events_new (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('query')),
      item_code TEXT,
      channel TEXT NOT NULL,
      operator_id TEXT
    );
    INSERT INTO service_events_new (seq, at, kind, item_code, channel, operator_id) SELECT seq, at, kind, item_code, channel, operator_id FROM service_events WHERE kind = 'query';
    DROP TABLE service_events;
    ALTER TABLE service_events_new RENAME TO service_events;
    CREATE INDEX service_events_at ON service_events(at);
  `,
};
