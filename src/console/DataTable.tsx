import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  label: string;
  /** What the column sorts and filters by. */
  value: (row: T) => string | number | null;
  /** How the cell shows (default: the value). */
  render?: (row: T) => ReactNode;
}

/**
 * The console's one table kit: click a heading to sort (again to reverse), type to filter across all columns.
 * Rows may carry a state attribute (data-state) so silent or late rows stand out in CSS and tests.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowState,
  initialSort,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowState?: (row: T) => string | undefined;
  initialSort?: { key: string; descending?: boolean };
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort ?? { key: columns[0]!.key, descending: false });
  const [filter, setFilter] = useState('');

  const shown = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    const needle = filter.trim().toLowerCase();
    const kept = needle ? rows.filter((r) => columns.some((c) => String(c.value(r) ?? '').toLowerCase().includes(needle))) : rows;
    const direction = sort.descending ? -1 : 1;
    return [...kept].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      if (x === y) return 0;
      if (x === null) return 1; // empty cells last either way
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction;
    });
  }, [rows, columns, sort, filter]);

  const filterId = `filter-${caption.replace(/\W+/g, '-')}`;
  return (
    <div className="table-kit">
      <div className="table-kit__tools">
        <label htmlFor={filterId}>{t('table.filter')}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-table-filter />
        <span className="table-kit__count" aria-live="polite">
          {t('table.count', { shown: shown.length, total: rows.length })}
        </span>
      </div>
      <div className="table-kit__scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" data-sort={c.key} onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : false })}>
                    {c.label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} data-row={rowKey(row)} data-state={rowState?.(row)}>
                {columns.map((c) => (
                  <td key={c.key} data-col={c.key}>
                    {c.render ? c.render(row) : (c.value(row) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="table-kit__empty">{t('table.empty')}</p>}
      </div>
    </div>
  );
}
