import ExcelJS from 'exceljs';
import type { CallContext, Connection } from '../dispatcher';
import { createMemoryLogger } from '../logging/logger';
import { openInquiry } from '../store/inquiries';
import { openTestStore, tempDataDir } from '../../../test/support/store-fixtures';
import { InquiriesService, dueAt } from './inquiries';

const log = createMemoryLogger().logger;
const li: Connection['staff'] = { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] };
const zhao: Connection['staff'] = { id: 'clerk-zhao', displayName: '赵志强', roles: ['clerk'], channel: 'window' };
const ctx = (staff?: Connection['staff']): CallContext => ({ connection: { id: 'c', carrier: 'internal', ...(staff ? { staff } : {}) }, roles: new Set(['public', 'clerk']), log });

function setup() {
  const store = openTestStore(tempDataDir());
  let t = Date.parse('2026-11-30T02:00:00Z'); // 10:00 in China
  const service = new InquiriesService({ store, now: () => new Date(t), catalog: { find: (code) => (code === 'INS-01' ? { name: { 'zh-CN': '城乡居民养老保险参保登记', en: 'Pension enrolment' } } : undefined) } });
  return { store, service, advance: (ms: number) => (t += ms) };
}

describe('the inquiry register (首问负责)', () => {
  it('promises an answer by local midnight, today or days on', () => {
    expect(dueAt(new Date('2026-11-30T02:00:00Z'), 'today')).toBe('2026-11-30T15:59:59.999Z');
    expect(dueAt(new Date('2026-11-30T17:00:00Z'), 'today')).toBe('2026-12-01T15:59:59.999Z');
    expect(dueAt(new Date('2026-11-30T02:00:00Z'), 'threeDays')).toBe('2026-12-03T15:59:59.999Z');
  });

  it('stamps channel and operator, keeps the first clerk as owner, lets only the owner close, and puts the owner’s overdue ones on top', async () => {
    const { store, service, advance } = setup();
    const phone = service.open({ origin: 'phone', topic: '问城乡居民养老保险缴费档次', due: 'today' }, ctx(li));
    expect(phone).toMatchObject({ channel: 'assisted', operatorId: 'clerk-li', ownerId: 'clerk-li', topic: '问城乡居民养老保险缴费档次', overdue: false });
    // The free words are sealed at rest.
    expect(JSON.stringify(store.db.prepare('SELECT * FROM inquiries').all())).not.toContain('养老');
    const atWindow = service.open({ origin: 'window', itemCode: 'INS-01', due: 'sevenDays' }, ctx(zhao));
    expect(atWindow).toMatchObject({ channel: 'window', operatorId: 'clerk-zhao' });
    expect(() => service.open({ origin: 'window', itemCode: 'NOPE-99', due: 'today' }, ctx(li))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => service.open({ origin: 'phone', topic: 'x', due: 'today' }, ctx())).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const help = openInquiry(store.db, store.key, { origin: 'helpButton', channel: 'self', operatorId: null, screen: 'home' }, new Date('2026-11-30T02:30:00Z'));

    advance(24 * 3600_000); // a day later: the phone inquiry is past its promised time
    const order = service.list(100, ctx(li)).inquiries.map((i) => [i.id, i.overdue]);
    expect(order).toEqual([
      [phone.id, true],
      [help.id, false],
      [atWindow.id, false],
    ]);
    // For zhao, li's overdue inquiry is not his: unowned help call first.
    expect(service.list(100, ctx(zhao)).inquiries[0]!.id).toBe(help.id);

    await expect(service.close(phone.id, 'answered', ctx(zhao))).rejects.toMatchObject({ code: 'conflict', details: expect.objectContaining({ reason: 'notYours', owner: '李秀英' }) });
    expect(await service.close(phone.id, 'answered', ctx(li))).toMatchObject({ outcome: 'answered', closedAt: expect.any(String), overdue: false });
    await expect(service.close(phone.id, 'referred', ctx(li))).rejects.toMatchObject({ code: 'conflict' });
    expect(service.take(help.id, ctx(zhao))).toMatchObject({ ownerId: 'clerk-zhao', ownerName: '赵志强' });
    expect(() => service.take(help.id, ctx(li))).toThrow(expect.objectContaining({ code: 'conflict', details: expect.objectContaining({ reason: 'alreadyOwned' }) }));
    // Closed today still shows, after the open ones.
    expect(service.list(100, ctx(li)).inquiries.map((i) => i.id)).toEqual([help.id, atWindow.id, phone.id]);
  });

  it('exports a month as an xlsx workbook in the township’s words', async () => {
    const { service } = setup();
    const one = service.open({ origin: 'phone', topic: '社保卡补办要带什么', askerMasked: '王*国', due: 'today' }, ctx(li));
    await service.close(one.id, 'answered', ctx(li));
    const out = await service.export('2026-11', ctx(li));
    expect(out).toMatchObject({ filename: 'inquiries-2026-11.xlsx', rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(out.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('首问负责登记簿');
    expect(sheet.getRow(1).values).toContain('首问责任人');
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row).toEqual(['2026-11-30 10:00', '电话', '帮办', '李秀英', '', '社保卡补办要带什么', '王*国', '', '2026-11-30 23:59', '已答复', '2026-11-30 10:00']);
    expect((await service.export('2026-10', ctx(li))).rows).toBe(0);
  });
});
