import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { ReportService } from '../../src/main/report/report-service';
import { reportVersions } from '../../src/main/store/monthly-reports';
import { KioskError } from '../../src/shared/contract/errors';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

describe('the report service at the point', () => {
  it("makes last month's report once the 1st has come (point time), once", () => {
    const store = openTestStore(tempDataDir('report-due-'));
    let now = new Date('2026-10-31T15:59:00Z'); // 31 October, 23:59 at the point
    const catalog = defaultCatalog();
    const service = new ReportService({
      store,
      config: demoSiteConfig(),
      officeHours: () => demoSiteConfig().site.officeHours,
      catalog: { find: (code) => catalog.items.find((i) => i.code === code), list: () => catalog },
      sign: null,
      afterSubmit: () => undefined,
      now: () => now,
    });
    service.makeDue();
    expect(reportVersions(store.db, '2026-10')).toEqual([]);
    expect(reportVersions(store.db, '2026-09').map((r) => r.version)).toEqual([1]);

    now = new Date('2026-10-31T16:00:00Z'); // 1 November, 00:00 at the point
    service.makeDue();
    service.makeDue();
    expect(reportVersions(store.db, '2026-10').map((r) => [r.version, r.submittedAt])).toEqual([[1, null]]);
    expect(service.status()).toMatchObject({ month: '2026-10', state: 'draft', reminder: false, late: false });

    // Without a county nothing can be submitted, and the draft stays a draft.
    expect(() => service.submit({ month: '2026-10', version: 1, notes: '' }, { id: 'clerk-li', displayName: '李秀英' })).toThrow(KioskError);
    expect(reportVersions(store.db, '2026-10')[0]!.submittedAt).toBeNull();
    store.close();
  });
});
