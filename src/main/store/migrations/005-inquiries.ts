import type { Migration } from './migration';

/**
 * 首问负责: every contact a clerk receives is an inquiry, owned by the first clerk who takes it until it is closed.
 * A resident's help-button call opens one by itself (origin helpButton, no owner until a clerk answers it). Free
 * words about the topic may name a person, so they are sealed like the outbox payloads (topic_enc).
 */
export const migration005: Migration = {
  version: 5,
  name: 'inquiries',
  up: `
    CREATE TABLE inquiries (
      id TEXT PRIMARY KEY,               -- UUIDv7
      opened_at TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('helpButton','kiosk','window','phone','homeVisit')),
      channel TEXT NOT NULL CHECK (channel IN ('self','assisted','window','homeVisit','proxy')),
      operator_id TEXT,                  -- who recorded it; NULL for a resident's help-button call
      owner_id TEXT,                     -- the first clerk who took it: owns it until closed
      owner_name TEXT,
      taken_at TEXT,
      screen TEXT,                       -- help button: the route id the resident was on (never personal data)
      item_code TEXT,                    -- topic: a catalogue item ...
      topic_enc BLOB,                    -- ... or free words, sealed
      asker_masked TEXT,                 -- who asked, masked, optional
      due_at TEXT,                       -- the answer promised by then; past it an open inquiry stands at the top
      outcome TEXT CHECK (outcome IN ('answered','handledHere','slipPrinted','referred','caseOpened')),
      closed_at TEXT,
      closed_by TEXT,
      CHECK ((channel = 'self') = (operator_id IS NULL))
    ) WITHOUT ROWID;
    CREATE INDEX inquiries_owner ON inquiries(owner_id, closed_at, due_at);
    CREATE INDEX inquiries_opened ON inquiries(opened_at);
  `,
};
