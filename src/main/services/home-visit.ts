import { KioskError } from '../../shared/contract/errors';
import type { SiteConfig } from '../../shared/config/site-config';
import type { HandlerMap } from '../dispatcher';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/database';

/**
 * The home-visit laptop's one rule of its own: the clerk says which village group (村民小组) the resident lives in,
 * chosen from the site config's list, before anything is handed in. The choice lives on the clerk's login (the
 * connection), so it ends with the login and never outlives the visit; the channel itself comes from the station
 * (channel-stamp.ts), never from the screen.
 */
export function homeVisitHandlers(deps: { config: SiteConfig; db: Db; now: () => Date }): HandlerMap<'homeVisit.chooseVillageGroup'> {
  return {
    'homeVisit.chooseVillageGroup': ({ villageGroup }, ctx) => {
      const staff = ctx.connection.staff;
      if (!staff || staff.channel !== 'homeVisit') throw new KioskError('forbidden', { details: { reason: 'notHomeVisit' } });
      if (!deps.config.kiosk.villageGroups.includes(villageGroup)) {
        throw new KioskError('validation_failed', { details: { fields: [{ field: 'villageGroup', messageKey: 'home-visit:villageGroup.unknown' }] } });
      }
      staff.villageGroup = villageGroup;
      insertAudit(deps.db, { at: deps.now().toISOString(), action: 'homeVisit.villageGroup', operatorId: staff.id, channel: 'homeVisit', subject: null, detail: { villageGroup } });
      return { villageGroup };
    },
  };
}
