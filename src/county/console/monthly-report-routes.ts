import { z } from 'zod';
import { MonthSchema } from '../../shared/report/monthly-figures';
import { monthOf, previousMonth } from '../../shared/report/report-month';
import { countyCatalogue } from '../point-reports';
import { townshipWorkbook } from '../township-workbook';
import { actorOf, consoleFail, type ConsoleRoutes } from './console-plugin';
import { pointReport, reportMonth, reportMonthInScope } from './monthly-reports';
import { pointInScope } from './points';

const MonthQuery = z.object({ month: MonthSchema.optional() });
const Lang = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
const PointParams = z.object({ month: MonthSchema, kioskId: z.string().min(1).max(64) });
const MonthParams = z.object({ month: MonthSchema });

/**
 * The Reports page: the month's state of each point in scope (default: last month), one point's report with every
 * version, and the township's workbook of the month (a sheet per point in scope and a summary).
 */
export const monthlyReportRoutes: ConsoleRoutes = (api, options) => {
  api.get('/reports', async (request, reply) => {
    const query = MonthQuery.safeParse(request.query);
    if (!query.success) return consoleFail(reply, 400, 'invalid_body');
    const now = options.now();
    return await reportMonth(options.query, actorOf(request).staff.scope, query.data.month ?? previousMonth(monthOf(now)), now);
  });

  api.get('/reports/:month/points/:kioskId', async (request, reply) => {
    const params = PointParams.safeParse(request.params);
    if (!params.success) return consoleFail(reply, 404, 'not_found');
    const point = await pointInScope(options.query, actorOf(request).staff.scope, params.data.kioskId);
    if (!point) return consoleFail(reply, 404, 'not_found');
    const report = await pointReport(options.query, point, params.data.month, Lang.safeParse(request.query).data?.lang ?? 'zh-CN');
    return report ?? consoleFail(reply, 404, 'not_found');
  });

  api.get('/reports/:month/workbook.xlsx', async (request, reply) => {
    const params = MonthParams.safeParse(request.params);
    if (!params.success) return consoleFail(reply, 404, 'not_found');
    const lang = Lang.safeParse(request.query).data?.lang ?? 'zh-CN';
    const { month } = await reportMonthInScope(options.query, actorOf(request).staff.scope, params.data.month, options.now());
    const bytes = await townshipWorkbook(month, lang, await countyCatalogue(options.query));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="township-report-${params.data.month}.xlsx"`)
      .send(Buffer.from(bytes));
  });
};
