import type { Point, Scope } from '../../shared/console/api';
import type { CountyDb } from '../county-db';
import { pointCondition, townshipOf } from './scope';

/** The county's register of service points: which kiosk stands at which village (division code). */
export function registerPoint(db: CountyDb, point: Omit<Point, 'township'>): void {
  db.prepare(
    `INSERT INTO points (kiosk_id, division_code, township, name_zh, name_en, level) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kiosk_id) DO UPDATE SET division_code = excluded.division_code, township = excluded.township,
       name_zh = excluded.name_zh, name_en = excluded.name_en, level = excluded.level`,
  ).run(point.kioskId, point.divisionCode, townshipOf(point.divisionCode), point.name['zh-CN'], point.name.en, point.level);
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

export function pointsInScope(db: CountyDb, scope: Scope): Point[] {
  const where = pointCondition(scope);
  return (db.prepare(`SELECT * FROM points p WHERE ${where.sql} ORDER BY p.division_code`).all(...where.params) as PointRow[]).map(toPoint);
}

/** The point of a kiosk when the scope may see it; null otherwise (the caller answers 404, never 403). */
export function pointInScope(db: CountyDb, scope: Scope, kioskId: string): Point | null {
  const where = pointCondition(scope);
  const row = db.prepare(`SELECT * FROM points p WHERE p.kiosk_id = ? AND ${where.sql}`).get(kioskId, ...where.params) as PointRow | undefined;
  return row ? toPoint(row) : null;
}
