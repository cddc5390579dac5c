import type { SiteInfo } from '../../src/shared/contract/methods/system';

/** A village point's `site.info` answer as the core sends it, for renderer tests that boot the page against a scripted core. */
export const SAMPLE_SITE_INFO: SiteInfo = {
  name: { 'zh-CN': 'Example village point (zh-CN name)', en: 'Example village point' },
  divisionCode: '140100000001',
  level: 'village',
  officeHours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
  consultationPhone: '0351-12333',
  idleTimeoutSeconds: 90,
  idleCountdownSeconds: 20,
  staffIdleMinutes: 15,
  station: 'kiosk',
  villageGroups: [],
  defaultLanguage: 'zh-CN',
  simulated: false,
  appVersion: '0.1.0',
};
