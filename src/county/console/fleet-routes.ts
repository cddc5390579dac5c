import { fleet } from './fleet';
import { actorOf, type ConsoleRoutes } from './console-plugin';

export const DEFAULT_SILENT_AFTER_SECONDS = 15 * 60;

/** GET /console/api/fleet: every point in the account's scope with its last heartbeat. */
export const fleetRoutes: ConsoleRoutes = (api, options) => {
  api.get('/fleet', async (request) => fleet(options.db, actorOf(request).staff.scope, options.now(), options.silentAfterSeconds ?? DEFAULT_SILENT_AFTER_SECONDS));
};
