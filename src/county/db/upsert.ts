import { sql, type RawBuilder } from 'kysely';
import type { CountyTables } from './tables';

/**
 * For `ON CONFLICT … DO UPDATE SET`: each named column of `table` takes the value the refused row brought
 * (`excluded.<column>`); the rest of the stored row stays. The names are checked against the table's columns.
 */
export function takeIncoming<T extends keyof CountyTables, C extends keyof CountyTables[T] & string>(_table: T, ...columns: C[]): Record<C, RawBuilder<never>> {
  return Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])) as Record<C, RawBuilder<never>>;
}
