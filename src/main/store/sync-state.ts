import { stmt } from './statements';
import type { Db } from './database';

/** Small key/value facts of the sync client that must survive a restart (last good sync, config version). */
export function getSyncValue(db: Db, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSyncValue(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
