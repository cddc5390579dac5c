import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KioskError } from '../../src/shared/contract/errors';
import { DatabaseTooNewError, migrate } from '../../src/main/store/migrate';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { countSubmissionsByItemAndChannel } from '../../src/main/store/report-counting';
import { claimBatch, outboxCounts, settleBatch } from '../../src/main/store/outbox';
import { recentAudit } from '../../src/main/store/audit';
import { getSubmission, readSubmissionDetail } from '../../src/main/store/submissions';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the submit transaction', () => {
  it("dates the tracking number by the point's local day: 07:00 in the village is today there, still yesterday in UTC", () => {
    const store = openTestStore(tempDataDir());
    expect(store.submit(sampleSubmission(1), new Date('2026-11-29T23:00:00Z')).trackingNumber).toMatch(/^20261130-/);
    expect(store.submit(sampleSubmission(2), new Date('2026-11-30T15:59:00Z')).trackingNumber).toMatch(/^20261130-/);
    store.close();
  });

  it('writes submission, attachments, outbox item and audit entry together', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const now = new Date('2026-11-29T09:30:00Z');
    const receipt = store.submit(sampleSubmission(1, { channel: 'assisted', operatorId: 'clerk-li' }), now);

    expect(receipt.trackingNumber).toMatch(/^20261129-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(receipt.submittedAt).toBe(now.toISOString());
    const summary = getSubmission(store.db, receipt.submissionId)!;
    expect(summary).toMatchObject({ status: 'queued', channel: 'assisted', operatorId: 'clerk-li', itemCode: 'unemployment-registration' });
    expect(count(store.db, 'attachments')).toBe(1);
    expect(outboxCounts(store.db)).toMatchObject({ pending: 1, rejected: 0, oldestPendingAt: now.toISOString() });
    const [item] = claimBatch(store.db, store.key, 10, 1e6);
    expect(item!.id).toBe(receipt.submissionId);
    expect(item!.payload).toMatchObject({ trackingNumber: receipt.trackingNumber, operatorId: 'clerk-li', serviceMode: 'assisted' });

    const [audit] = recentAudit(store.db, 1);
    expect(audit).toMatchObject({ action: 'submission.created', operatorId: 'clerk-li', channel: 'assisted' });
    // The audit trail carries masked values only.
    const identity = readSubmissionDetail(store.db, store.key, receipt.submissionId)!.resident;
    expect(audit!.subject).not.toContain(identity.idNumber);
    expect(audit!.subject).toContain(identity.idNumber.slice(-4));
    expect(countSubmissionsByItemAndChannel(store.db, '2026-11-29T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([{ itemCode: 'unemployment-registration', channel: 'assisted', n: 1 }]);
    store.close();
  });

  it('names every material in the record even when two pages have the same bytes (stored once)', () => {
    const store = openTestStore(tempDataDir());
    const page = Buffer.from('one paper photographed for two materials '.repeat(50));
    const other = Buffer.from('another page '.repeat(50));
    const attachments = [
      { materialCode: 'businessLicence', mime: 'image/jpeg', data: page },
      { materialCode: 'businessPlan', mime: 'image/jpeg', data: page },
      { materialCode: 'idCopy', mime: 'image/png', data: other },
    ];
    const receipt = store.submit(sampleSubmission(2, { attachments }), new Date('2026-11-29T09:30:00Z'));
    const [item] = claimBatch(store.db, store.key, 10, 1e6);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(item!.id).toBe(receipt.submissionId);
    expect((item!.payload as { attachments: unknown }).attachments).toEqual([
      { sha256: sha(page), materialCode: 'businessLicence', mime: 'image/jpeg', size: page.length },
      { sha256: sha(page), materialCode: 'businessPlan', mime: 'image/jpeg', size: page.length },
      { sha256: sha(other), materialCode: 'idCopy', mime: 'image/png', size: other.length },
    ]);
    // The bytes are kept (and uploaded) once.
    expect(count(store.db, 'attachments')).toBe(2);
    store.close();
  });

  it('on a full disk answers storage_full and leaves nothing half-written (no rows, no files)', () => {
    const dataDir = tempDataDir();
    // A real SQLITE_FULL: the database may not grow past its current size.
    const probe = openTestStore(dataDir);
    const pages = probe.db.pragma('page_count', { simple: true }) as number;
    probe.close();
    const store = openTestStore(dataDir, { maxPageCount: pages });
    const big = sampleSubmission(2, { form: { note: 'x'.repeat(20_000) } });
    let caught: unknown;
    try {
      store.submit(big, new Date());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KioskError);
    expect((caught as KioskError).code).toBe('storage_full');
    expect((caught as KioskError).messageKey).toBe('errors:storage_full');
    for (const table of ['submissions', 'attachments', 'outbox', 'audit']) expect(count(store.db, table)).toBe(0);
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toEqual([]);
    store.close();
    // With room again, the same submission goes through.
    const roomy = openTestStore(dataDir);
    expect(roomy.submit(big, new Date()).trackingNumber).toBeTruthy();
    roomy.close();
  });

  it('sweeps attachment files that no committed row names (a crash between file and commit)', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const kept = store.submit(sampleSubmission(0), new Date());
    store.close();
    const orphanDir = path.join(dataDir, 'attachments', '0190aaaa-0000-7000-8000-000000000000');
    fs.mkdirSync(orphanDir);
    fs.writeFileSync(path.join(orphanDir, 'abc.bin'), 'half');
    fs.writeFileSync(path.join(dataDir, 'attachments', kept.submissionId, 'x.bin.tmp'), 'half');
    const reopened = openTestStore(dataDir);
    expect(fs.existsSync(orphanDir)).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'attachments', kept.submissionId))).toHaveLength(1);
    reopened.close();
  });

  it('puts items caught mid-send back to pending after a restart', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    store.submit(sampleSubmission(0), new Date());
    expect(claimBatch(store.db, store.key, 10, 1e6)).toHaveLength(1);
    store.close();
    const reopened = openTestStore(dataDir);
    expect(claimBatch(reopened.db, reopened.key, 10, 1e6)).toHaveLength(1);
    reopened.close();
  });
});

