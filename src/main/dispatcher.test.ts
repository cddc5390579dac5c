import { methods, type MethodName } from '../shared/contract';
import { Dispatcher, newConnection, type HandlerMap } from './dispatcher';
import { createMemoryLogger } from './logging/logger';

/** A handler map where every method answers with what the test asks for. */
function handlersWith(overrides: Partial<Record<MethodName, (input: unknown) => unknown>>): HandlerMap {
  const map: Record<string, (input: unknown) => unknown> = {};
  for (const name of Object.keys(methods)) map[name] = overrides[name as MethodName] ?? (() => ({}));
  return map as unknown as HandlerMap;
}

describe('dispatcher', () => {
  const { logger, lines } = createMemoryLogger();
  const staffRoles = (c: { staff?: { roles: ReadonlyArray<'clerk' | 'technician'> } }) => new Set(['public', ...(c.staff?.roles ?? [])] as const);

  it('refuses to start when a contract method has no handler', () => {
    expect(() => new Dispatcher({} as HandlerMap, staffRoles, logger)).toThrow(/without a handler: .*system\.ping/);
  });

  it('lets a technician call what a public caller may not', async () => {
    const d = new Dispatcher(handlersWith({ 'system.info': () => ({ appVersion: '1', nodeVersion: 'v20', platform: 'linux', uptimeSeconds: 1, memoryRssBytes: 1, dataDir: '/d', diskFreeBytes: null }) }), staffRoles, logger);
    const publicCaller = newConnection('internal');
    expect(await d.dispatch(publicCaller, 'system.info', {})).toMatchObject({ error: { code: 'forbidden' } });
    const technician = newConnection('internal');
    technician.staff = { id: 't1', displayName: 'T', roles: ['technician'] };
    expect(await d.dispatch(technician, 'system.info', {})).toMatchObject({ result: { appVersion: '1' } });
  });

  it('turns an unexpected exception into internal without leaking its message', async () => {
    const d = new Dispatcher(handlersWith({ 'system.ping': () => { throw new Error('secret 14010219900307123X'); } }), staffRoles, logger);
    const outcome = await d.dispatch(newConnection('internal'), 'system.ping', {});
    expect(outcome).toEqual({ error: { code: 'internal', messageKey: 'errors:internal', retryable: false } });
    expect(lines().join('\n')).not.toContain('14010219900307123X');
  });

  it('refuses a handler result that breaks the contract', async () => {
    const d = new Dispatcher(handlersWith({ 'system.ping': () => ({ now: 42 }) }), staffRoles, logger);
    expect(await d.dispatch(newConnection('internal'), 'system.ping', {})).toMatchObject({ error: { code: 'internal', details: { reason: 'resultSchema' } } });
  });

  it('strips fields a handler adds beyond the contract (nothing extra leaves the core)', async () => {
    const d = new Dispatcher(handlersWith({ 'system.ping': () => ({ now: 'x', uptimeSeconds: 1, idNumber: '14010219900307123X' }) }), staffRoles, logger);
    expect(await d.dispatch(newConnection('internal'), 'system.ping', {})).toEqual({ result: { now: 'x', uptimeSeconds: 1 } });
  });
});
