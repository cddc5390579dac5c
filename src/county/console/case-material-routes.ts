import { z } from 'zod';
import { CatalogSchema, type Catalog } from '../../shared/catalog/schema';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import type { CaseMaterials } from '../../shared/console/api';
import type { CountyQuery } from '../db/connection';
import { actorOf, consoleFail, type ConsoleRoutes } from './console-plugin';
import { pointInScope } from './points';

const IdParam = z.object({ applicationId: z.string().uuid() });

/** The catalogue the county published, or the shipped one before anything was published. */
export async function publishedCatalogue(q: CountyQuery): Promise<Catalog> {
  const row = await q.selectFrom('config_parts').select('body').where('part', '=', 'catalog').executeTakeFirst();
  const parsed = row ? CatalogSchema.safeParse(JSON.parse(row.body)) : null;
  return parsed?.success ? parsed.data : defaultCatalog();
}

/**
 * GET /console/api/cases/:applicationId/materials: the materials the case's item asks for, named in words, so the
 * desk returns a case by ticking "残疾证" rather than typing `disabilityCertificate`. Same scope rule as the case.
 */
export const caseMaterialRoutes: ConsoleRoutes = (api, options) => {
  api.get('/cases/:applicationId/materials', async (request, reply) => {
    const id = IdParam.safeParse(request.params);
    const item = id.success ? ((await options.clerkDesk?.deskItem(id.data.applicationId)) ?? null) : null;
    if (!item || !(await pointInScope(options.query, actorOf(request).staff.scope, item.kioskId))) return consoleFail(reply, 404, 'not_found');
    const catalogueItem = (await publishedCatalogue(options.query)).items.find((i) => i.code === item.itemCode);
    const answer: CaseMaterials = { materials: (catalogueItem?.materials ?? []).map((m) => ({ code: m.code, name: m.name })) };
    return answer;
  });
};
