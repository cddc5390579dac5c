import path from 'node:path';
import Database from 'better-sqlite3';
import type { KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { startTestCore } from '../support/core-harness';
import { until } from '../support/until';

jest.setTimeout(30_000);

/**
 * Closing an inquiry as "一次性告知 slip printed" prints the slip (issue 9 item 6): the real core with the simulated
 * receipt printer; the slip's decoded GB18030 text names the item and its materials, the print is recorded with the
 * clerk's channel, and an inquiry without an item, or a printer out of paper, leaves the inquiry open.
 */
describe('closing an inquiry with the one-time notification slip', () => {
  let core: KioskCore;
  let dataDir: string;
  let clerk: Connection;
  const call = (method: string, params: unknown = {}) => core.dispatcher.dispatch(clerk, method, params);
  const ok = async <T = Record<string, unknown>>(method: string, params: unknown = {}): Promise<T> => {
    const outcome = await call(method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  const transcript = async () => (await ok<{ text: string }>('dev.printer.transcript', {})).text;
  // Waits for the effect (at most 10 s); the assertions after it say what came instead.
  const settled = (check: () => Promise<boolean>) => until(check).catch(() => undefined);

  beforeAll(async () => {
    ({ core, dataDir } = await startTestCore());
    clerk = Object.assign(core.newConnection('internal'), { staff: { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] as const, channel: 'assisted' as const } });
  });
  afterAll(async () => core?.close());

  it('prints the item’s slip, records the print, and only then closes', async () => {
    const item = defaultCatalog().items.find((i) => i.code === 'CARD-01')!;
    await ok('dev.printer.transcript', { clear: true });
    const inquiry = await ok<{ id: string }>('inquiries.open', { origin: 'phone', itemCode: 'CARD-01', due: 'today' });
    expect(await ok('inquiries.close', { id: inquiry.id, outcome: 'slipPrinted' })).toMatchObject({ outcome: 'slipPrinted', closedAt: expect.any(String) });
    await settled(async () => (await transcript()).includes(item.name['zh-CN']));
    const slip = await transcript();
    expect(slip).toContain('一次性告知单');
    expect(slip).toContain(item.name['zh-CN']);
    expect(slip).toContain(item.materials[0]!.name['zh-CN']);
    // Recorded as a print of the clerk's, like any slip.
    const prints = new Database(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    try {
      expect(prints.prepare("SELECT kind, item_code AS itemCode, channel, operator_id AS operatorId FROM prints WHERE kind = 'notification'").all()).toEqual([
        { kind: 'notification', itemCode: 'CARD-01', channel: 'assisted', operatorId: 'clerk-li' },
      ]);
    } finally {
      prints.close();
    }
  });

  it('refuses without an item, and stays open when the printer cannot print', async () => {
    const free = await ok<{ id: string }>('inquiries.open', { origin: 'phone', topic: '问社保卡', due: 'today' });
    expect(await call('inquiries.close', { id: free.id, outcome: 'slipPrinted' })).toMatchObject({ error: { code: 'validation_failed' } });
    const withItem = await ok<{ id: string }>('inquiries.open', { origin: 'window', itemCode: 'CARD-01', due: 'today' });
    await ok('dev.printer.paper', { state: 'out' });
    await settled(async () => (await ok<{ devices: Array<{ kind: string; state: string }> }>('devices.list', {})).devices.some((d) => d.kind === 'receiptPrinter' && d.state !== 'ready'));
    expect(await call('inquiries.close', { id: withItem.id, outcome: 'slipPrinted' })).toMatchObject({ error: { code: 'paper_out' } });
    await ok('dev.printer.paper', { state: 'present' });
    // The refused slip was cancelled: paper back, the next slip printed (JOB-01's) comes out alone.
    await ok('dev.printer.transcript', { clear: true });
    const next = defaultCatalog().items.find((i) => i.code === 'JOB-01')!.name['zh-CN'];
    await ok('print.notification', { itemCode: 'JOB-01' });
    await settled(async () => (await transcript()).includes(next));
    expect(await transcript()).not.toContain(defaultCatalog().items.find((i) => i.code === 'CARD-01')!.name['zh-CN']);
    const open = (await ok<{ inquiries: Array<{ id: string; closedAt: string | null }> }>('inquiries.list')).inquiries.filter((i) => i.closedAt === null).map((i) => i.id);
    expect(open).toEqual(expect.arrayContaining([free.id, withItem.id]));
  });
});
