import { ScopeSchema } from '../../shared/console/api';
import type { StaffAccount } from '../../shared/sync/protocol';
import type { CountyDb } from '../county-db';
import { canSeePoint } from './scope';

/**
 * The staff list one kiosk receives: the register's accounts whose scope covers the kiosk's point. A kiosk that is
 * not a registered point (a bare reference county, a test kiosk) and accounts the register does not know are left as
 * published: the filter narrows, it never invents.
 */
export function staffForKiosk(db: CountyDb, kioskId: string, list: StaffAccount[]): StaffAccount[] {
  const hasRegister = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'points'").get();
  if (!hasRegister) return list;
  const point = db.prepare('SELECT division_code FROM points WHERE kiosk_id = ?').get(kioskId) as { division_code: string } | undefined;
  if (!point) return list;
  const scopes = new Map((db.prepare('SELECT id, scope FROM staff_register').all() as Array<{ id: string; scope: string }>).map((r) => [r.id, ScopeSchema.parse(JSON.parse(r.scope))]));
  return list.filter((a) => {
    const scope = scopes.get(a.id);
    return !scope || canSeePoint(scope, point.division_code);
  });
}
