import { MilestonesUpdateSchema } from '../../shared/console/api';
import { TableQuerySchema } from '../../shared/console/table-query';
import { audit, auditActor } from './audit';
import { actorOf, consoleBody, type ConsoleRoutes } from './console-plugin';
import { programmePage, setMilestones } from './programme';

/**
 * PUT /console/api/programme/milestones: a county admin sets the county's dates for the programme (the whole list,
 * in one transaction, audited with the new list). Township accounts see the dates but may not change them.
 */
export const milestoneRoutes: ConsoleRoutes = (api, options) => {
  api.put('/programme/milestones', { config: { countyOnly: true } }, async (request, reply) => {
    const { staff } = actorOf(request);
    const body = consoleBody(request, reply, MilestonesUpdateSchema);
    if (!body) return reply;
    await setMilestones(options.query, body.milestones);
    const now = options.now();
    await audit(options.query, now.getTime(), auditActor(staff), 'programme.dates', null, null, body.milestones.map((m) => `${m.stage}@${m.due}=${m.share}`).join(',').slice(0, 2000));
    return await programmePage(options.query, staff.scope, now, TableQuerySchema.parse({}));
  });
};
