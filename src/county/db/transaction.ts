import { AsyncLocalStorage } from 'node:async_hooks';
import type { CountyQuery } from './connection';

/** PostgreSQL's "try again" answers: a deadlock between two gateways' transactions, a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 8;

/** The transaction open in this async call chain, so work reached from inside it (an outcome sink) joins it. */
const open = new AsyncLocalStorage<{ root: CountyQuery; trx: CountyQuery; ended: boolean }>();

/**
 * Runs `work` in one transaction. On PostgreSQL two gateway processes can lock the same rows in opposite order (an
 * item's unique key, a counter); the database then aborts one of them, and the whole transaction is run again from
 * the start, so nothing half-done is ever kept. On SQLite one process holds the file and this never happens.
 * Called with a transaction, or from code running inside one on the same database, `work` joins it (on SQLite a
 * second transaction would wait for the first forever: there is one connection).
 */
export async function inTransaction<T>(q: CountyQuery, work: (trx: CountyQuery) => Promise<T>): Promise<T> {
  if (q.isTransaction) return work(q);
  const current = open.getStore();
  if (current && current.root === q && !current.ended) return work(current.trx);
  return retryingConflicts(() =>
    q.transaction().execute(async (trx) => {
      const store = { root: q, trx, ended: false };
      try {
        return await open.run(store, () => work(trx));
      } finally {
        store.ended = true;
      }
    }),
  );
}

/** True when `q` is a transaction, or code in this async call chain runs inside one open on `q`. */
export function inOpenTransaction(q: CountyQuery): boolean {
  const current = open.getStore();
  return q.isTransaction || (current !== undefined && current.root === q && !current.ended);
}

/**
 * Runs `attempt` (a whole transaction, or one statement outside any, which PostgreSQL runs as its own) again when
 * PostgreSQL aborted it as a deadlock or serialization failure with another gateway's work: it left nothing behind.
 */
export async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (n >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * n));
    }
  }
}
