import { demoSiteConfig } from '../config/load-site-config';
import { systemHandlers } from './system';
import type { SiteInForce } from './remote-site-settings';

describe('site.info', () => {
  const config = demoSiteConfig();
  const base = { config, dataDir: '/tmp', appVersion: '1.0.0', simulate: true, startedAt: Date.now(), now: () => new Date() };
  const ctx = {} as never;
  const info = (site: SiteInForce) => systemHandlers({ ...base, site: () => site })['site.info']({}, ctx) as { onDuty?: string; consultationPhone: string; officeHours: unknown };

  it('shows what is in force: hours, phone and duty person', () => {
    const hours = [{ days: [2, 4], open: '09:00', close: '11:30' }];
    expect(info({ officeHours: hours, onDuty: '张*', consultationPhone: '0351-7654321' })).toMatchObject({ onDuty: '张*', consultationPhone: '0351-7654321', officeHours: hours });
    expect(info({ officeHours: config.site.officeHours, onDuty: null, consultationPhone: '0351-12333' }).onDuty).toBeUndefined();
  });
});
