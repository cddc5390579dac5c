import { z } from 'zod';
import { SiteSettingsInputSchema } from '../../shared/console/api';
import { AnnouncementListSchema } from '../../shared/sync/protocol';
import { audit, auditActor } from './audit';
import { actorOf, consoleBody, consoleFail, type ConsoleRoutes } from './console-plugin';
import { pointInScope, pointsInScope } from './points';
import { effectiveSite, history, publishAnnouncements, publishPointSite } from './publishing';
import { earlierPublication } from './rollback-request';

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
    history: await history(options.query, 'announcements', now()),
  }));

  api.put('/publishing/announcements', { config: { countyOnly: true } }, async (request, reply) => {
    const { staff } = actorOf(request);
    const body = consoleBody(request, reply, z.object({ announcements: AnnouncementListSchema }));
    if (!body) return reply;
    const version = await publishAnnouncements(options.query, body.announcements, auditActor(staff), now());
    await audit(options.query, now(), auditActor(staff), 'publish.announcements', `v${version}`, null, body.announcements.map((a) => a.id).join(','));
    return { version };
  });

  api.post('/publishing/announcements/rollback', { config: { countyOnly: true } }, async (request, reply) => {
    const { staff } = actorOf(request);
    const earlier = await earlierPublication(options.query, request, reply, 'announcements');
    if (!earlier) return reply;
    const version = await publishAnnouncements(options.query, earlier.body, auditActor(staff), now(), earlier.seq);
    await audit(options.query, now(), auditActor(staff), 'publish.rollback', `v${version}`, null, `announcements #${earlier.seq}`);
    return { version };
  });

  api.get('/publishing/site', async (request) => {
    const points = [];
    for (const point of await pointsInScope(options.query, actorOf(request).staff.scope)) {
      points.push({ point, effective: await effectiveSite(options.query, point.kioskId), history: await history(options.query, `site:${point.kioskId}`, now()) });
    }
    return { points };
  });

  api.put('/publishing/site/:kioskId', async (request, reply) => {
    const { staff } = actorOf(request);
    const point = await pointInScope(options.query, staff.scope, KioskParam.safeParse(request.params).data?.kioskId ?? '');
    if (!point) return consoleFail(reply, 404, 'not_found');
    const body = consoleBody(request, reply, SiteSettingsInputSchema);
    if (!body) return reply;
    const version = await publishPointSite(options.query, point.kioskId, body, auditActor(staff), now());
    await audit(options.query, now(), auditActor(staff), 'publish.site', point.kioskId, point.township, `v${version}`);
    return { version };
  });

  api.post('/publishing/site/:kioskId/rollback', async (request, reply) => {
    const { staff } = actorOf(request);
    const point = await pointInScope(options.query, staff.scope, KioskParam.safeParse(request.params).data?.kioskId ?? '');
    if (!point) return consoleFail(reply, 404, 'not_found');
    const earlier = await earlierPublication(options.query, request, reply, `site:${point.kioskId}`);
    if (!earlier) return reply;
    const version = await publishPointSite(options.query, point.kioskId, SiteSettingsInputSchema.parse(earlier.body), auditActor(staff), now(), earlier.seq);
    await audit(options.query, now(), auditActor(staff), 'publish.rollback', point.kioskId, point.township, `site #${earlier.seq}`);
    return { version };
  });
};
