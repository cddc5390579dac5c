import { z } from 'zod';
import { CaseActionSchema, type CaseAction, type CaseRow, type Point } from '../../shared/console/api';
import { ClerkActionError, type ClerkAction, type DeskItem } from '../back-office/port';
import { audit, auditActor } from './audit';
import { actorOf, consoleFail, type ConsoleRoutes } from './console-plugin';
import { caseDesk, caseMoveRoute } from './case-desk';
import { pointsInScopeByKiosk } from './points';

const IdParam = z.object({ applicationId: z.string().uuid() });
const STATUS: Record<ClerkActionError['code'], [number, 'not_found' | 'invalid_body' | 'conflict']> = {
  unknown_application: [404, 'not_found'],
  unknown_material: [400, 'invalid_body'],
  wrong_state: [409, 'conflict'],
  taken_by_other: [409, 'conflict'],
};

const toRow = (d: DeskItem, point: Point, now: Date): CaseRow => ({
  applicationId: d.applicationId,
  trackingNumber: d.trackingNumber,
  itemCode: d.itemCode,
  point,
  state: d.state,
  round: d.round,
  clerkId: d.clerkId,
  dueAt: d.dueAt,
  overdue: d.dueAt !== null && (d.state === 'waiting' || d.state === 'taken') && Date.parse(d.dueAt) < now.getTime(),
  residentMasked: d.residentMasked,
  receivedAt: d.receivedAt,
});

const text = (zh: string, en: string | undefined) => ({ 'zh-CN': zh, en: en ?? zh });

function clerkAction(body: CaseAction, clerkId: string): ClerkAction {
  switch (body.action) {
    case 'take':
      return { action: 'take', clerkId };
    case 'return':
      return { action: 'return', clerkId, materials: body.materials, ...(body.note ? { note: text(body.note, body.noteEn) } : {}) };
    case 'finish':
      return { action: 'finish', clerkId, ...(body.note ? { note: text(body.note, body.noteEn) } : {}) };
    case 'refuse':
      return { action: 'refuse', clerkId, reason: text(body.reason, body.reasonEn) };
  }
}

/**
 * Cases and items waiting: the back office's clerk desk, narrowed to the points in scope. Township and county staff
 * take, return with what is missing, finish or refuse; the outcome goes to the kiosk through the back office's sink.
 * The list shows residents masked; a county admin may open a case to see the resident in full, and that is audited.
 */
export const caseRoutes: ConsoleRoutes = (api, options) => {
  const desk = caseDesk(options.query, async (request) => (await options.clerkDesk?.deskItem(IdParam.safeParse(request.params).data?.applicationId ?? '')) ?? null, ClerkActionError, STATUS);
  const find = desk.find;

  api.get('/cases', async (request) => {
    const points = await pointsInScopeByKiosk(options.query, actorOf(request).staff.scope);
    const now = options.now();
    const items = (await options.clerkDesk?.desk({ limit: 500 })) ?? [];
    return { now: now.toISOString(), available: options.clerkDesk !== null, cases: items.filter((d) => points.has(d.kioskId)).map((d) => toRow(d, points.get(d.kioskId)!, now)) };
  });

  api.get('/cases/:applicationId', async (request, reply) => {
    const found = await find(request);
    if (!found) return consoleFail(reply, 404, 'not_found');
    const { staff } = actorOf(request);
    if (staff.scope.kind !== 'county') return { case: toRow(found.record, found.point, options.now()), resident: null };
    const row = await options.query.selectFrom('items').select('payload').where('id', '=', found.record.applicationId).executeTakeFirst();
    const resident = row ? (JSON.parse(row.payload) as { resident: { name: string; idNumber: string } }).resident : null;
    await audit(options.query, options.now().getTime(), auditActor(staff), 'case.open', found.record.applicationId, found.point.township, found.record.trackingNumber);
    return { case: toRow(found.record, found.point, options.now()), resident: resident ? { name: resident.name, idNumber: resident.idNumber } : null };
  });

  caseMoveRoute(api, '/cases/:applicationId', desk, CaseActionSchema, async (found, body, staff) => {
    const item = await options.clerkDesk!.act(found.record.applicationId, clerkAction(body, staff.id), options.relay.sink, options.now());
    await audit(options.query, options.now().getTime(), auditActor(staff), `case.${body.action}`, item.applicationId, found.point.township, item.trackingNumber);
    return toRow(item, found.point, options.now());
  });
};
