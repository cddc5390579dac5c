import { stmt } from './statements';
import type { Db } from './database';

export const CONFIG_PARTS = ['catalog', 'staff', 'announcements', 'site'] as const;
export type ConfigPart = (typeof CONFIG_PARTS)[number];

export interface StoredConfig {
  part: ConfigPart;
  version: number;
  body: unknown;
  appliedAt: string;
}

export function getConfigPart(db: Db, part: ConfigPart): StoredConfig | null {
  const row = stmt(db, 'SELECT part, version, body, applied_at FROM config_versions WHERE part = ?').get(part) as
    | { part: ConfigPart; version: number; body: string; applied_at: string }
    | undefined;
  return row ? { part: row.part, version: row.version, body: JSON.parse(row.body) as unknown, appliedAt: row.applied_at } : null;
}

export function configVersions(db: Db): Partial<Record<ConfigPart, number>> {
  const out: Partial<Record<ConfigPart, number>> = {};
  for (const row of stmt(db, 'SELECT part, version FROM config_versions').all() as Array<{ part: ConfigPart; version: number }>) {
    out[row.part] = row.version;
  }
  return out;
}

/**
 * Replaces the given parts in one transaction, each only if its version is newer than the stored one.
 * Callers validate bodies first; this is the atomic swap. Returns the parts that changed.
 */
export function applyConfigParts(db: Db, parts: ReadonlyArray<{ part: ConfigPart; version: number; body: unknown }>, at: string): Array<{ part: ConfigPart; version: number }> {
  const apply = db.transaction(() => {
    const changed: Array<{ part: ConfigPart; version: number }> = [];
    for (const p of parts) {
      const current = getConfigPart(db, p.part);
      if (current && current.version >= p.version) continue;
      stmt(db, 
        `INSERT INTO config_versions (part, version, body, applied_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (part) DO UPDATE SET version = excluded.version, body = excluded.body, applied_at = excluded.applied_at`,
      ).run(p.part, p.version, JSON.stringify(p.body), at);
      changed.push({ part: p.part, version: p.version });
    }
    return changed;
  });
  return apply.immediate();
}
