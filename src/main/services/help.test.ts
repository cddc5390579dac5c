import { createMemoryLogger } from '../logging/logger';
import { EventBus } from '../event-bus';
import { Dispatcher, newConnection } from '../dispatcher';
import type { HandlerMap } from '../dispatcher';
import type { Access } from '../../shared/contract';
import { getInquiry } from '../store/inquiries';
import { openTestStore, tempDataDir } from '../../../test/support/store-fixtures';
import { StaffPresence } from './staff-presence';
import { HelpService, helpHandlers } from './help';

function setup() {
  const { logger } = createMemoryLogger();
  const store = openTestStore(tempDataDir());
  const events = new EventBus(logger);
  const seen: Array<{ event: string; data: unknown }> = [];
  events.subscribe((event, data) => seen.push({ event, data }));
  let t = Date.parse('2026-11-29T10:00:00Z');
  const now = () => new Date(t);
  const presence = new StaffPresence({ db: store.db, events, now });
  let counted = 0;
  const service = new HelpService({ events, now, store, clerksOnDuty: () => presence.clerksOnDuty(), contact: () => ({ phone: '0351-12333', onDuty: '赵*明' }), called: () => (counted += 1) });
  const handlers = helpHandlers(service);
  const roles = (c: ReturnType<typeof newConnection>) => new Set<Access>(['public', ...(c.staff?.roles ?? [])]);
  const dispatcher = new Dispatcher(new Proxy(handlers, { get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? (() => ({})) }) as HandlerMap, roles, logger);
  const call = async (c: ReturnType<typeof newConnection>, method: string, params: unknown) => dispatcher.dispatch(c, method, params);
  return { store, seen, presence, call, counted: () => counted, advance: (ms: number) => (t += ms) };
}

describe('help calls', () => {
  it('with no clerk logged in anywhere, says so and gives the duty phone; the call is still an inquiry', async () => {
    const { store, seen, call, presence } = setup();
    const kiosk = presence.track(newConnection('ws'));
    // A technician is not a clerk: nobody who answers help calls.
    presence.track(newConnection('ws')).staff = { id: 'tech-sun', displayName: '孙', roles: ['technician'] };
    const answer = (await call(kiosk, 'help.request', { screen: 'item:JOB-01' })) as { result: { delivered: boolean; clerks: string[]; phone: string; onDuty: string; callId: string } };
    expect(answer.result).toMatchObject({ delivered: false, clerks: [], phone: '0351-12333', onDuty: '赵*明' });
    expect(getInquiry(store.db, store.key, answer.result.callId)).toMatchObject({ origin: 'helpButton', channel: 'self', operatorId: null, screen: 'item:JOB-01', ownerId: null, dueAt: '2026-11-29T10:10:00.000Z' });
    expect(seen.filter((e) => e.event === 'help.requested')).toHaveLength(1);
  });

  it('reaches the logged-in clerks, collapses a burst into one call, and the first clerk to answer owns it', async () => {
    const { store, seen, call, presence, counted, advance } = setup();
    const kiosk = presence.track(newConnection('ws'));
    const windowPc = presence.track(newConnection('ws'));
    const other = presence.track(newConnection('ws'));
    windowPc.staff = { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'], channel: 'window' };
    other.staff = { id: 'clerk-zhao', displayName: '赵志强', roles: ['clerk'] };
    const first = (await call(kiosk, 'help.request', { screen: 'category:card' })) as { result: { delivered: boolean; clerks: string[]; callId: string } };
    expect(first.result).toMatchObject({ delivered: true, clerks: ['李秀英', '赵志强'] });
    const again = (await call(kiosk, 'help.request', { screen: 'category:card' })) as { result: { callId: string } };
    expect(again.result.callId).toBe(first.result.callId);
    expect(counted()).toBe(1);
    expect(seen).toEqual([{ event: 'help.requested', data: { callId: first.result.callId, at: '2026-11-29T10:00:00.000Z', screen: 'category:card' } }]);

    // A resident cannot answer a call; a clerk can, once; the second clerk learns who has it.
    expect(await call(kiosk, 'help.answer', { callId: first.result.callId })).toMatchObject({ error: { code: 'forbidden' } });
    advance(30_000);
    expect(await call(other, 'help.answer', { callId: first.result.callId })).toEqual({ result: { taken: true, ownerName: '赵志强' } });
    expect(await call(windowPc, 'help.answer', { callId: first.result.callId })).toEqual({ result: { taken: false, ownerName: '赵志强' } });
    expect(seen.filter((e) => e.event === 'help.answered')).toEqual([{ event: 'help.answered', data: { callId: first.result.callId, clerkName: '赵志强' } }]);
    expect(getInquiry(store.db, store.key, first.result.callId)).toMatchObject({ ownerId: 'clerk-zhao', ownerName: '赵志强', takenAt: '2026-11-29T10:00:30.000Z' });
    expect(await call(other, 'help.answer', { callId: 'no-such-call' })).toMatchObject({ error: { code: 'not_found' } });

    // After the burst window a new press is a new call.
    const later = (await call(kiosk, 'help.request', { screen: 'home' })) as { result: { callId: string } };
    expect(later.result.callId).not.toBe(first.result.callId);
  });

  it('refuses a screen value that is not a route id (no free text can reach clerk screens)', async () => {
    const { seen, call } = setup();
    const answer = await call(newConnection('internal'), 'help.request', { screen: '张三 110101199003074514' });
    expect(answer).toMatchObject({ error: { code: 'invalid_params' } });
    expect(seen).toHaveLength(0);
  });
});
