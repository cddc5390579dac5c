import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { FaultUpdateSchema } from '../shared/sync/protocol';
import { COUNTY_CONFIG_PARTS, InvalidBodyError, countyStats, publishConfigPart, updateFault, type CountyConfigPart } from './county-state';
import { registerBackOfficeRoutes } from './back-office-routes';
import { fail, parseBody, parseParams } from './http-replies';
import { routeGroup } from './route-groups';
import { VillageDutiesUploadSchema } from '../shared/sync/village-list';
import { replaceVillageDuties } from './village-list';

const SCHEME = 'Bearer ';

/** True when the Authorization header is `Bearer ` and exactly the admin token (compared in constant time); the bare token is not enough. */
export function hasAdminToken(authorization: string | undefined, token: Buffer): boolean {
  if (!authorization?.startsWith(SCHEME)) return false;
  const given = Buffer.from(authorization.slice(SCHEME.length));
  return given.length === token.length && timingSafeEqual(given, token);
}

/**
 * County administration under /admin/v1 (publishing config, answering fault tickets, the back office's clerk
 * actions): every route needs the admin bearer token, checked by this group's own hook before the body is read.
 */
export function adminRoutes(adminToken: string) {
  const token = Buffer.from(adminToken);
  return routeGroup('admin', '/admin/v1', (app, context) => {
    const { query: db } = context;
    app.addHook('onRequest', async (request, reply) => {
      if (!hasAdminToken(request.headers.authorization, token)) return fail(reply, 401, { error: 'admin_token' });
    });

    app.put('/config/:part', async (request, reply) => {
      const params = parseParams(request.params, reply, z.object({ part: z.enum(COUNTY_CONFIG_PARTS) }), 'invalid_path');
      if (!params) return reply;
      const body = parseBody(request, reply, z.unknown());
      if (reply.sent) return reply;
      try {
        return { version: await publishConfigPart(db, params.part as CountyConfigPart, body) };
      } catch (error) {
        if (error instanceof InvalidBodyError) return fail(reply, 400, { error: 'invalid_body', field: error.field });
        throw error;
      }
    });

    app.put('/faults/:id', async (request, reply) => {
      const params = parseParams(request.params, reply, z.object({ id: z.string().min(1).max(64) }), 'invalid_path');
      if (!params) return reply;
      const update = parseBody(request, reply, FaultUpdateSchema.omit({ id: true }).extend({ state: z.enum(['acknowledged', 'closed']) }));
      if (!update) return reply;
      if (!(await updateFault(db, params.id, update.state, update.note ?? null))) return fail(reply, 404, { error: 'unknown_ticket' });
      return { ok: true };
    });

    // The county's social-security system feeds each point's village list (replaced whole).
    app.put('/village-list/:divisionCode', async (request, reply) => {
      const params = parseParams(request.params, reply, z.object({ divisionCode: z.string().regex(/^\d{12}$/) }), 'invalid_path');
      if (!params) return reply;
      const body = parseBody(request, reply, VillageDutiesUploadSchema);
      if (!body) return reply;
      return { stored: await replaceVillageDuties(db, params.divisionCode, body.entries) };
    });

    app.get('/stats', async () => countyStats(db));
    registerBackOfficeRoutes(app, context);
  });
}
