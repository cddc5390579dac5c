import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** `select *`, `returning *`, `t.*`, `a, * from`: a text whose result columns follow the table's (count(*) does not). */
const ALL_COLUMNS = /(select|returning)\s+\*|\.\*|,\s*\*\s*(,|from\b)/i;

/** The most named statements one connection keeps; the least recently used is deallocated beyond it. */
const PER_CONNECTION = 200;

/**
 * PostgreSQL's side of `statement-cache.ts`: the pool as Kysely's dialect sees it, with every parameterized query
 * sent as a named (server-side prepared) statement, one name per SQL text and connection. Unnamed, the server parses
 * and plans each statement again; for the intake's 500-parameter inserts that was a third of PostgreSQL's CPU in the
 * intake bench (bench/county-intake.bench.ts). A text selecting or returning `*` stays unnamed: its result columns could change under a
 * migration run by another gateway process, which a prepared statement refuses ("cached plan must not change result
 * type"). Names are never reused, so one dropped after a failed DEALLOCATE cannot meet a different text.
 */
export function withPreparedStatements(pool: pg.Pool, perConnection = PER_CONNECTION): PostgresPool {
  // Kysely keeps its connection per client object, so each client gets one wrapper for its life.
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  let serial = 0;
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        const names = new Map<string, string>(); // SQL text -> statement name, least recently used first
        const query = (text: string, values: readonly unknown[]): Promise<pg.QueryResult> => {
          if (values.length === 0 || ALL_COLUMNS.test(text)) return client.query(text, [...values]);
          let name = names.get(text);
          if (name !== undefined) names.delete(text);
          else {
            name = `county_${(++serial).toString(36)}`;
            if (names.size >= perConnection) {
              const [oldText, oldName] = names.entries().next().value!;
              names.delete(oldText);
              // Queued before the next statement on this connection; DEALLOCATE is allowed inside a transaction.
              client.query(`deallocate ${oldName}`).catch(() => undefined);
            }
          }
          names.set(text, name);
          return client.query({ name, text, values: [...values] });
        };
        wrapper = {
          query: query as unknown as <R>(sql: string, parameters: readonly unknown[]) => Promise<PostgresQueryResult<R>>,
          release: (destroy?: boolean) => client.release(destroy),
        } as PostgresPoolClient;
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
