import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { RetentionService } from '../../src/main/services/retention';
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
});
