import { useCallback, useState } from 'react';
import { tableQueryString, type TableQuery } from '../shared/console/table-query';

/** A long table's query (sort, filter, narrowing, page) and the API path it makes, for useConsoleData. */
export function useTableQuery(base: string, initial: TableQuery = {}) {
  const [query, setQuery] = useState<TableQuery>(initial);
  const onQuery = useCallback((next: TableQuery) => setQuery(next), []);
  return { query, onQuery, path: `${base}${tableQueryString(query)}` };
}
