import { z } from 'zod';
import { FaultActionSchema, FaultActionRequestSchema } from '../../shared/console/api';
import { audit, auditActor } from './audit';
import { actorOf, consoleBody, consoleFail, type ConsoleRoutes } from './console-plugin';
import { climbDueFaults } from './fault-climb';
import { faultQueue, moveFault } from './fault-escalation';

/** How often the gateway climbs tickets nobody answered in time (they climb at their due instant regardless). */
export const DEFAULT_FAULT_CLIMB_INTERVAL_MS = 60_000;

const MoveParams = z.object({ id: z.string().min(1).max(64), action: FaultActionSchema });

/** The escalation queue: GET the tickets in scope; POST a move (acknowledge, note, passUp, resolve) on one. */
export const faultRoutes: ConsoleRoutes = (api, options) => {
  // Each point's tickets by the response times published to its kiosk (read afresh each pass: a publication changes them).
  const climb = () => climbDueFaults(options.query, options.now());
  const interval = options.faultClimbIntervalMs ?? DEFAULT_FAULT_CLIMB_INTERVAL_MS;
  if (interval > 0) {
    const timer = setInterval(() => void climb().catch((error: unknown) => api.log.error({ err: error }, 'fault climb failed')), interval);
    timer.unref();
    api.addHook('onClose', async () => clearInterval(timer));
  }
  api.get('/faults', async (request) => {
    await climb();
    return faultQueue(options.query, actorOf(request).staff.scope, options.now());
  });

  api.post('/faults/:id/:action', async (request, reply) => {
    const params = MoveParams.safeParse(request.params);
    if (!params.success) return consoleFail(reply, 404, 'not_found');
    const body = consoleBody(request, reply, FaultActionRequestSchema);
    if (!body) return reply;
    if (params.data.action === 'note' && !body.note) return consoleFail(reply, 400, 'invalid_body', { field: 'note' });
    const { staff } = actorOf(request);
    await climb(); // a move meets the ticket at the level it has climbed to by now
    const now = options.now();
    const outcome = await moveFault(options.query, { id: staff.id, name: staff.displayName, scope: staff.scope }, params.data.id, params.data.action, body.note || undefined, now);
    if (!outcome.ok) return consoleFail(reply, outcome.status, outcome.error);
    await audit(options.query, now.getTime(), auditActor(staff), `fault.${params.data.action}`, params.data.id, outcome.township, `level=${outcome.ticket.level}`);
    return outcome.ticket;
  });
};
