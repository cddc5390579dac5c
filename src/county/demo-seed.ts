import { SAMPLE_RESIDENTS } from '../shared/samples/residents';
import type { StaffAccount } from '../shared/sync/protocol';
import { publishConfigPart, registerKiosk } from './county-state';
import type { CountyQuery } from './db/connection';
import { takeIncoming } from './db/upsert';

/** The demo kiosk's id and secret: printed in docs/sync-protocol.md and used by the demo site config. Demo only. */
export const DEMO_KIOSK_ID = 'demo-kiosk';
export const DEMO_KIOSK_SECRET = 'demo-secret-change-me-0123456789abcdef';

/** Demo staff and their passwords (documented; a real county issues its own). */
export const DEMO_STAFF_PASSWORDS: Record<string, string> = { li: 'clerk-li-2026', zhao: 'clerk-zhao-2026', tech: 'tech-2026' };

/**
 * Their hashes, made once with the current scrypt parameters (src/county/passwords.ts) and written here: hashing three
 * passwords at current guidance took 2 s of every demo county's start (each e2e spec file and Jest county fixture
 * starts one). The passwords are public anyway; county-demo-seeds.test checks each hash against its password.
 */
const DEMO_STAFF_HASHES: Record<string, string> = {
  li: 'scrypt$ln=17,r=8,p=1$4t+NUBn5D4+xUJ+aIjip7g==$64CnSOAr+NWsS79dcbA2lKjyZcpIKtueeS6hmEaZgx8=',
  zhao: 'scrypt$ln=17,r=8,p=1$J4qaJs2NSJbDWOm+sqaZ2w==$XY8tq8P3VZgYoMjM85eI0FEEp+XTLKPLooHJ6HO5auQ=',
  tech: 'scrypt$ln=17,r=8,p=1$yCqeazuilGgvy0epCg6+4Q==$ZnJqD58PCuvAU/m37krOOCebuiTUqa4MxcNKMNjdByk=',
};

export function demoStaff(): StaffAccount[] {
  return [
    { id: 'clerk-li', username: 'li', displayName: '李秀英', roles: ['clerk'], passwordHash: DEMO_STAFF_HASHES.li!, disabled: false },
    { id: 'clerk-zhao', username: 'zhao', displayName: '赵志强', roles: ['clerk'], passwordHash: DEMO_STAFF_HASHES.zhao!, disabled: false },
    { id: 'tech-sun', username: 'tech', displayName: '孙技术员', roles: ['technician'], passwordHash: DEMO_STAFF_HASHES.tech!, disabled: false },
  ];
}

/**
 * Seeds an empty county: the demo kiosk, the catalogue (when given), two clerks and a technician, one
 * announcement, site settings, and the sample residents for the online lookups. Idempotent: a seeded county is
 * left as it is.
 */
export async function seedDemo(db: CountyQuery, options: { catalog?: unknown; now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await registerKiosk(db, DEMO_KIOSK_ID, DEMO_KIOSK_SECRET);
  const seeded = await db.selectFrom('config_parts').select('part').where('part', '=', 'staff').executeTakeFirst();
  if (seeded) return;
  await publishConfigPart(db, 'staff', demoStaff());
  await publishConfigPart(db, 'announcements', [
    {
      id: 'winter-2026',
      title: { 'zh-CN': '城乡居民养老保险2027年度缴费开始', en: 'Resident pension contributions for 2027 are open' },
      body: {
        'zh-CN': '2027年度城乡居民养老保险缴费已开始，可在本机办理缴费档次变更。',
        en: 'Contributions for 2027 are open; you can change your contribution grade at this kiosk.',
      },
      from: now.toISOString(),
    },
  ]);
  await publishConfigPart(db, 'site', { onDuty: '李秀英', consultationPhone: '0351-12333' });
  // Last, so its version is above the catalogue shipped with the kiosk (version 1).
  if (options.catalog !== undefined) await publishConfigPart(db, 'catalog', options.catalog);
  await db
    .insertInto('residents')
    .values(SAMPLE_RESIDENTS.map((r) => ({ id_number: r.idNumber, body: JSON.stringify({ idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate }) })))
    .onConflict((c) => c.column('id_number').doUpdateSet(takeIncoming('residents', 'body')))
    .execute();
}
