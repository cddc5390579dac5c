import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite file as Kysely's dialect sees it, with prepared statements kept: Kysely's SQLite driver prepares every
 * query afresh, and on the gateway's intake that compiling took more time than running the statements (profile of
 * bench/county-intake.bench.ts). The same SQL text reuses its statement; the least recently used goes beyond `max`
 * (IN lists of different lengths make different texts). One connection runs one statement at a time (Kysely's
 * mutex), so a statement is never run twice at once.
 */
export function withStatementCache(sqlite: Database.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else {
        statement = sqlite.prepare(text);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}
