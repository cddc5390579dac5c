import type { Migration } from './migration';

/**
 * 全程代办 cases (src/shared/cases): one row per case with its current state, and every step stamped with who and
 * when. The resident's identity is sealed (resident_enc) like the outbox payloads; the list shows the masked form.
 * The state moves only through the shared state machine, and the UPDATE names the state it moves from, so two
 * clerks moving the same case at once cannot both succeed. county_seq is the highest outcome seq applied, so an old
 * outcome arriving late changes nothing.
 */
export const migration010: Migration = {
  version: 10,
  name: 'cases',
  up: `
    CREATE TABLE cases (
      id TEXT PRIMARY KEY,               -- UUIDv7, also the county's key for the case
      case_number TEXT NOT NULL UNIQUE,
      opened_at TEXT NOT NULL,
      item_code TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('assisted','window','homeVisit','proxy')),
      operator_id TEXT NOT NULL,         -- the clerk who opened it (a resident alone never opens a case)
      owner_name TEXT NOT NULL,
      resident_ref TEXT,                 -- pseudonymous key: "where is my request" finds a resident's cases by it
      resident_enc BLOB,                 -- sealed {idNumber, name, source}; NULL once purged
      resident_masked TEXT NOT NULL,
      consent TEXT NOT NULL CHECK (consent IN ('inPerson','signedForm')),
      materials TEXT NOT NULL,           -- JSON array of catalogue material codes received on paper
      promised_days INTEGER NOT NULL,
      due_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('opened','sent','atTownship','atCounty','returned','done','refused','handedBack')),
      county_seq INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX cases_state ON cases(state, due_at);
    CREATE INDEX cases_resident ON cases(resident_ref, opened_at);
    CREATE TABLE case_steps (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,           -- the step's UUID: a step that comes down twice is held once
      case_id TEXT NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL CHECK (kind IN ('open','send','take','passUp','return','finish','refuse','handBack')),
      at TEXT NOT NULL,
      state TEXT NOT NULL,
      channel TEXT,                      -- NULL for steps made upstream (township, county)
      operator_id TEXT NOT NULL,
      operator_name TEXT NOT NULL,
      body TEXT                          -- JSON: missing, note, materials
    );
    CREATE INDEX case_steps_case ON case_steps(case_id, seq);
    CREATE INDEX case_steps_at ON case_steps(kind, at);
  `,
};
