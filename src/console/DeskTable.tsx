import type { TFunction } from 'i18next';
import type { Point } from '../shared/console/api';
import { DataTable, type Column } from './DataTable';
import type { Desk } from './use-desk';

/** The last column's button: what it says, how it names its row (every button says the same word), its test attribute. */
export interface RowOpener<R> {
  label: string;
  text: string;
  ariaLabel: (row: R) => string;
  /** Carries the row's id for the tests (e.g. `data-open-case`). */
  dataAttr: `data-${string}`;
}

/**
 * A desk's queue as a table (the clerk desk's cases, the cases carried up from the points, the fault tickets), in
 * ascending order of `sortBy`: overdue rows are marked alert, rows waiting for this desk to act warn, and the last
 * column's button opens a row into the detail below the table.
 */
export function DeskTable<R extends { overdue: boolean }>({ desk, caption, sortBy, waitingHere, opener, columns }: { desk: Desk<R>; caption: string; sortBy: string; waitingHere: (row: R) => boolean; opener: RowOpener<R>; columns: Column<R>[] }) {
  const openColumn: Column<R> = {
    key: 'open',
    label: opener.label,
    value: () => null,
    render: (row) => (
      <button type="button" className="button" aria-label={opener.ariaLabel(row)} onClick={() => desk.open(desk.idOf(row))} {...{ [opener.dataAttr]: desk.idOf(row) }}>
        {opener.text}
      </button>
    ),
  };
  return (
    <DataTable<R>
      caption={caption}
      rows={desk.rows}
      rowKey={desk.idOf}
      rowState={(row) => (row.overdue ? 'alert' : waitingHere(row) ? 'warn' : undefined)}
      initialSort={{ key: sortBy, descending: false }}
      columns={[...columns, openColumn]}
    />
  );
}

/** The columns both case desks show alike: the item, the point the case came from, the resident (masked). */
export function caseColumns<R extends { itemCode: string; point: Point; residentMasked: string }>(t: TFunction, section: 'cases' | 'pointCases', lang: 'zh-CN' | 'en'): Column<R>[] {
  return [
    { key: 'item', label: t(`${section}.item`), value: (c) => c.itemCode },
    { key: 'point', label: t(`${section}.point`), value: (c) => c.point.name[lang] },
    { key: 'resident', label: t(`${section}.resident`), value: (c) => c.residentMasked },
  ];
}
