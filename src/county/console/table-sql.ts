import type { ParsedTableQuery } from '../../shared/console/table-query';

/** A piece of SQL with its parameters, to be joined with others. */
export interface SqlPart {
  sql: string;
  params: Array<string | number>;
}

/** The table's text filter as a condition on points aliased `p` (names, division code, kiosk id). */
export function pointTextCondition(q: string | undefined): SqlPart {
  const text = q?.trim();
  if (!text) return { sql: '1 = 1', params: [] };
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: "(p.name_zh LIKE ? ESCAPE '\\' OR p.name_en LIKE ? ESCAPE '\\' OR p.division_code LIKE ? ESCAPE '\\' OR p.kiosk_id LIKE ? ESCAPE '\\')",
    params: [like, like, like, like],
  };
}

/** ORDER BY for a column expression: empty cells last either way, then the division code so pages are stable. */
export function orderBy(expression: string, query: ParsedTableQuery): string {
  const direction = query.desc === '1' ? 'DESC' : 'ASC';
  return `ORDER BY (${expression}) IS NULL, ${expression} ${direction}, p.division_code`;
}

export const and = (...parts: SqlPart[]): SqlPart => ({ sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) });
