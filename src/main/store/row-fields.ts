/**
 * SQLite rows name their columns in snake_case, the store's records name the same values in camelCase. A store reads
 * a row, hands the plain columns to `rowFields` and writes out only what it must decode (sealed text, JSON): the
 * types check at compile time that every field of the record comes from a column of that name.
 */

/** A column's name as a record's field: `opened_at` is `openedAt`. */
export type FieldName<C extends string> = C extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<FieldName<Tail>>}` : C;

/** A row's columns under their field names, each with its column's type. */
export type RowFields<R> = { [C in keyof R & string as FieldName<C>]: R[C] };

const fieldNames = new Map<string, string>();

function fieldName(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    fieldNames.set(column, name);
  }
  return name;
}

/** The row's columns, each under its field name (`{ opened_at }` becomes `{ openedAt }`), in the row's order. */
export function rowFields<R extends object>(row: R): RowFields<R> {
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) fields[fieldName(column)] = value;
  return fields as RowFields<R>;
}
