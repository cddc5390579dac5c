import { methods, type MethodName } from '../../src/shared/contract';
import type { KioskCore } from '../../src/main/core';
import { startTestCore } from '../support/core-harness';

jest.setTimeout(30_000);

/**
 * Every method only a clerk may call is refused to a resident identified on the kiosk (even on the very connection
 * that identified them) and, unless technicians share it, to a technician, before any handler runs: the dispatcher answers forbidden whatever the
 * params are.
 */
describe('clerk-only methods', () => {
  let core: KioskCore;
  beforeAll(async () => {
    ({ core } = await startTestCore());
  });
  afterAll(async () => core?.close());

  const clerkOnly = (Object.keys(methods) as MethodName[]).filter((m) => {
    const access: readonly string[] = methods[m].access;
    return access.includes('clerk') && !access.includes('public') && !access.includes('resident');
  });

  it('include the clerk workspace methods', () => {
    expect(clerkOnly).toEqual(expect.arrayContaining(['help.answer', 'inquiries.open', 'inquiries.list', 'inquiries.take', 'inquiries.close', 'inquiries.export', 'session.identifyTyped']));
  });

  it('are refused to a resident and to a technician', async () => {
    const resident = core.newConnection('internal');
    await core.dispatcher.dispatch(resident, 'dev.idCard.insert', { residentIndex: 0 });
    expect(await core.dispatcher.dispatch(resident, 'session.identify', { source: 'idCard' })).toMatchObject({ result: { source: 'idCard' } });
    const technician = Object.assign(core.newConnection('internal'), { staff: { id: 'tech-sun', displayName: '孙', roles: ['technician'] as const } });
    for (const method of clerkOnly) {
      const technicianMay = (methods[method].access as readonly string[]).includes('technician');
      for (const connection of technicianMay ? [resident] : [resident, technician]) {
        const outcome = await core.dispatcher.dispatch(connection, method, {});
        expect({ method, outcome }).toMatchObject({ method, outcome: { error: { code: 'forbidden' } } });
      }
    }
    const clerk = Object.assign(core.newConnection('internal'), { staff: { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] as const } });
    expect(await core.dispatcher.dispatch(clerk, 'inquiries.list', {})).toMatchObject({ result: { inquiries: [] } });
    await core.dispatcher.dispatch(resident, 'dev.idCard.remove', {});
  });
});
