import fs from 'node:fs';
import os from 'node:os';
import type { SiteConfig } from '../../shared/config/site-config';
import type { HandlerMap } from '../dispatcher';

export interface SystemDeps {
  config: SiteConfig;
  dataDir: string;
  appVersion: string;
  simulate: boolean;
  startedAt: number;
  now: () => Date;
  /** What the county last set for this point (on-duty person, phone); it wins over the local file. */
  remoteSite?: () => { onDuty?: string; consultationPhone?: string };
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
      const remote = deps.remoteSite?.() ?? {};
      const { site, kiosk } = deps.config;
      return {
        name: site.name,
        divisionCode: site.divisionCode,
        level: site.level,
        officeHours: site.officeHours,
        consultationPhone: remote.consultationPhone ?? site.consultationPhone,
        onDuty: remote.onDuty ?? site.onDuty,
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