describe('migrations', () => {
  it('bring a new database to the latest version and refuse one from a newer kiosk', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    store.close();
    const raw = new Database(path.join(dataDir, 'kiosk.sqlite'));
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openTestStore(dataDir)).toThrow(DatabaseTooNewError);
    expect(() => openTestStore(dataDir)).toThrow(`schema version ${MIGRATIONS.length + 1}, but this kiosk knows only up to ${MIGRATIONS.length};`);
  });
});

describe('migration 2: service channel', () => {
  it('keeps each existing submission\'s mode and operator as its channel, and the check still refuses an unknown channel', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO submissions (id, tracking_number, item_code, service_mode, operator_id, resident_ref, submitted_at) VALUES ('s1', 't1', 'JOB-05', 'assisted', 'clerk-li', 'r', '2026-11-01T00:00:00Z')").run();
    db.prepare("INSERT INTO outbox (id, kind, submission_id, created_at) VALUES ('s1', 'submission', 's1', '2026-11-01T00:00:00Z')").run();
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 1, to: MIGRATIONS.length });
    expect(db.prepare('SELECT id, channel, operator_id AS operatorId FROM submissions').all()).toEqual([{ id: 's1', channel: 'assisted', operatorId: 'clerk-li' }]);
    const insert = db.prepare("INSERT INTO submissions (id, tracking_number, item_code, channel, operator_id, resident_ref, submitted_at) VALUES (?, 't', 'JOB-05', ?, ?, 'r', '2026-11-02T00:00:00Z')");
    expect(() => insert.run('s2', 'bogus', 'clerk-li')).toThrow(/CHECK/);
    insert.run('s3', 'proxy', 'clerk-li');
    const print = db.prepare("INSERT INTO prints (id, at, day, kind, item_code, channel, operator_id) VALUES (?, '2026-11-02T00:00:00Z', '2026-11-02', 'receipt', NULL, ?, ?)");
    expect(() => print.run('p1', 'assisted', null)).toThrow(/CHECK/);
    expect(() => print.run('p2', 'self', 'clerk-li')).toThrow(/CHECK/);
    print.run('p3', 'assisted', 'clerk-li');
    db.close();
  });
});

