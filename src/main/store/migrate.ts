import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';

/** The database was written by a newer kiosk: running on it could corrupt what that version wrote. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`the database is at schema version ${found}, but this kiosk knows only up to ${supported}; install the newer kiosk version (or restore a backup) instead of downgrading`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Brings the schema up to date in one transaction at start-up (all steps or none), using SQLite's user_version
 * as the schema version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    for (const m of migrations.slice(current)) db.exec(m.up);
    if (current !== latest) db.pragma(`user_version = ${latest}`);
    return { from: current, to: latest };
  });
  return run.immediate();
}
