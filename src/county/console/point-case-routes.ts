import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { upstreamMovesFor } from '../../shared/cases/case-state';
import type { CaseMaterials, Point } from '../../shared/console/api';
import { PointCaseMoveSchema, type PointCaseMove, type PointCaseRow } from '../../shared/console/point-cases';
import { CaseMoveError, moveCaseUpstream, pointCase, pointCaseResident, pointCasesOf, type HeldPointCase, type UpstreamMove } from '../point-cases';
import { audit, auditActor } from './audit';
import { actorOf, consoleFail, type ConsoleRoutes } from './console-plugin';
import { caseDesk, caseMoveRoute } from './case-desk';
import { pointsInScopeByKiosk } from './points';
import { publishedCatalogue } from './case-material-routes';

const IdParam = z.object({ caseId: z.string().uuid() });
const STATUS: Record<CaseMoveError['code'], [number, 'not_found' | 'invalid_body' | 'conflict' | 'forbidden']> = {
  unknown_case: [404, 'not_found'],
  not_allowed: [409, 'conflict'],
  moved_meanwhile: [409, 'conflict'],
  missing_required: [400, 'invalid_body'],
};

type Role = 'township' | 'countyAdmin';
const roleOf = (roles: readonly string[]): Role => (roles.includes('countyAdmin') ? 'countyAdmin' : 'township');
const text = (zh: string, en: string | undefined) => ({ 'zh-CN': zh, en: en ?? zh });

const toRow = (c: HeldPointCase, point: Point, role: Role): PointCaseRow => {
  const { kioskId: _kiosk, ...rest } = c;
  return { ...rest, point, moves: upstreamMovesFor(c.state, role) };
};

function upstream(body: PointCaseMove, actor: UpstreamMove['actor'], materialNames: (codes: string[]) => { 'zh-CN': string; en: string }): UpstreamMove {
  switch (body.move) {
    case 'take':
      return { move: 'take', actor };
    case 'passUp':
    case 'finish':
      return { move: body.move, actor, ...(body.note ? { note: text(body.note, body.noteEn) } : {}) };
    case 'return': {
      const names = materialNames(body.materials);
      const words = { 'zh-CN': body.note ? `${names['zh-CN']}：${body.note}` : names['zh-CN'], en: body.note ? `${names.en}: ${body.noteEn ?? body.note}` : names.en };
      return { move: 'return', actor, missing: { text: words, materials: body.materials } };
    }
    case 'refuse':
      return { move: 'refuse', actor, note: text(body.reason, body.reasonEn) };
  }
}

/**
 * The 全程代办 desk: cases carried up from the points in the caller's scope. A township account takes a case, passes
 * it to the county, or returns, finishes or refuses it; at the county only a county admin acts. The resident stays
 * masked; a county admin may open a case to see the resident in full, and that is audited like every move.
 */
export const pointCaseRoutes: ConsoleRoutes = (api, options) => {
  const held = async (request: FastifyRequest) => {
    const caseId = IdParam.safeParse(request.params).data?.caseId;
    return caseId ? await pointCase(options.query, caseId, options.now()) : null;
  };
  const desk = caseDesk(options.query, held, CaseMoveError, STATUS);
  const find = desk.find;

  api.get('/point-cases', async (request) => {
    const points = await pointsInScopeByKiosk(options.query, actorOf(request).staff.scope);
    const now = options.now();
    const role = roleOf(actorOf(request).staff.roles);
    const cases = await pointCasesOf(options.query, [...points.keys()], now);
    return { now: now.toISOString(), cases: cases.map((c) => toRow(c, points.get(c.kioskId)!, role)) };
  });

  api.get('/point-cases/:caseId', async (request, reply) => {
    const found = await find(request);
    if (!found) return consoleFail(reply, 404, 'not_found');
    const { staff } = actorOf(request);
    const row = toRow(found.record, found.point, roleOf(staff.roles));
    if (staff.scope.kind !== 'county') return { case: row, resident: null };
    await audit(options.query, options.now().getTime(), auditActor(staff), 'pointCase.open', found.record.caseId, found.point.township, found.record.caseNumber);
    return { case: row, resident: await pointCaseResident(options.query, found.record.caseId) };
  });

  api.get('/point-cases/:caseId/materials', async (request, reply) => {
    const found = await find(request);
    if (!found) return consoleFail(reply, 404, 'not_found');
    const item = (await publishedCatalogue(options.query)).items.find((i) => i.code === found.record.itemCode);
    const answer: CaseMaterials = { materials: (item?.materials ?? []).map((m) => ({ code: m.code, name: m.name })) };
    return answer;
  });

  caseMoveRoute(api, '/point-cases/:caseId', desk, PointCaseMoveSchema, async (found, body, staff) => {
    const role = roleOf(staff.roles);
    const item = (await publishedCatalogue(options.query)).items.find((i) => i.code === found.record.itemCode);
    const name = (code: string) => item?.materials.find((m) => m.code === code)?.name ?? { 'zh-CN': code, en: code };
    const move = upstream(body, { id: staff.id, name: staff.displayName, role }, (codes) => ({ 'zh-CN': codes.map((c) => name(c)['zh-CN']).join('、'), en: codes.map((c) => name(c).en).join(', ') }));
    const held = await moveCaseUpstream(options.query, found.record.caseId, move, options.now());
    await audit(options.query, options.now().getTime(), auditActor(staff), `pointCase.${body.move}`, held.caseId, found.point.township, held.caseNumber);
    return toRow(held, found.point, role);
  });
};
