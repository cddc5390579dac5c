import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { EventBus } from '../../src/main/event-bus';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { SyncService } from '../../src/main/services/sync';
import { applyConfigParts } from '../../src/main/store/config-versions';
import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import { getSubmission } from '../../src/main/store/submissions';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

describe('retention in the running kiosk', () => {
  it('uses the site config days, and the county site setting when it sends one', () => {
    const log = createMemoryLogger().logger;
    const store = openTestStore(tempDataDir());
    const day0 = new Date('2026-11-01T08:00:00Z');
    let now = new Date(day0.getTime() + 10 * 86_400_000);
    const service = new SyncService({ store, client: null, config: demoSiteConfig(), events: new EventBus(log), log, appVersion: 't', now: () => now });
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
});
