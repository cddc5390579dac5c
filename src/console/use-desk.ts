import { useState } from 'react';
import type { z } from 'zod';
import { useConsoleData } from './use-console-data';

/** How often a desk's queue is fetched again while it is on screen: other staff act on the same cases and tickets. */
const DESK_REFRESH_MS = 15_000;

/** A desk's rows and how to open one, as its DeskTable needs them. */
export interface Desk<R> {
  rows: R[];
  idOf: (row: R) => string;
  open: (id: string) => void;
}

/**
 * A desk's queue (the clerk desk's cases, the cases carried up from the points, the fault tickets): loaded, fetched
 * again every 15 s, and the one row opened into the detail below the table. `opened` is looked up in each new answer,
 * so the detail shows the row as it stands after a move.
 */
export function useDesk<T extends z.ZodType, R>(path: string, schema: T, rowsOf: (queue: z.output<T>) => R[], idOf: (row: R) => string) {
  const { data: queue, error, reload } = useConsoleData(path, schema, DESK_REFRESH_MS);
  const [openedId, open] = useState<string | null>(null);
  const rows = queue ? rowsOf(queue) : [];
  const opened = rows.find((row) => idOf(row) === openedId) ?? null;
  const desk: Desk<R> = { rows, idOf, open };
  return { queue, error, reload, opened, desk };
}
