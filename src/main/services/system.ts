import fs from 'node:fs';
import os from 'node:os';
import type { SiteConfig } from '../../shared/config/site-config';
import type { HandlerMap } from '../dispatcher';
import type { SiteInForce } from './remote-site-settings';

export interface SystemDeps {
  config: SiteConfig;
  dataDir: string;
  appVersion: string;
  simulate: boolean;
  startedAt: number;
  now: () => Date;
  /** The point's hours, phone and duty person in force (remote-site-settings.ts: the county's over the local file). */
  site: () => SiteInForce;
}

function diskFree(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export function systemHandlers(deps: SystemDeps): HandlerMap<'system.ping' | 'site.info' | 'system.caller' | 'system.info'> {
  const uptime = () => Math.round((Date.now() - deps.startedAt) / 1000);
  return {
    'system.ping': () => ({ now: deps.now().toISOString(), uptimeSeconds: uptime() }),
    'site.info': () => {
      const inForce = deps.site();
      const { site, kiosk } = deps.config;
      return {
        name: site.name,
        divisionCode: site.divisionCode,
        level: site.level,
        officeHours: inForce.officeHours,
        consultationPhone: inForce.consultationPhone,
        ...(inForce.onDuty ? { onDuty: inForce.onDuty } : {}),
        idleTimeoutSeconds: kiosk.idleTimeoutSeconds,
        idleCountdownSeconds: kiosk.idleCountdownSeconds,
        staffIdleMinutes: kiosk.staffIdleMinutes,
        station: kiosk.station,
        villageGroups: kiosk.villageGroups,
        defaultLanguage: kiosk.defaultLanguage,
        simulated: deps.simulate,
        appVersion: deps.appVersion,
      };
    },
    'system.caller': (_input, ctx) => ({ roles: [...ctx.roles] }),
    'system.info': () => ({
      appVersion: deps.appVersion,
      nodeVersion: process.version,
      platform: `${os.platform()} ${os.arch()} ${os.release()}`,
      uptimeSeconds: uptime(),
      memoryRssBytes: process.memoryUsage().rss,
      dataDir: deps.dataDir,
      diskFreeBytes: diskFree(deps.dataDir),
    }),
  };
}
