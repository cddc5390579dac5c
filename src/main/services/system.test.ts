import { demoSiteConfig } from '../config/load-site-config';
import { systemHandlers } from './system';

describe('site.info', () => {
  const base = { config: demoSiteConfig(), dataDir: '/tmp', appVersion: '1.0.0', simulate: true, startedAt: Date.now(), now: () => new Date() };
  const ctx = {} as never;

  it('shows the local site file when the county has sent nothing', () => {
    const info = systemHandlers({ ...base, remoteSite: () => ({}) })['site.info']({}, ctx) as { onDuty?: string; consultationPhone: string };
    expect(info).toMatchObject({ onDuty: '李*华', consultationPhone: '0351-12333' });
  });

  it('lets the county change the on-duty person and the phone', () => {
    const info = systemHandlers({ ...base, remoteSite: () => ({ onDuty: '张*', consultationPhone: '0351-7654321' }) })['site.info']({}, ctx) as { onDuty?: string; consultationPhone: string };
    expect(info).toMatchObject({ onDuty: '张*', consultationPhone: '0351-7654321' });
  });
});
