import type { Point, Scope } from '../../shared/console/api';
import type { CountyQuery } from '../db/connection';
import { allRows, firstRow } from '../db/raw';
import { takeIncoming } from '../db/upsert';
import { pointCondition, townshipOf } from './scope';

/** The county's register of service points: which kiosk stands at which village (division code). */
export async function registerPoint(q: CountyQuery, point: Omit<Point, 'township'>): Promise<void> {
  await q
    .insertInto('points')
    .values({ kiosk_id: point.kioskId, division_code: point.divisionCode, township: townshipOf(point.divisionCode), name_zh: point.name['zh-CN'], name_en: point.name.en, level: point.level })
    .onConflict((c) =>
      c.column('kiosk_id').doUpdateSet(takeIncoming('points', 'division_code', 'township', 'name_zh', 'name_en', 'level')),
    )
    .execute();
}

interface PointRow {
  kiosk_id: string;
  division_code: string;
  township: string;
  name_zh: string;
  name_en: string;
  level: 'village' | 'demonstration';
}

export const toPoint = (r: PointRow): Point => ({
  kioskId: r.kiosk_id,
  divisionCode: r.division_code,
  township: r.township,
  name: { 'zh-CN': r.name_zh, en: r.name_en },
  level: r.level,
});

export async function pointsInScope(q: CountyQuery, scope: Scope): Promise<Point[]> {
  const where = pointCondition(scope);
  return (await allRows<PointRow>(q, `SELECT * FROM points p WHERE ${where.sql} ORDER BY p.division_code`, where.params)).map(toPoint);
}

/** The points the scope may see, by kiosk id: where a desk's rows stand (a row at a point not in it is not shown). */
export async function pointsInScopeByKiosk(q: CountyQuery, scope: Scope): Promise<Map<string, Point>> {
  return new Map((await pointsInScope(q, scope)).map((p) => [p.kioskId, p]));
}

/** The point of a kiosk when the scope may see it; null otherwise (the caller answers 404, never 403). */
export async function pointInScope(q: CountyQuery, scope: Scope, kioskId: string): Promise<Point | null> {
  const where = pointCondition(scope);
  const row = await firstRow<PointRow>(q, `SELECT * FROM points p WHERE p.kiosk_id = ? AND ${where.sql}`, [kioskId, ...where.params]);
  return row ? toPoint(row) : null;
}
