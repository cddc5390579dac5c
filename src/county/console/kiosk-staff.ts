import { ScopeSchema } from '../../shared/console/api';
import type { StaffAccount } from '../../shared/sync/protocol';
import type { CountyQuery } from '../db/connection';
import { canSeePoint } from './scope';

/**
 * The staff list one kiosk receives: the register's accounts whose scope covers the kiosk's point. A kiosk that is
 * not a registered point (a bare reference county, a test kiosk) and accounts the register does not know are left as
 * published: the filter narrows, it never invents.
 */
export async function staffForKiosk(q: CountyQuery, kioskId: string, list: StaffAccount[]): Promise<StaffAccount[]> {
  const point = await q.selectFrom('points').select('division_code').where('kiosk_id', '=', kioskId).executeTakeFirst();
  if (!point) return list;
  const scopes = new Map((await q.selectFrom('staff_register').select(['id', 'scope']).execute()).map((r) => [r.id, ScopeSchema.parse(JSON.parse(r.scope))]));
  return list.filter((a) => {
    const scope = scopes.get(a.id);
    return !scope || canSeePoint(scope, point.division_code);
  });
}
