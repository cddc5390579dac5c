import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KioskError } from '../../src/shared/contract/errors';
import { openDatabase } from '../../src/main/store/database';
import { asStorageError } from '../../src/main/store/kiosk-store';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import { stmt } from '../../src/main/store/statements';
import { caseStep, openSampleCase, sendSampleCase } from '../support/case-fixtures';
import { openTestStore, sampleSubmission, tempDataDir, testStores } from '../support/store-fixtures';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const stores = testStores('store-open-');
const dirs: string[] = [];
const dataDir = () => {
  const made = tempDataDir('store-open-db-');
  dirs.push(made);
  return made;
};
afterAll(() => {
  for (const made of dirs) fs.rmSync(made, { recursive: true, force: true });
});

/** The kiosk's SQLite file: opened, pragmas set, migrated, modes tightened; every failure closes it again. */
describe('openDatabase', () => {
  it('WAL, synchronous FULL, foreign keys, a 5 s busy wait, secure delete, migrated to the latest version', () => {
    const db = openDatabase(path.join(dataDir(), 'kiosk.sqlite'));
    expect({
      journal: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      busyTimeout: db.pragma('busy_timeout', { simple: true }),
      secureDelete: db.pragma('secure_delete', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
    }).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000, secureDelete: 1, version: MIGRATIONS.length });
    db.close();
  });

  it('makes its folder (and the ones above) owner-only, and the database and its -wal and -shm files owner-only, whatever the umask', () => {
    const root = dataDir();
    const file = path.join(root, 'a', 'b', 'kiosk.sqlite');
    const previous = process.umask(0o022);
    try {
      const db = openDatabase(file);
      expect(process.umask()).toBe(0o022);
      db.prepare('CREATE TABLE t (x)').run();
      expect({ dir: modeOf(path.dirname(file)), db: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) }).toEqual({ dir: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing folder and an existing database file', () => {
    const root = dataDir();
    fs.chmodSync(root, 0o755);
    const file = path.join(root, 'kiosk.sqlite');
    new Database(file).close();
    fs.chmodSync(file, 0o644);
    openDatabase(file).close();
    expect({ dir: modeOf(root), db: modeOf(file) }).toEqual({ dir: 0o700, db: 0o600 });
  });

  it('tightens -wal and -shm files an earlier run left readable (another connection still holds them)', () => {
    const file = path.join(dataDir(), 'kiosk.sqlite');
    const earlier = new Database(file);
    earlier.pragma('journal_mode = WAL');
    earlier.prepare('CREATE TABLE left_behind (x)').run();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    const db = openDatabase(file);
    expect({ db: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) }).toEqual({ db: 0o600, wal: 0o600, shm: 0o600 });
    db.close();
    earlier.close();
  });

  it('caps the size in pages only when asked', () => {
    const capped = openDatabase(path.join(dataDir(), 'kiosk.sqlite'), { maxPageCount: 321 });
    expect(capped.pragma('max_page_count', { simple: true })).toBe(321);
    capped.close();
    const free = openDatabase(path.join(dataDir(), 'kiosk.sqlite'));
    expect(free.pragma('max_page_count', { simple: true })).toBeGreaterThan(1_000_000);
    free.close();
  });

  it('a database from a newer kiosk is refused and closed again (its -wal and -shm files go with the last connection)', () => {
    const file = path.join(dataDir(), 'kiosk.sqlite');
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow();
    expect([fs.existsSync(`${file}-wal`), fs.existsSync(`${file}-shm`)]).toEqual([false, false]);
  });

  it('a file SQLite cannot open fails, and the umask is given back', () => {
    const root = dataDir();
    const file = path.join(root, 'kiosk.sqlite');
    fs.mkdirSync(file);
    const previous = process.umask(0o027);
    try {
      expect(() => openDatabase(file)).toThrow();
      expect(process.umask()).toBe(0o027);
    } finally {
      process.umask(previous);
    }
  });
});

describe('stmt: one prepared statement per database and text', () => {
  it('hands back the same statement for the same text on the same database, another for another text or database', () => {
    const a = openDatabase(path.join(dataDir(), 'kiosk.sqlite'));
    const b = openDatabase(path.join(dataDir(), 'kiosk.sqlite'));
    const first = stmt(a, 'SELECT 1 AS one');
    expect(stmt(a, 'SELECT 1 AS one')).toBe(first);
    expect(stmt(a, 'SELECT 2 AS two')).not.toBe(first);
    expect(stmt(a, 'SELECT 2 AS two')).toBe(stmt(a, 'SELECT 2 AS two'));
    const onB = stmt(b, 'SELECT 1 AS one');
    expect(onB).not.toBe(first);
    expect(stmt(b, 'SELECT 1 AS one')).toBe(onB);
    expect(first.get()).toEqual({ one: 1 });
    expect(onB.get()).toEqual({ one: 1 });
    a.close();
    b.close();
  });
});

