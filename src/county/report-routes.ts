import { z } from 'zod';
import { MonthSchema } from '../shared/report/monthly-figures';
import { hasAdminToken } from './admin-routes';
import { fail, parseParams } from './http-replies';
import { countyCatalogue, pointReportVersions, townshipMonth } from './point-reports';
import { routeGroup } from './route-groups';
import { townshipWorkbook } from './township-workbook';

const MonthParam = z.object({ month: MonthSchema });
const PointParam = z.object({ month: MonthSchema, kioskId: z.string().min(1).max(64) });

/**
 * The township's monthly reports under /admin/v1/reports (admin bearer token, checked by this group's own hook):
 * received / late per point with the township totals, every version a point sent, and the month as one workbook.
 */
export function reportRoutes(adminToken: string) {
  const token = Buffer.from(adminToken);
  return routeGroup('admin', '/admin/v1/reports', (app, { query: db, now }) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!hasAdminToken(request.headers.authorization, token)) return fail(reply, 401, { error: 'admin_token' });
    });

    app.get('/:month', async (request, reply) => {
      const params = parseParams(request.params, reply, MonthParam, 'invalid_path');
      if (!params) return reply;
      return townshipMonth(db, params.month, now());
    });

    app.get('/:month/points/:kioskId', async (request, reply) => {
      const params = parseParams(request.params, reply, PointParam, 'invalid_path');
      if (!params) return reply;
      const versions = await pointReportVersions(db, params.kioskId, params.month);
      if (versions.length === 0) return fail(reply, 404, { error: 'no_report' });
      return { kioskId: params.kioskId, month: params.month, versions };
    });

    app.get('/:month/workbook', async (request, reply) => {
      const params = parseParams(request.params, reply, MonthParam, 'invalid_path');
      if (!params) return reply;
      const bytes = await townshipWorkbook(await townshipMonth(db, params.month, now()), 'zh-CN', await countyCatalogue(db));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="township-report-${params.month}.xlsx"`)
        .send(Buffer.from(bytes));
    });
  });
}
