import { sql, type ColumnDataType, type CreateTableBuilder, type Expression, type Kysely, type SchemaModule } from 'kysely';

export type CountyEngine = 'sqlite' | 'postgres';

/** Adds columns to a table being created, in the order named (for `CreateTableBuilder.$call`). */
export type AddColumns = <T extends string, C extends string>(table: CreateTableBuilder<T, C>) => CreateTableBuilder<T, string>;

/** Columns of one kind, named in order: most of a table is a few lines of these. */
export interface ColumnsOfKind {
  text(...names: string[]): AddColumns;
  /** Whole numbers (the engine's `int`). */
  int(...names: string[]): AddColumns;
}

/**
 * The few column types that differ between the engines, named once: whole numbers (epoch milliseconds need 64 bits
 * on PostgreSQL), reals, and the arrival-order key each engine generates its own way; and the plain columns of a
 * table, NOT NULL (`required`) or nullable (`optional`), added in order.
 */
export interface ColumnKit {
  readonly int: ColumnDataType;
  readonly real: ColumnDataType | Expression<unknown>;
  /** Adds an auto-numbered primary key column (arrival order). */
  serial<T extends string, C extends string>(table: CreateTableBuilder<T, C>, name: string): CreateTableBuilder<T, C>;
  /** `.$call(required.text('kiosk_id', 'kind'))`: NOT NULL columns. */
  readonly required: ColumnsOfKind;
  /** `.$call(optional.text('note'))`: nullable columns. */
  readonly optional: ColumnsOfKind;
}

function columnsOfKind(int: ColumnDataType, notNull: boolean): ColumnsOfKind {
  const add =
    (type: ColumnDataType) =>
    (...names: string[]): AddColumns =>
    <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
      names.reduce<CreateTableBuilder<T, string>>((t, name) => (notNull ? t.addColumn(name, type, (c) => c.notNull()) : t.addColumn(name, type)), table);
  return { text: add('text'), int: add(int) };
}

export function columnKit(engine: CountyEngine): ColumnKit {
  const int: ColumnDataType = engine === 'postgres' ? 'bigint' : 'integer';
  const plain = { int, required: columnsOfKind(int, true), optional: columnsOfKind(int, false) };
  return engine === 'postgres'
    ? {
        ...plain,
        real: sql`double precision`,
        serial: (table, name) => table.addColumn(name, 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity()),
      }
    : {
        ...plain,
        real: 'real',
        serial: (table, name) => table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement()),
      };
}

/** A table keyed by one text column (an item id, a kiosk id, an ID number), created unless it is there already. */
export function tableKeyedBy(schema: SchemaModule, table: string, key: string): CreateTableBuilder<string, string> {
  return schema.createTable(table).ifNotExists().addColumn(key, 'text', (c) => c.primaryKey());
}

/** Column names of a table as the engine holds them (for files made before a column existed). */
export async function columnsOf(db: Kysely<unknown>, table: string): Promise<Set<string>> {
  const tables = await db.introspection.getTables();
  return new Set(tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? []);
}