describe('retention', () => {
  it('purges acknowledged personal data after the configured days, keeps counts and unacknowledged items', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const day0 = new Date('2026-10-01T08:00:00Z');
    const acked = store.submit(sampleSubmission(0), day0);
    const rejected = store.submit(sampleSubmission(1), day0);
    const pending = store.submit(sampleSubmission(2), day0);
    const batch = claimBatch(store.db, store.key, 2, 1e6);
    settleBatch(store.db, [{ id: acked.submissionId, outcome: 'acknowledged' }, { id: rejected.submissionId, outcome: 'rejected', reason: 'bad' }], day0.toISOString());
    expect(batch).toHaveLength(2);

    const at = (days: number) => new Date(day0.getTime() + days * 86_400_000);
    expect(store.purge(30, at(29))).toBe(0);
    expect(readSubmissionDetail(store.db, store.key, acked.submissionId)).not.toBeNull();
    expect(store.purge(30, at(30))).toBe(1);
    expect(readSubmissionDetail(store.db, store.key, acked.submissionId)).toBeNull();
    expect(getSubmission(store.db, acked.submissionId)).toMatchObject({ status: 'acknowledged', purged: true });
    expect(fs.existsSync(path.join(dataDir, 'attachments', acked.submissionId))).toBe(false);
    expect((store.db.prepare('SELECT payload_enc FROM outbox WHERE id = ?').get(acked.submissionId) as { payload_enc: Buffer | null }).payload_enc).toBeNull();
    // The rejected and the pending one are not safe at the county: kept whole.
    expect(readSubmissionDetail(store.db, store.key, rejected.submissionId)).not.toBeNull();
    expect(readSubmissionDetail(store.db, store.key, pending.submissionId)).not.toBeNull();
    // The monthly report counts the submissions themselves, and they outlive the purge of personal data.
    expect(countSubmissionsByItemAndChannel(store.db, '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z').reduce((sum, r) => sum + r.n, 0)).toBe(3);
    expect(store.purge(30, at(31))).toBe(0);
    store.close();
  });
});

describe('migration 9: unused tallies', () => {
  it('drops report_counters and keeps every query event, with help calls no longer a service event kind', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 8));
    db.prepare("INSERT INTO report_counters (day, item_code, channel, count) VALUES ('2026-11-01', 'JOB-05', 'assisted', 4)").run();
    db.prepare("INSERT INTO service_events (at, kind, item_code, channel, operator_id) VALUES ('2026-11-01T01:00:00Z', 'query', 'JOB-05', 'self', NULL)").run();
    db.prepare("INSERT INTO service_events (at, kind, item_code, channel, operator_id) VALUES ('2026-11-01T02:00:00Z', 'query', NULL, 'assisted', 'clerk-li')").run();
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 8, to: MIGRATIONS.length });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'report_counters'").all()).toEqual([]);
    expect(db.prepare('SELECT at, kind, item_code AS itemCode, channel, operator_id AS operatorId FROM service_events ORDER BY seq').all()).toEqual([
      { at: '2026-11-01T01:00:00Z', kind: 'query', itemCode: 'JOB-05', channel: 'self', operatorId: null },
      { at: '2026-11-01T02:00:00Z', kind: 'query', itemCode: null, channel: 'assisted', operatorId: 'clerk-li' },
    ]);
    expect(() => db.prepare("INSERT INTO service_events (at, kind, channel) VALUES ('2026-11-02T00:00:00Z', 'helpCall', 'self')").run()).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'service_events_at'").all()).toHaveLength(1);
  });
});
