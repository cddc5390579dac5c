import { z } from 'zod';
import { DERIVED_STAGES, ProgrammeStageSchema, StageMarkSchema } from '../../shared/console/api';
import { TableQuerySchema } from '../../shared/console/table-query';
import { audit, auditActor } from './audit';
import { actorOf, consoleBody, consoleFail, type ConsoleRoutes } from './console-plugin';
import { pointInScope } from './points';
import { markStage, programme, programmePage } from './programme';
import { programmeWorkbook } from './programme-workbook';

const MarkParams = z.object({ kioskId: z.string().min(1).max(64), stage: ProgrammeStageSchema });
const Lang = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

/** The programme page: the table, a stage recorded or cleared for one point, and the table as xlsx. */
export const programmeRoutes: ConsoleRoutes = (api, options) => {
  api.get('/programme', async (request, reply) => {
    const query = TableQuerySchema.safeParse(request.query);
    if (!query.success) return consoleFail(reply, 400, 'invalid_body');
    return await programmePage(options.query, actorOf(request).staff.scope, options.now(), query.data);
  });

  api.get('/programme.xlsx', async (request, reply) => {
    const lang = Lang.safeParse(request.query).data?.lang ?? 'zh-CN';
    const file = await programmeWorkbook(await programme(options.query, actorOf(request).staff.scope, options.now()), lang);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="programme-${options.now().toISOString().slice(0, 10)}.xlsx"`)
      .send(Buffer.from(file));
  });

  api.post('/programme/:kioskId/:stage', async (request, reply) => {
    const params = MarkParams.safeParse(request.params);
    if (!params.success) return consoleFail(reply, 404, 'not_found');
    const { staff } = actorOf(request);
    const point = await pointInScope(options.query, staff.scope, params.data.kioskId);
    if (!point) return consoleFail(reply, 404, 'not_found');
    if (DERIVED_STAGES.includes(params.data.stage)) return consoleFail(reply, 409, 'conflict');
    const body = consoleBody(request, reply, StageMarkSchema);
    if (!body) return reply;
    const at = body.date ? Date.parse(`${body.date}T12:00:00Z`) : options.now().getTime();
    await markStage(options.query, point.kioskId, params.data.stage, body.done, at, auditActor(staff));
    await audit(options.query, options.now().getTime(), auditActor(staff), body.done ? 'programme.mark' : 'programme.clear', point.kioskId, point.township, params.data.stage);
    return await programmePage(options.query, staff.scope, options.now(), TableQuerySchema.parse({}));
  });
};
