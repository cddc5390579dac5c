import { recentAudit } from '../../src/main/store/audit';
import { closeInquiry, getInquiry, inquiriesBetween, openInquiry, registerOf, takeInquiry } from '../../src/main/store/inquiries';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

const T0 = Date.parse('2026-11-30T02:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const iso = (ms: number) => at(ms).toISOString();
const li = { id: 'clerk-li', name: '李秀英' };
const zhao = { id: 'clerk-zhao', name: '赵志强' };

/** The inquiry register's rows (首问负责): every column read back, sealed words opened, one owner, one close, audited. */
describe('inquiries (store)', () => {
  const store = openTestStore(tempDataDir('store-inquiries-'));
  afterAll(() => store.close());
  const auditOf = (id: string) => recentAudit(store.db, 500).filter((a) => (a.detail as { inquiryId?: string } | null)?.inquiryId === id).reverse();

  it('reads back every column of a home visit opened by a clerk, its sealed topic and village group, and its audit entry', () => {
    const visit = openInquiry(
      store.db,
      store.key,
      { origin: 'homeVisit', channel: 'homeVisit', operatorId: 'clerk-li', screen: null, itemCode: 'INS-01', topic: '养老金', askerMasked: '王*国', villageGroup: '三组', owner: li, dueAt: iso(86_400_000) },
      at(0),
    );
    expect(visit).toStrictEqual({
      id: visit.id,
      openedAt: iso(0),
      origin: 'homeVisit',
      channel: 'homeVisit',
      operatorId: 'clerk-li',
      ownerId: 'clerk-li',
      ownerName: '李秀英',
      takenAt: iso(0),
      screen: null,
      itemCode: 'INS-01',
      topic: '养老金',
      askerMasked: '王*国',
      villageGroup: '三组',
      dueAt: iso(86_400_000),
      outcome: null,
      closedAt: null,
      closedBy: null,
    });
    expect(JSON.stringify(store.db.prepare('SELECT * FROM inquiries WHERE id = ?').get(visit.id))).not.toMatch(/养老金|三组/);
    expect(auditOf(visit.id)).toStrictEqual([{ at: iso(0), action: 'inquiry.opened', operatorId: 'clerk-li', channel: 'homeVisit', subject: '王*国', detail: { inquiryId: visit.id, origin: 'homeVisit' } }]);
    expect(getInquiry(store.db, store.key, 'no-such-inquiry')).toBeNull();
  });

  it('its id carries the time it was opened (UUIDv7), and sealed words do not open as another inquiry\'s', () => {
    const a = openInquiry(store.db, store.key, { origin: 'phone', channel: 'assisted', operatorId: 'clerk-li', topic: '失业登记', villageGroup: '一组' }, at(0));
    const b = openInquiry(store.db, store.key, { origin: 'phone', channel: 'assisted', operatorId: 'clerk-li', topic: '社保卡', villageGroup: '二组' }, at(0));
    expect(parseInt(a.id.replace(/-/g, '').slice(0, 12), 16)).toBe(T0);
    const copy = (column: string) => store.db.prepare(`UPDATE inquiries SET ${column} = (SELECT ${column} FROM inquiries WHERE id = ?) WHERE id = ?`).run(a.id, b.id);
    copy('topic_enc');
    expect(() => getInquiry(store.db, store.key, b.id)).toThrow();
    store.db.prepare('UPDATE inquiries SET topic_enc = NULL WHERE id = ?').run(b.id);
    copy('village_group_enc');
    expect(() => getInquiry(store.db, store.key, b.id)).toThrow();
    expect(getInquiry(store.db, store.key, a.id)).toMatchObject({ topic: '失业登记', villageGroup: '一组' });
  });

  it('a help call has no owner until the first clerk takes it; only the owner closes it, once; each step audited', () => {
    const help = openInquiry(store.db, store.key, { origin: 'helpButton', channel: 'self', operatorId: null, screen: 'home' }, at(1000));
    expect(help).toMatchObject({ ownerId: null, ownerName: null, takenAt: null, topic: null, villageGroup: null, askerMasked: null, itemCode: null, dueAt: null, screen: 'home' });
    expect(closeInquiry(store.db, help.id, 'clerk-li', 'answered', at(1500))).toBe(false);
    expect(takeInquiry(store.db, help.id, zhao, at(2000))).toBe(true);
    expect(takeInquiry(store.db, help.id, li, at(2500))).toBe(false);
    expect(getInquiry(store.db, store.key, help.id)).toMatchObject({ ownerId: 'clerk-zhao', ownerName: '赵志强', takenAt: iso(2000) });
    expect(closeInquiry(store.db, help.id, 'clerk-li', 'answered', at(3000))).toBe(false);
    expect(closeInquiry(store.db, help.id, 'clerk-zhao', 'handledHere', at(4000))).toBe(true);
    expect(closeInquiry(store.db, help.id, 'clerk-zhao', 'referred', at(5000))).toBe(false);
    expect(getInquiry(store.db, store.key, help.id)).toMatchObject({ outcome: 'handledHere', closedAt: iso(4000), closedBy: 'clerk-zhao' });
    expect(auditOf(help.id)).toStrictEqual([
      { at: iso(1000), action: 'inquiry.opened', operatorId: null, channel: 'self', subject: null, detail: { inquiryId: help.id, origin: 'helpButton' } },
      { at: iso(2000), action: 'inquiry.taken', operatorId: 'clerk-zhao', channel: null, subject: null, detail: { inquiryId: help.id } },
      { at: iso(4000), action: 'inquiry.closed', operatorId: 'clerk-zhao', channel: null, subject: null, detail: { inquiryId: help.id, outcome: 'handledHere' } },
    ]);
    // A closed call nobody took cannot be taken afterwards either.
    const closedUnowned = openInquiry(store.db, store.key, { origin: 'helpButton', channel: 'self', operatorId: null }, at(6000));
    store.db.prepare('UPDATE inquiries SET closed_at = ? WHERE id = ?').run(iso(6500), closedUnowned.id);
    expect(takeInquiry(store.db, closedUnowned.id, li, at(7000))).toBe(false);
  });

  it('the register: open ones first (my overdue, then unowned, then newest), then those closed since the given instant; the limit; the month between', () => {
    const s = openTestStore(tempDataDir('store-inquiries-register-'));
    const open = (ms: number, owner: typeof li | null, dueMs: number | null) =>
      openInquiry(s.db, s.key, { origin: 'phone', channel: 'assisted', operatorId: 'clerk-li', owner, dueAt: dueMs === null ? null : iso(dueMs) }, at(ms)).id;
    const mineOverdue = open(0, li, 500);
    const mineNoDue = open(100, li, null);
    const theirsOverdue = open(200, zhao, 500);
    const unowned = open(300, null, null);
    const mineDueLater = open(400, li, 10_000);
    const closedAtEdge = open(50, li, null);
    const closedBefore = open(60, li, null);
    expect(closeInquiry(s.db, closedAtEdge, 'clerk-li', 'answered', at(800))).toBe(true);
    expect(closeInquiry(s.db, closedBefore, 'clerk-li', 'answered', at(799))).toBe(true);
    const now = at(1000);
    expect(registerOf(s.db, s.key, 'clerk-li', now, iso(800), 100).map((i) => i.id)).toEqual([mineOverdue, unowned, mineDueLater, theirsOverdue, mineNoDue, closedAtEdge]);
    expect(registerOf(s.db, s.key, 'clerk-li', now, iso(800), 2).map((i) => i.id)).toEqual([mineOverdue, unowned]);
    // Due exactly now is not yet overdue.
    expect(registerOf(s.db, s.key, 'clerk-li', at(500), iso(800), 1).map((i) => i.id)).toEqual([unowned]);
    expect(inquiriesBetween(s.db, s.key, iso(50), iso(300)).map((i) => i.id)).toEqual([closedAtEdge, closedBefore, mineNoDue, theirsOverdue]);
    s.close();
  });
});
