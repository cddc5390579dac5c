import { createMemoryLogger } from '../logging/logger';
import { EventBus } from '../event-bus';
import { Dispatcher, newConnection } from '../dispatcher';
import { helpHandlers } from './help';
import type { HandlerMap } from '../dispatcher';

function setup() {
  const { logger } = createMemoryLogger();
  const events = new EventBus(logger);
  const seen: unknown[] = [];
  events.subscribe((event, data) => seen.push({ event, data }));
  let t = Date.parse('2026-11-29T10:00:00Z');
  const handlers = helpHandlers({ events, now: () => new Date(t) });
  const dispatcher = new Dispatcher(new Proxy(handlers, { get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? (() => ({})) }) as HandlerMap, () => new Set(['public']), logger);
  return { dispatcher, seen, advance: (ms: number) => (t += ms) };
}

describe('help.request', () => {
  it('emits help.requested with the screen id and collapses a burst of presses', async () => {
    const { dispatcher, seen, advance } = setup();
    const c = newConnection('internal');
    const first = await dispatcher.dispatch(c, 'help.request', { screen: 'item:JOB-01' });
    expect(first).toEqual({ result: { at: '2026-11-29T10:00:00.000Z', acknowledged: true } });
    await dispatcher.dispatch(c, 'help.request', { screen: 'item:JOB-01' });
    expect(seen).toHaveLength(1);
    advance(2500);
    await dispatcher.dispatch(c, 'help.request', { screen: 'home' });
    expect(seen).toEqual([
      { event: 'help.requested', data: { at: '2026-11-29T10:00:00.000Z', screen: 'item:JOB-01' } },
      { event: 'help.requested', data: { at: '2026-11-29T10:00:02.500Z', screen: 'home' } },
    ]);
  });

  it('refuses a screen value that is not a route id (no free text can reach clerk screens)', async () => {
    const { dispatcher, seen } = setup();
    const answer = await dispatcher.dispatch(newConnection('internal'), 'help.request', { screen: '张三 110101199003074514' });
    expect(answer).toMatchObject({ error: { code: 'invalid_params' } });
    expect(seen).toHaveLength(0);
  });
});
