import { ContractClient, type ClientCarrier, type ContractTables } from './contract-client';
import { events, methods } from './index';
import { systemMethods } from './methods/system';
import { KioskError } from './kiosk-error';

/** A carrier whose answers the test gives, and whose events the test pushes. */
function scriptedCarrier(answers: Record<string, { result: unknown } | { error: unknown }>) {
  let push: (event: string, data: unknown) => void = () => undefined;
  const carrier: ClientCarrier = {
    call: (method) => Promise.resolve(answers[method] ?? { error: { code: 'unknown_method', messageKey: 'errors:unknown_method', retryable: false } }),
    onEvent: (listener) => {
      push = listener;
      return () => undefined;
    },
  };
  return { carrier, push: (event: string, data: unknown) => push(event, data) };
}

/** The contract's tables behind a loader the test opens, counting how often it was asked. */
function gatedContract() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const load = jest.fn(() => gate.then((): ContractTables => ({ methods, events })));
  return { load, open: () => open() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ContractClient: the contract loaded when first needed (the screen start-up, docs/architecture.md)', () => {
  it('checks a method at hand without loading the contract, and loads it for the first answer that needs it', async () => {
    const { carrier } = scriptedCarrier({ 'system.caller': { result: { roles: ['public'] } } });
    const contract = gatedContract();
    const client = new ContractClient(carrier, contract.load, { 'system.caller': systemMethods['system.caller'] });
    await expect(client.invoke('system.caller', {})).resolves.toEqual({ roles: ['public'] });
    await expect(client.settle('system.caller', { result: { roles: 'all' } })).rejects.toMatchObject({ code: 'internal', details: { reason: 'malformedResult' } });
    expect(contract.load).not.toHaveBeenCalled();

    const ping = client.settle('system.ping', { result: { now: 'x', uptimeSeconds: 'long' } });
    await flush();
    expect(contract.load).toHaveBeenCalledTimes(1);
    contract.open();
    await expect(ping).rejects.toBeInstanceOf(KioskError); // checked against the loaded contract: uptimeSeconds is a number
    await expect(client.settle('system.ping', { result: { now: 'x', uptimeSeconds: 3 } })).resolves.toEqual({ now: 'x', uptimeSeconds: 3 });
    expect(contract.load).toHaveBeenCalledTimes(1);
  });

  it('keeps events that come before the contract, delivers them checked and in order once it is in, then at once', async () => {
    const { carrier, push } = scriptedCarrier({});
    const contract = gatedContract();
    const client = new ContractClient(carrier, contract.load);
    const seen: unknown[] = [];
    client.on('config.changed', (d) => seen.push(d));
    push('config.changed', { part: 'catalog', version: 2 });
    push('config.changed', { part: 'nonsense', version: 3 }); // malformed: dropped
    push('config.changed', { part: 'staff', version: 4 });
    await flush();
    expect(seen).toEqual([]);
    contract.open();
    await flush();
    expect(seen).toEqual([{ part: 'catalog', version: 2 }, { part: 'staff', version: 4 }]);
    push('config.changed', { part: 'site', version: 5 });
    expect(seen).toHaveLength(3); // the contract in: delivered in the same turn, as before
    expect(contract.load).toHaveBeenCalledTimes(1);
  });

  it('turns an error answer into the typed error without the contract', async () => {
    const { carrier } = scriptedCarrier({});
    const contract = gatedContract();
    const client = new ContractClient(carrier, contract.load);
    await expect(client.invoke('system.ping', {})).rejects.toMatchObject({ code: 'unknown_method' });
    expect(contract.load).not.toHaveBeenCalled();
  });

  it('answers with a retryable typed error while the contract cannot be loaded, and loads it at the next need', async () => {
    const { carrier, push } = scriptedCarrier({ 'system.caller': { result: { roles: ['public'] } } });
    const load = jest
      .fn<Promise<ContractTables>, []>()
      .mockRejectedValueOnce(new Error('chunk not fetched'))
      .mockResolvedValue({ methods, events });
    const client = new ContractClient(carrier, load);
    const seen: unknown[] = [];
    client.on('config.changed', (d) => seen.push(d));
    await expect(client.invoke('system.caller', {})).rejects.toMatchObject({ code: 'internal', retryable: true, details: { reason: 'contractUnavailable' } });
    await expect(client.invoke('system.caller', {})).resolves.toEqual({ roles: ['public'] });
    push('config.changed', { part: 'site', version: 1 });
    expect(seen).toEqual([{ part: 'site', version: 1 }]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
