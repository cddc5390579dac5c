import type { Migration } from './migration';

/**
 * The first schema. Personal data lives only in outbox.payload_enc and the attachment files (AES-256-GCM, see src/main/crypto); rows of one
 * resident are linked by resident_ref, a keyed hash of the ID number.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE submissions (
      id TEXT PRIMARY KEY,               -- UUIDv7, also the outbox idempotency key
      tracking_number TEXT NOT NULL,     -- 40 random bits per day: unique in practice, no index to maintain
      item_code TEXT NOT NULL,
      service_mode TEXT NOT NULL CHECK (service_mode IN ('self','assisted','window','homeVisit')),
      operator_id TEXT,                  -- staff id for assisted/window/homeVisit; NULL when self-service
      resident_ref TEXT NOT NULL,        -- identity and form live once, sealed, in the outbox payload
      status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','acknowledged','rejected')),
      reject_reason TEXT,
      submitted_at TEXT NOT NULL,
      acknowledged_at TEXT,
      purged_at TEXT
    ) WITHOUT ROWID;                     -- keyed by the time-ordered UUIDv7 alone: one b-tree fewer per insert
    CREATE INDEX submissions_resident ON submissions(resident_ref, submitted_at);

    CREATE TABLE attachments (
      sha256 TEXT NOT NULL,              -- of the plaintext: the county addresses uploads by it
      submission_id TEXT NOT NULL REFERENCES submissions(id),
      material_code TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      file TEXT,                         -- encrypted file under attachments/; NULL after purge
      uploaded INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (submission_id, sha256)
    );
    CREATE INDEX attachments_sha ON attachments(sha256);

    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY,           -- send order (rows are never deleted, so rowids only grow)
      id TEXT NOT NULL UNIQUE,           -- idempotency key (UUIDv7)
      kind TEXT NOT NULL,
      submission_id TEXT REFERENCES submissions(id),
      resident_ref TEXT,
      payload_enc BLOB,                  -- the item as the county receives it; NULL after purge
      created_at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','sending','acknowledged','rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      reject_reason TEXT,
      acknowledged_at TEXT,
      resolved_by TEXT,
      resolved_at TEXT
    );
    CREATE INDEX outbox_state ON outbox(state, seq);

    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      operator_id TEXT,
      service_mode TEXT,
      subject TEXT,                      -- masked values only
      detail TEXT                        -- JSON, masked values only
    );

    CREATE TABLE config_versions (
      part TEXT PRIMARY KEY CHECK (part IN ('catalog','staff','announcements','site')),
      version INTEGER NOT NULL,
      body TEXT NOT NULL,
      applied_at TEXT NOT NULL
    );

    CREATE TABLE device_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      state TEXT NOT NULL,
      detail TEXT
    );

    CREATE TABLE fault_tickets (
      id TEXT PRIMARY KEY,
      opened_at TEXT NOT NULL,
      device_id TEXT,
      summary TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','sent','acknowledged','closed')),
      county_note TEXT,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE report_counters (
      day TEXT NOT NULL,
      item_code TEXT NOT NULL,
      service_mode TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (day, item_code, service_mode)
    ) WITHOUT ROWID;

    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
