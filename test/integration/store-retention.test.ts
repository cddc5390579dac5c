import fs from 'node:fs';
import path from 'node:path';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { RetentionService } from '../../src/main/services/retention';
import { recentAudit } from '../../src/main/store/audit';
import { applyConfigParts } from '../../src/main/store/config-versions';
import { claimBatch, resolveRejected, settleBatch } from '../../src/main/store/outbox';
import { getSubmission } from '../../src/main/store/submissions';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

describe('retention in the running kiosk', () => {
  it('uses the site config days, and the county site setting when it sends one', () => {
    const log = createMemoryLogger().logger;
    const store = openTestStore(tempDataDir());
    const day0 = new Date('2026-11-01T08:00:00Z');
    let now = new Date(day0.getTime() + 10 * 86_400_000);
    const service = new RetentionService({ store, localDays: demoSiteConfig().kiosk.retentionDays, log, now: () => now });
    const receipt = store.submit(sampleSubmission(0), day0);
    claimBatch(store.db, store.key, 1, 1e6);
    settleBatch(store.db, [{ id: receipt.submissionId, outcome: 'acknowledged' }], day0.toISOString());

    expect(service.retentionDays()).toBe(30);
    expect(service.purge()).toBe(0);
    applyConfigParts(store.db, [{ part: 'site', version: 3, body: { retentionDays: 7 } }], now.toISOString());
    expect(service.retentionDays()).toBe(7);
    expect(service.purge()).toBe(1);
    expect(getSubmission(store.db, receipt.submissionId)).toMatchObject({ status: 'acknowledged', purged: true });
    now = new Date(now.getTime() + 86_400_000);
    expect(service.purge()).toBe(0);
    store.close();
  });

  it('purges a rejected submission a set time after a clerk resolved it, keeps its row, and never an unresolved one', () => {
    const store = openTestStore(tempDataDir());
    const day0 = new Date('2026-11-01T08:00:00Z');
    const resolved = store.submit(sampleSubmission(0), day0).submissionId;
    const waiting = store.submit(sampleSubmission(1), day0).submissionId;
    claimBatch(store.db, store.key, 2, 1e6);
    settleBatch(store.db, [resolved, waiting].map((id) => ({ id, outcome: 'rejected' as const, reason: 'unknownItem' })), day0.toISOString());
    expect(resolveRejected(store.db, resolved, 'clerk-li', new Date(day0.getTime() + 86_400_000).toISOString())).toBe(true);

    const payloadOf = (id: string) => (store.db.prepare('SELECT payload_enc FROM outbox WHERE id = ?').get(id) as { payload_enc: Buffer | null }).payload_enc;
    const filesOf = (id: string) => store.db.prepare('SELECT file FROM attachments WHERE submission_id = ?').all(id) as Array<{ file: string | null }>;
    expect(store.purge(30, new Date(day0.getTime() + 20 * 86_400_000))).toBe(0);
    expect(store.purge(30, new Date(day0.getTime() + 32 * 86_400_000))).toBe(1);
    expect(payloadOf(resolved)).toBeNull();
    expect(filesOf(resolved).every((f) => f.file === null)).toBe(true);
    expect(getSubmission(store.db, resolved)).toMatchObject({ status: 'rejected', purged: true });
    // Still waiting for a clerk: kept, however old.
    expect(payloadOf(waiting)).not.toBeNull();
    expect(store.purge(30, new Date(day0.getTime() + 400 * 86_400_000))).toBe(0);
    // The counts stay.
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'rejected'").get()).toEqual({ n: 2 });
    store.close();
  });

  it('purges exactly `days` after the acknowledgement, removes the files from disk and writes one audit entry; nothing due, nothing written', () => {
    const store = openTestStore(tempDataDir());
    const day0 = new Date('2026-11-01T08:00:00.000Z');
    const first = store.submit(sampleSubmission(0), day0).submissionId;
    const second = store.submit(sampleSubmission(1), day0).submissionId;
    const kept = store.submit(sampleSubmission(2), day0).submissionId;
    claimBatch(store.db, store.key, 3, 1e6);
    settleBatch(store.db, [first, second].map((id) => ({ id, outcome: 'acknowledged' as const })), day0.toISOString());
    settleBatch(store.db, [{ id: kept, outcome: 'acknowledged' }], new Date(day0.getTime() + 1).toISOString());
    const dirOf = (id: string) => path.join(store.files.dir, id);
    const audits = () => recentAudit(store.db, 100).filter((a) => a.action === 'retention.purged');
    expect(fs.existsSync(dirOf(first))).toBe(true);

    // A millisecond short of 7 days: nothing, and no audit entry.
    expect(store.purge(7, new Date(day0.getTime() + 7 * 86_400_000 - 1))).toBe(0);
    expect(audits()).toStrictEqual([]);
    // Exactly 7 days: the two acknowledged then, not the one a millisecond later.
    const at = new Date(day0.getTime() + 7 * 86_400_000);
    expect(store.purge(7, at)).toBe(2);
    expect(audits()).toStrictEqual([{ at: at.toISOString(), action: 'retention.purged', operatorId: null, channel: null, subject: null, detail: { count: 2, olderThanDays: 7 } }]);
    for (const id of [first, second]) {
      expect(fs.existsSync(dirOf(id))).toBe(false);
      expect(store.db.prepare('SELECT purged_at FROM submissions WHERE id = ?').get(id)).toStrictEqual({ purged_at: at.toISOString() });
      expect(store.db.prepare('SELECT payload_enc FROM outbox WHERE submission_id = ?').get(id)).toStrictEqual({ payload_enc: null });
      expect(store.db.prepare('SELECT file FROM attachments WHERE submission_id = ?').all(id)).toStrictEqual([{ file: null }]);
    }
    expect(fs.existsSync(dirOf(kept))).toBe(true);
    expect(store.db.prepare('SELECT purged_at FROM submissions WHERE id = ?').get(kept)).toStrictEqual({ purged_at: null });
    expect(store.db.prepare('SELECT file FROM attachments WHERE submission_id = ?').all(kept)).not.toStrictEqual([{ file: null }]);
    store.close();
  });
});
