import type { Migration } from './migration';

/**
 * Every record carries its ServiceChannel (src/shared/domain/service-channel.ts) and operator: the submissions'
 * service_mode becomes `channel` (now also allowing proxy), the audit and report counters follow the name, and
 * prints get a table of their own so the monthly report counts them by channel too. Captured pages are attachments
 * of a submission and carry its channel.
 */
export const migration002: Migration = {
  version: 2,
  name: 'service-channel',
  up: `
    ALTER TABLE submissions ADD COLUMN channel TEXT NOT NULL DEFAULT 'self'
      CHECK (channel IN ('self','assisted','window','homeVisit','proxy'));
    UPDATE submissions SET channel = service_mode;
    ALTER TABLE submissions DROP COLUMN service_mode;
    CREATE INDEX submissions_operator ON submissions(operator_id, submitted_at) WHERE operator_id IS NOT NULL;

    ALTER TABLE audit RENAME COLUMN service_mode TO channel;
    ALTER TABLE report_counters RENAME COLUMN service_mode TO channel;

    CREATE TABLE prints (
      id TEXT PRIMARY KEY,               -- the print job's id
      at TEXT NOT NULL,
      day TEXT NOT NULL,                 -- YYYY-MM-DD of at, for the report's month ranges
      kind TEXT NOT NULL,                -- receipt, notification (一次性告知), queryResult, monthlyReport, ...
      item_code TEXT,
      channel TEXT NOT NULL CHECK (channel IN ('self','assisted','window','homeVisit','proxy')),
      operator_id TEXT,                  -- staff id; NULL when self-service
      CHECK ((channel = 'self') = (operator_id IS NULL))
    ) WITHOUT ROWID;
    CREATE INDEX prints_day ON prints(day, kind);
  `,
};