describe('KioskStore.open and its storage errors', () => {
  it('makes a new data dir owner-only, with the database, the keys and the attachments inside it', () => {
    const dir = path.join(dataDir(), 'new', 'kiosk');
    const store = stores.open(dir);
    const receipt = store.submit(sampleSubmission(0), new Date('2026-12-01T09:00:00Z'));
    expect(modeOf(dir)).toBe(0o700);
    expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining(['attachments', 'keys', 'kiosk.sqlite']));
    // The wrapped data key lives under keys/, beside the key keeper's own file, not loose in the data dir.
    const keyFiles = fs.readdirSync(path.join(dir, 'keys'));
    expect(keyFiles.length).toBeGreaterThan(1);
    for (const name of keyFiles) expect(fs.existsSync(path.join(dir, name))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'attachments'))).toEqual([receipt.submissionId]);
    expect(store.db.name).toBe(path.join(dir, 'kiosk.sqlite'));
  });

  it('after a restart, items caught mid-send are pending again and files no committed row names are gone', () => {
    const dir = stores.dir();
    const store = openTestStore(dir);
    const kept = store.submit(sampleSubmission(1), new Date('2026-12-01T09:00:00Z'));
    expect(claimBatch(store.db, store.key, 10, 1e6)).toHaveLength(1);
    store.close();
    const orphan = path.join(dir, 'attachments', '0190aaaa-0000-7000-8000-000000000000');
    fs.mkdirSync(orphan);
    fs.writeFileSync(path.join(orphan, 'abc.bin'), 'half');
    const reopened = stores.open(dir);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'attachments', kept.submissionId))).toHaveLength(1);
    expect(claimBatch(reopened.db, reopened.key, 10, 1e6).map((i) => i.id)).toHaveLength(1);
  });

  it('close() can be called twice', () => {
    const store = openTestStore(stores.dir());
    store.close();
    expect(() => store.close()).not.toThrow();
    expect(store.db.open).toBe(false);
  });

  it("purge counts both the acknowledged submissions' and the cases' personal data it removed", () => {
    const store = stores.open();
    const day0 = new Date('2026-10-01T08:00:00Z');
    const submission = store.submit(sampleSubmission(3), day0);
    const caseId = randomUUID();
    const caseItem = randomUUID();
    openSampleCase(store, { id: caseId, caseNumber: 'DB-0003', dueAt: '2026-10-11T01:00:00.000Z', openStep: caseStep('open', 'opened', '2026-10-01T07:00:00.000Z') });
    sendSampleCase(store, caseId, caseStep('send', 'sent', '2026-10-01T07:01:00.000Z'), caseItem);
    expect(claimBatch(store.db, store.key, 10, 1e6).map((i) => i.id).sort()).toEqual([submission.submissionId, caseItem].sort());
    settleBatch(store.db, [{ id: submission.submissionId, outcome: 'acknowledged' }, { id: caseItem, outcome: 'acknowledged' }], day0.toISOString());
    expect(store.purge(30, new Date(day0.getTime() + 31 * 86_400_000))).toBe(2);
  });

  it.each(['SQLITE_FULL', 'ENOSPC', 'EDQUOT'])('%s is storage_full, not worth retrying', (code) => {
    const cause = Object.assign(new Error('full'), { code });
    const error = asStorageError(cause);
    expect(error).toBeInstanceOf(KioskError);
    expect({ code: error.code, retryable: error.retryable, cause: error.cause }).toEqual({ code: 'storage_full', retryable: false, cause });
  });

  it('any other failure is storage_error with its code (cut to 40 characters), a KioskError passes as it is', () => {
    const cause = Object.assign(new Error('io'), { code: `SQLITE_IOERR_${'X'.repeat(40)}` });
    const error = asStorageError(cause);
    expect({ code: error.code, details: error.details, cause: error.cause }).toEqual({ code: 'storage_error', details: { code: `SQLITE_IOERR_${'X'.repeat(27)}` }, cause });
    expect(asStorageError(new Error('no code')).details).toEqual({ code: '' });
    const own = new KioskError('invalid_params');
    expect(asStorageError(own)).toBe(own);
  });

  it('a submit that fails on storage says so as a KioskError', () => {
    const store = stores.open();
    store.db.close();
    const failure = (() => {
      try {
        store.submit(sampleSubmission(2), new Date('2026-12-01T09:00:00Z'));
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(KioskError);
    expect((failure as KioskError).code).toBe('storage_error');
  });
});
