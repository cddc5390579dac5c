import { registerPoint } from '../../src/county/console/points';
import { and, orderBy, pointTextCondition } from '../../src/county/console/table-sql';
import type { CountyDatabase } from '../../src/county/db/connection';
import { allRows } from '../../src/county/db/raw';
import { TableQuerySchema } from '../../src/shared/console/table-query';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The pieces of SQL the console's long tables (fleet, programme) are made of (table-sql.ts): the text filter over a
 * point's names, division code and kiosk id with LIKE's wildcards taken literally, the order with empty cells last
 * either way and the division code breaking ties, and conditions joined with their parameters in order. Each piece
 * is checked as text and run on the county database, where what it selects is what counts.
 */
describe('the console tables SQL pieces', () => {
  let county: CountyDatabase;
  const POINTS = [
    { kioskId: 'k-percent', divisionCode: '140105001201', name: { 'zh-CN': '百分之百村', en: '10% Village' }, level: 'village' as const },
    { kioskId: 'k-under', divisionCode: '140105001202', name: { 'zh-CN': '下划线村', en: 'Under_score Point' }, level: 'village' as const },
    { kioskId: 'k-slash', divisionCode: '140105001203', name: { 'zh-CN': '反斜杠村', en: 'Back\\slash Point' }, level: 'village' as const },
    { kioskId: 'k-plain', divisionCode: '140105001204', name: { 'zh-CN': '东庄村', en: 'Dongzhuang 1000 Point' }, level: 'demonstration' as const },
    { kioskId: 'kiosk-tail', divisionCode: '140105002301', name: { 'zh-CN': '南庄村', en: 'Nanzhuang' }, level: 'village' as const },
  ];
  /** The kiosk ids a condition selects, by division code. */
  const matching = async (q: string | undefined) => {
    const where = pointTextCondition(q);
    return (await allRows<{ kiosk_id: string }>(county.query, `SELECT p.kiosk_id FROM points p WHERE ${where.sql} ORDER BY p.division_code`, where.params)).map((r) => r.kiosk_id);
  };

  beforeAll(async () => {
    county = await openTestCountyDatabase('table-sql-');
    for (const p of POINTS) await registerPoint(county.query, p);
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('matches no filter, an empty or a blank one as every point', async () => {
    for (const q of [undefined, '', '   ']) {
      expect(pointTextCondition(q)).toEqual({ sql: '1 = 1', params: [] });
      expect(await matching(q)).toEqual(POINTS.map((p) => p.kioskId));
    }
  });

  it('matches the text, trimmed, anywhere in either name, the division code or the kiosk id, wildcards taken literally', async () => {
    expect(pointTextCondition('  10% ')).toEqual({
      sql: "(p.name_zh LIKE ? ESCAPE '\\' OR p.name_en LIKE ? ESCAPE '\\' OR p.division_code LIKE ? ESCAPE '\\' OR p.kiosk_id LIKE ? ESCAPE '\\')",
      params: ['%10\\%%', '%10\\%%', '%10\\%%', '%10\\%%'],
    });
    expect(pointTextCondition('a_b\\c').params).toEqual(Array(4).fill('%a\\_b\\\\c%'));
    expect(await matching('  10% ')).toEqual(['k-percent']); // not "1000"
    expect(await matching('r_s')).toEqual(['k-under']); // "_" is no single-character wildcard
    expect(await matching('k\\s')).toEqual(['k-slash']);
    expect(await matching('庄村')).toEqual(['k-plain', 'kiosk-tail']);
    expect(await matching('Nanzhuang')).toEqual(['kiosk-tail']);
    expect(await matching('1402')).toEqual([]);
    expect(await matching('05002')).toEqual(['kiosk-tail']);
    expect(await matching('k-p')).toEqual(['k-percent', 'k-plain']);
  });

  it('orders ascending unless asked descending, empty cells last either way, then by division code', async () => {
    const asc = TableQuerySchema.parse({});
    const desc = TableQuerySchema.parse({ desc: '1' });
    expect(orderBy('x.v', asc)).toBe('ORDER BY (x.v) IS NULL, x.v ASC, p.division_code');
    expect(orderBy('x.v', TableQuerySchema.parse({ desc: '0' }))).toBe('ORDER BY (x.v) IS NULL, x.v ASC, p.division_code');
    expect(orderBy('x.v', desc)).toBe('ORDER BY (x.v) IS NULL, x.v DESC, p.division_code');
    // A column with an empty cell and a tie: the empty one last both ways, the tie by division code.
    const values = "(SELECT kiosk_id, CASE kiosk_id WHEN 'k-percent' THEN 2 WHEN 'k-under' THEN NULL WHEN 'k-slash' THEN 1 WHEN 'k-plain' THEN 2 ELSE 3 END AS v FROM points)";
    const sorted = async (query: typeof asc) => (await allRows<{ kiosk_id: string }>(county.query, `SELECT p.kiosk_id FROM points p JOIN ${values} x ON x.kiosk_id = p.kiosk_id ${orderBy('x.v', query)}`)).map((r) => r.kiosk_id);
    expect(await sorted(asc)).toEqual(['k-slash', 'k-percent', 'k-plain', 'kiosk-tail', 'k-under']);
    expect(await sorted(desc)).toEqual(['kiosk-tail', 'k-percent', 'k-plain', 'k-slash', 'k-under']);
  });

  it('joins conditions each in brackets with AND, their parameters in order', async () => {
    const level = { sql: 'p.level = ? OR p.level = ?', params: ['demonstration', 'nothing'] };
    const joined = and(level, pointTextCondition('庄'), { sql: '1 = 1', params: [] });
    expect(joined.sql).toBe(`(p.level = ? OR p.level = ?) AND (${pointTextCondition('庄').sql}) AND (1 = 1)`);
    expect(joined.params).toEqual(['demonstration', 'nothing', '%庄%', '%庄%', '%庄%', '%庄%']);
    expect((await allRows<{ kiosk_id: string }>(county.query, `SELECT p.kiosk_id FROM points p WHERE ${joined.sql}`, joined.params)).map((r) => r.kiosk_id)).toEqual(['k-plain']);
    expect(and(level)).toEqual({ sql: '(p.level = ? OR p.level = ?)', params: ['demonstration', 'nothing'] });
  });
});
