import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TablePage, TableQuery } from '../shared/console/table-query';

export interface Column<T> {
  key: string;
  label: string;
  /** What the column sorts and filters by. */
  value: (row: T) => string | number | null;
  /** How the cell shows (default: the value). */
  render?: (row: T) => ReactNode;
}

/** A table the gateway sorts, filters and pages: the kit sends the query and shows the page it gets back. */
export interface ServerPaging {
  query: TableQuery;
  onQuery: (query: TableQuery) => void;
  page: TablePage;
}

/** How long the filter waits for typing to pause before asking the gateway. */
const FILTER_PAUSE_MS = 300;

/**
 * The console's one table kit: click a heading to sort (again to reverse), type to filter across all columns.
 * Rows may carry a state attribute (data-state) so silent or late rows stand out in CSS and tests. With `server`,
 * sorting, filtering and paging happen at the gateway (long tables: every point of a county).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowState,
  initialSort,
  server,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowState?: (row: T) => string | undefined;
  initialSort?: { key: string; descending?: boolean };
  server?: ServerPaging;
}) {
  const { t } = useTranslation();
  const [localSort, setSort] = useState(initialSort ?? { key: columns[0]!.key, descending: false });
  const [filter, setFilter] = useState(server?.query.q ?? '');
  const sort = server ? { key: server.query.sort ?? initialSort?.key ?? columns[0]!.key, descending: server.query.sort ? server.query.desc === '1' : (initialSort?.descending ?? false) } : localSort;
  const sortBy = (key: string) => {
    const descending = sort.key === key ? !sort.descending : false;
    if (server) server.onQuery({ ...server.query, sort: key, desc: descending ? '1' : '0', offset: 0 });
    else setSort({ key, descending });
  };
  const serverQuery = server?.query;
  const onServerQuery = server?.onQuery;
  useEffect(() => {
    if (!serverQuery || !onServerQuery || (serverQuery.q ?? '') === filter.trim()) return;
    const timer = window.setTimeout(() => onServerQuery({ ...serverQuery, q: filter.trim(), offset: 0 }), FILTER_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [filter, serverQuery, onServerQuery]);

  const shown = useMemo(() => {
    if (server) return rows;
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
  }, [rows, columns, sort.key, sort.descending, filter, server]);

  const filterId = `filter-${caption.replace(/\W+/g, '-')}`;
  return (
    <div className="table-kit">
      <div className="table-kit__tools">
        <label htmlFor={filterId}>{t('table.filter')}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-table-filter />
        <span className="table-kit__count" aria-live="polite">
          {server
            ? t('table.pageCount', { from: server.page.matched === 0 ? 0 : server.page.offset + 1, to: server.page.offset + rows.length, matched: server.page.matched, total: server.page.total })
            : t('table.count', { shown: shown.length, total: rows.length })}
        </span>
        {server && server.page.matched > server.page.limit && (
          <span className="table-kit__pager">
            <button type="button" className="button button--small" data-page="previous" disabled={server.page.offset === 0} onClick={() => server.onQuery({ ...server.query, offset: Math.max(0, server.page.offset - server.page.limit) })}>
              {t('table.previous')}
            </button>
            <button type="button" className="button button--small" data-page="next" disabled={server.page.offset + server.page.limit >= server.page.matched} onClick={() => server.onQuery({ ...server.query, offset: server.page.offset + server.page.limit })}>
              {t('table.next')}
            </button>
          </span>
        )}
      </div>
      <div className="table-kit__scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" data-sort={c.key} onClick={() => sortBy(c.key)}>
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
