import { ScopeSchema, StaffRoleSchema } from '../shared/console/api';
import { maskIdNumber } from '../shared/domain/mask';
import { VillageDutyKindSchema, type VillageDutyEntry, type VillageList } from '../shared/sync/village-list';
import { canSeePoint, townshipOf } from './console/scope';
import { audit } from './console/audit';
import type { CountyQuery } from './db/connection';
import { inTransaction } from './db/transaction';

const INSERT_CHUNK = 200;
const KIND_ORDER: readonly string[] = VillageDutyKindSchema.options;
const BY_PINYIN = new Intl.Collator('zh-CN');

/** The county's feed replaces one point's whole list (what is due changes as a whole, month by month). */
export async function replaceVillageDuties(q: CountyQuery, divisionCode: string, entries: readonly VillageDutyEntry[]): Promise<number> {
  return inTransaction(q, async (trx) => {
    await trx.deleteFrom('village_duties').where('division_code', '=', divisionCode).execute();
    const unique = new Map(entries.map((e) => [`${e.kind}:${e.idNumber}`, e]));
    const rows = [...unique.values()].map((e) => ({ division_code: divisionCode, kind: e.kind, id_number: e.idNumber, name: e.name, date: e.date }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('village_duties').values(rows.slice(i, i + INSERT_CHUNK)).execute();
    return rows.length;
  });
}

export type VillageListOutcome = { ok: true; list: VillageList } | { ok: false; status: 403 | 404; error: 'not_a_point' | 'staff_out_of_scope' };

/**
 * The list a kiosk's clerk may read: only the kiosk's own registered point, and only for a clerk account of the
 * register that is enabled and whose scope covers that point (checked here, whatever the kiosk says). ID numbers
 * leave the county masked.
 */
export async function villageListFor(q: CountyQuery, kioskId: string, staffId: string, now: Date): Promise<VillageListOutcome> {
  const point = await q.selectFrom('points').select('division_code').where('kiosk_id', '=', kioskId).executeTakeFirst();
  if (!point) return { ok: false, status: 404, error: 'not_a_point' };
  const staff = await q.selectFrom('staff_register').select(['roles', 'scope', 'disabled', 'display_name']).where('id', '=', staffId).executeTakeFirst();
  // Who read (or tried to read) a village's list is in the county's audit, seen by that township's office.
  const record = (action: string, detail: Record<string, unknown>) =>
    audit(q, now.getTime(), { id: staffId.slice(0, 64), name: staff?.display_name ?? null }, action, point.division_code, townshipOf(point.division_code), JSON.stringify({ kioskId, ...detail }));
  const entitled =
    staff !== undefined &&
    !staff.disabled &&
    StaffRoleSchema.array().parse(JSON.parse(staff.roles)).includes('clerk') &&
    canSeePoint(ScopeSchema.parse(JSON.parse(staff.scope)), point.division_code);
  if (!entitled) {
    await record('villageList.refused', {});
    return { ok: false, status: 403, error: 'staff_out_of_scope' };
  }
  const rows = await q
    .selectFrom('village_duties')
    .select(['kind', 'id_number', 'name', 'date'])
    .where('division_code', '=', point.division_code)
    .execute();
  // Kind, then date, then name as a clerk reads them (pinyin order), the same on both engines whatever their collation.
  rows.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.date.localeCompare(b.date) || BY_PINYIN.compare(a.name, b.name));
  await record('villageList.read', { entries: rows.length });
  return {
    ok: true,
    list: { divisionCode: point.division_code, entries: rows.map((r) => ({ kind: r.kind as VillageDutyEntry['kind'], name: r.name, idMasked: maskIdNumber(r.id_number), date: r.date })) },
  };
}
