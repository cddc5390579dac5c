import { stmt } from './statements';
import type { Db } from './database';
import type { DataKey } from '../crypto/data-key';

export const CONFIG_PARTS = ['catalog', 'staff', 'announcements', 'site'] as const;
export type ConfigPart = (typeof CONFIG_PARTS)[number];

export interface StoredConfig {
  part: ConfigPart;
  version: number;
  body: unknown;
  appliedAt: string;
}

/** Parts that hold secrets (the staff list's password hashes) are sealed with the data key at rest. */
const SEALED_PARTS: ReadonlySet<ConfigPart> = new Set(['staff']);
const sealContext = (part: ConfigPart) => `config:${part}`;

function encodeBody(part: ConfigPart, body: unknown, key: DataKey | undefined): string {
  if (!SEALED_PARTS.has(part)) return JSON.stringify(body);
  if (!key) throw new Error(`the config part "${part}" is sealed at rest: pass the data key`);
  return JSON.stringify({ sealed: key.sealJson(body, sealContext(part)).toString('base64') });
}

/**
 * A sealed part needs the key to be read; without it (or from a row that fails to open) the part reads as absent,
 * never as its ciphertext. A part stored in clear before sealing existed is still read.
 */
export function getConfigPart(db: Db, part: ConfigPart, key?: DataKey): StoredConfig | null {
  const row = stmt(db, 'SELECT part, version, body, applied_at FROM config_versions WHERE part = ?').get(part) as
    | { part: ConfigPart; version: number; body: string; applied_at: string }
    | undefined;
  if (!row) return null;
  let body = JSON.parse(row.body) as unknown;
  if (SEALED_PARTS.has(part) && typeof body === 'object' && body !== null && typeof (body as { sealed?: unknown }).sealed === 'string') {
    if (!key) return null;
    try {
      body = key.openJson(Buffer.from((body as { sealed: string }).sealed, 'base64'), sealContext(part));
    } catch {
      return null;
    }
  }
  return { part: row.part, version: row.version, body, appliedAt: row.applied_at };
}

/** Rewrites a stored part in place (same version): sealing a part stored in clear, or a rehashed staff list. */
export function rewriteConfigPart(db: Db, part: ConfigPart, body: unknown, key: DataKey): void {
  stmt(db, 'UPDATE config_versions SET body = ? WHERE part = ?').run(encodeBody(part, body, key), part);
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
export function applyConfigParts(
  db: Db,
  parts: ReadonlyArray<{ part: ConfigPart; version: number; body: unknown }>,
  at: string,
  key?: DataKey,
): Array<{ part: ConfigPart; version: number }> {
  const apply = db.transaction(() => {
    const changed: Array<{ part: ConfigPart; version: number }> = [];
    for (const p of parts) {
      const current = stmt(db, 'SELECT version FROM config_versions WHERE part = ?').get(p.part) as { version: number } | undefined;
      if (current && current.version >= p.version) continue;
      stmt(db, 
        `INSERT INTO config_versions (part, version, body, applied_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (part) DO UPDATE SET version = excluded.version, body = excluded.body, applied_at = excluded.applied_at`,
      ).run(p.part, p.version, encodeBody(p.part, p.body, key), at);
      changed.push({ part: p.part, version: p.version });
    }
    return changed;
  });
  return apply.immediate();
}
