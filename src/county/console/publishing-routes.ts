import { z } from 'zod';
import { RollbackRequestSchema, SiteSettingsInputSchema } from '../../shared/console/api';
import { AnnouncementListSchema } from '../../shared/sync/protocol';
import { audit } from './audit';
import { actorOf, consoleBody, consoleFail, type ConsoleRoutes } from './console-plugin';
import { pointInScope, pointsInScope } from './points';
import { earlierBody, effectiveSite, history, publishAnnouncements, publishPointSite } from './publishing';

const KioskParam = z.object({ kioskId: z.string().min(1).max(64) });

/**
 * Publishing: the county's announcements (county admins publish, townships see what is in force) and each point's
 * site settings (townships for their points). Every publication is versioned; rollback is one POST.
 */
export const publishingRoutes: ConsoleRoutes = (api, options) => {
  const now = () => options.now().getTime();

  api.get('/publishing/announcements', async (request) => ({
    now: options.now().toISOString(),
    mayPublish: actorOf(request).staff.scope.kind === 'county',
    history: history(options.db, 'announcements', now()),
  }));

  api.put('/publishing/announcements', async (request, reply) => {
    const { staff } = actorOf(request);
    if (staff.scope.kind !== 'county') return consoleFail(reply, 403, 'forbidden');
    const body = consoleBody(request, reply, z.object({ announcements: AnnouncementListSchema }));
    if (!body) return reply;
    const version = publishAnnouncements(options.db, body.announcements, { id: staff.id, name: staff.displayName }, now());
    audit(options.db, now(), { id: staff.id, name: staff.displayName }, 'publish.announcements', `v${version}`, null, body.announcements.map((a) => a.id).join(','));
    return { version };
  });

  api.post('/publishing/announcements/rollback', async (request, reply) => {
    const { staff } = actorOf(request);
    if (staff.scope.kind !== 'county') return consoleFail(reply, 403, 'forbidden');
    const body = consoleBody(request, reply, RollbackRequestSchema);
    if (!body) return reply;
    const earlier = earlierBody(options.db, 'announcements', body.seq);
    if (earlier === null) return consoleFail(reply, 404, 'not_found');
    const version = publishAnnouncements(options.db, earlier, { id: staff.id, name: staff.displayName }, now(), body.seq);
    audit(options.db, now(), { id: staff.id, name: staff.displayName }, 'publish.rollback', `v${version}`, null, `announcements #${body.seq}`);
    return { version };
  });

  api.get('/publishing/site', async (request) => ({
    points: pointsInScope(options.db, actorOf(request).staff.scope).map((point) => ({
      point,
      effective: effectiveSite(options.db, point.kioskId),
      history: history(options.db, `site:${point.kioskId}`, now()),
    })),
  }));

  api.put('/publishing/site/:kioskId', async (request, reply) => {
    const { staff } = actorOf(request);
    const point = pointInScope(options.db, staff.scope, KioskParam.safeParse(request.params).data?.kioskId ?? '');
    if (!point) return consoleFail(reply, 404, 'not_found');
    const body = consoleBody(request, reply, SiteSettingsInputSchema);
    if (!body) return reply;
    const version = publishPointSite(options.db, point.kioskId, body, { id: staff.id, name: staff.displayName }, now());
    audit(options.db, now(), { id: staff.id, name: staff.displayName }, 'publish.site', point.kioskId, point.township, `v${version}`);
    return { version };
  });

  api.post('/publishing/site/:kioskId/rollback', async (request, reply) => {
    const { staff } = actorOf(request);
    const point = pointInScope(options.db, staff.scope, KioskParam.safeParse(request.params).data?.kioskId ?? '');
    if (!point) return consoleFail(reply, 404, 'not_found');
    const body = consoleBody(request, reply, RollbackRequestSchema);
    if (!body) return reply;
    const earlier = earlierBody(options.db, `site:${point.kioskId}`, body.seq);
    if (earlier === null) return consoleFail(reply, 404, 'not_found');
    const version = publishPointSite(options.db, point.kioskId, SiteSettingsInputSchema.parse(earlier), { id: staff.id, name: staff.displayName }, now(), body.seq);
    audit(options.db, now(), { id: staff.id, name: staff.displayName }, 'publish.rollback', point.kioskId, point.township, `site #${body.seq}`);
    return { version };
  });
};
