import type { Point, Scope, StaffRole } from '../../shared/console/api';
import { StaffListSchema } from '../../shared/sync/protocol';
import { registerKiosk } from '../county-state';
import type { CountyQuery } from '../db/connection';
import { hashPassword, type ScryptParams } from './password-hash';
import { registerPoint } from './points';
import { DEMO_MILESTONES, setMilestones } from './programme';
import { insertStaff } from './staff-register';
import { replaceVillageDuties } from '../village-list';
import { demoVillageDuties } from '../village-demo';

/**
 * Demo points and console accounts (documented in docs/console.md; a real county registers its own): the
 * demonstration point and a village of 土沃乡, a village of 北格镇, and one account for each township plus a county
 * admin. The two extra kiosks have demo secrets so the e2e can run three simulated kiosks.
 */
export const DEMO_POINTS: Array<Omit<Point, 'township'> & { secret: string }> = [
  { kioskId: 'demo-kiosk', divisionCode: '140105001000', name: { 'zh-CN': '土沃乡就业社保示范服务点', en: 'Tuwo Township Demonstration Point' }, level: 'demonstration', secret: '' },
  { kioskId: 'demo-kiosk-2', divisionCode: '140105001201', name: { 'zh-CN': '土沃乡东庄村服务点', en: 'Dongzhuang Village Point, Tuwo' }, level: 'village', secret: 'demo-secret-2-change-me-0123456789abcd' },
  { kioskId: 'demo-kiosk-3', divisionCode: '140105002203', name: { 'zh-CN': '北格镇南庄村服务点', en: 'Nanzhuang Village Point, Beige' }, level: 'village', secret: 'demo-secret-3-change-me-0123456789abcd' },
];

export const DEMO_CONSOLE_ACCOUNTS: Array<{ id: string; username: string; displayName: string; roles: StaffRole[]; scope: Scope; password: string }> = [
  { id: 'township-tuwo', username: 'tuwo', displayName: '土沃乡人社所 王建国', roles: ['township'], scope: { kind: 'township', township: '140105001' }, password: 'tuwo-console-2026' },
  { id: 'township-beige', username: 'beige', displayName: '北格镇人社所 刘芳', roles: ['township'], scope: { kind: 'township', township: '140105002' }, password: 'beige-console-2026' },
  { id: 'county-admin', username: 'county', displayName: '县人社局 管理员', roles: ['countyAdmin'], scope: { kind: 'county' }, password: 'county-console-2026' },
];

const DEMO_HASH_PARAMS: ScryptParams = { ln: 14, r: 8, p: 1 };

/** Idempotent: points are (re)registered, accounts only added when the register has none of them. */
export async function seedConsoleDemo(db: CountyQuery, options: { now?: Date; hashParams?: ScryptParams } = {}): Promise<void> {
  for (const point of DEMO_POINTS) {
    if (point.secret) await registerKiosk(db, point.kioskId, point.secret);
    await registerPoint(db, point);
  }
  // The demonstration point's village list (seeded once; the county's feed replaces it).
  const demoPoint = DEMO_POINTS[0]!.divisionCode;
  if (!(await db.selectFrom('village_duties').select('kind').where('division_code', '=', demoPoint).limit(1).executeTakeFirst())) {
    await replaceVillageDuties(db, demoPoint, demoVillageDuties(options.now ?? new Date()));
  }
  if (await db.selectFrom('staff_register').select('id').limit(1).executeTakeFirst()) return;
  await setMilestones(db, DEMO_MILESTONES);
  const at = (options.now ?? new Date()).getTime();
  // Demo hashes are made cheaply so the demo county starts fast on a busy machine; each is raised to current guidance
  // at its first sign-in (consoleLogin re-hashes weaker hashes).
  const hashes = await Promise.all(DEMO_CONSOLE_ACCOUNTS.map((a) => hashPassword(a.password, options.hashParams ?? DEMO_HASH_PARAMS)));
  for (const [i, a] of DEMO_CONSOLE_ACCOUNTS.entries()) await insertStaff(db, { ...a, passwordHash: hashes[i]! }, at);
  // The kiosk accounts the demo county already published join the register, scoped to 土沃乡 (the demo kiosk's).
  const published = await db.selectFrom('config_parts').select('body').where('part', '=', 'staff').executeTakeFirst();
  for (const a of published ? StaffListSchema.parse(JSON.parse(published.body)) : []) {
    await insertStaff(db, { id: a.id, username: a.username, displayName: a.displayName, roles: a.roles, scope: { kind: 'township', township: '140105001' }, passwordHash: a.passwordHash, disabled: a.disabled }, at);
  }
}
