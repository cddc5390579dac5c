import { sql, type ColumnDataType, type CreateTableBuilder, type Expression, type Kysely } from 'kysely';

export type CountyEngine = 'sqlite' | 'postgres';

/**
 * The few column types that differ between the engines, named once: whole numbers (epoch milliseconds need 64 bits
 * on PostgreSQL), reals, and the arrival-order key each engine generates its own way.
 */
export interface ColumnKit {
  readonly int: ColumnDataType;
  readonly real: ColumnDataType | Expression<unknown>;
  /** Adds an auto-numbered primary key column (arrival order). */
  serial<T extends string, C extends string>(table: CreateTableBuilder<T, C>, name: string): CreateTableBuilder<T, C>;
}

export function columnKit(engine: CountyEngine): ColumnKit {
  return engine === 'postgres'
    ? {
        int: 'bigint',
        real: sql`double precision`,
        serial: (table, name) => table.addColumn(name, 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity()),
      }
    : {
        int: 'integer',
        real: 'real',
        serial: (table, name) => table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement()),
      };
}

/** Column names of a table as the engine holds them (for files made before a column existed). */
export async function columnsOf(db: Kysely<unknown>, table: string): Promise<Set<string>> {
  const tables = await db.introspection.getTables();
  return new Set(tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? []);
}
