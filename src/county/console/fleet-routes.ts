import { TableQuerySchema } from '../../shared/console/table-query';
import { fleet } from './fleet';
import { actorOf, consoleFail, type ConsoleRoutes } from './console-plugin';

export const DEFAULT_SILENT_AFTER_SECONDS = 15 * 60;

/** GET /console/api/fleet: one page of the points in the account's scope with their last heartbeat. */
export const fleetRoutes: ConsoleRoutes = (api, options) => {
  api.get('/fleet', async (request, reply) => {
    const query = TableQuerySchema.safeParse(request.query);
    if (!query.success) return consoleFail(reply, 400, 'invalid_body');
    return await fleet(options.query, actorOf(request).staff.scope, options.now(), options.silentAfterSeconds ?? DEFAULT_SILENT_AFTER_SECONDS, query.data);
  });
};
