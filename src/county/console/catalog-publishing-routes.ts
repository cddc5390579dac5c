import { CatalogUploadSchema } from '../../shared/console/catalog-publishing';
import { audit, auditActor } from './audit';
import { catalogInForce, catalogState, checkCatalog, previewCatalog, publishCatalog } from './catalog-publishing';
import { earlierPublication } from './rollback-request';
import { actorOf, consoleBody, consoleFail, type ConsoleRoutes } from './console-plugin';

/**
 * Catalogue publishing: county admins preview, publish and roll back; townships see which version is in force.
 * A catalogue that fails the schema is refused with the first bad field (`catalog.items.3.guide.timeLimit.en`).
 */
export const catalogPublishingRoutes: ConsoleRoutes = (api, options) => {
  const now = () => options.now().getTime();

  api.get('/publishing/catalog', async (request) => catalogState(options.query, actorOf(request).staff.scope.kind === 'county', now()));

  api.get('/publishing/catalog/in-force', { config: { countyOnly: true } }, async () => catalogInForce(options.query));

  api.post('/publishing/catalog/preview', { config: { countyOnly: true } }, async (request, reply) => {
    const body = consoleBody(request, reply, CatalogUploadSchema);
    if (!body) return reply;
    const checked = checkCatalog(body.catalog);
    if (!checked.ok) return consoleFail(reply, 400, 'invalid_body', { field: checked.field });
    return previewCatalog(options.query, checked.catalog);
  });

  api.put('/publishing/catalog', { config: { countyOnly: true } }, async (request, reply) => {
    const { staff } = actorOf(request);
    const body = consoleBody(request, reply, CatalogUploadSchema);
    if (!body) return reply;
    const checked = checkCatalog(body.catalog);
    if (!checked.ok) return consoleFail(reply, 400, 'invalid_body', { field: checked.field });
    const version = await publishCatalog(options.query, checked.catalog, auditActor(staff), now());
    await audit(options.query, now(), auditActor(staff), 'publish.catalog', `v${version}`, null, `${checked.catalog.items.length} items`);
    return { version };
  });

  api.post('/publishing/catalog/rollback', { config: { countyOnly: true } }, async (request, reply) => {
    const { staff } = actorOf(request);
    const earlier = await earlierPublication(options.query, request, reply, 'catalog');
    if (!earlier) return reply;
    const checked = checkCatalog(earlier.body);
    if (!checked.ok) return consoleFail(reply, 404, 'not_found');
    const version = await publishCatalog(options.query, checked.catalog, auditActor(staff), now(), earlier.seq);
    await audit(options.query, now(), auditActor(staff), 'publish.rollback', `v${version}`, null, `catalog #${earlier.seq}`);
    return { version };
  });
};
