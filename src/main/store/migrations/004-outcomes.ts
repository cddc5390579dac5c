import type { Migration } from './migration';

/**
 * What became of each application at the county (issue 11): one row per application, replaced only by a higher seq,
 * so an outcome applies once and an old one never overwrites a newer one. Bodies are the county's words and states
 * (no identity, no form). A submission that sends a returned application again names it in application_id.
 */
export const migration004: Migration = {
  version: 4,
  name: 'outcomes',
  up: `
    CREATE TABLE outcomes (
      submission_id TEXT PRIMARY KEY REFERENCES submissions(id),
      seq INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('accepted','inProgress','done','returned','refused')),
      body TEXT NOT NULL,                -- ItemOutcome JSON as the county sent it
      received_at TEXT NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE submissions ADD COLUMN application_id TEXT;
  `,
};
