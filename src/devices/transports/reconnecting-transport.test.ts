import { ReconnectingTransport, type LinkEvent } from './reconnecting-transport';
import { createMemoryPair } from './memory-pair';

describe('ReconnectingTransport', () => {
  afterEach(() => jest.useRealTimers());

  it('retries a missing port with doubling delays up to the cap and reports the first failure once', async () => {
    jest.useFakeTimers();
    const pair = createMemoryPair('t');
    pair.unplug();
    let attempts = 0;
    const transport = new ReconnectingTransport(
      () => {
        attempts += 1;
        return pair.host;
      },
      't',
      { minDelayMs: 100, maxDelayMs: 400 },
    );
    const links: LinkEvent[] = [];
    transport.onLink((e) => links.push(e));
    await transport.open();
    expect(attempts).toBe(1);
    expect(links).toEqual([{ up: false, reason: 'ENOENT' }]);
    for (const [advance, expected] of [[99, 1], [1, 2], [200, 3], [400, 4], [400, 5]] as const) {
      await jest.advanceTimersByTimeAsync(advance);
      expect(attempts).toBe(expected);
    }
    expect(links).toHaveLength(1); // no flood while it keeps failing
    pair.replug();
    await jest.advanceTimersByTimeAsync(400);
    expect(links.at(-1)).toEqual({ up: true });
    expect(transport.isOpen).toBe(true);
    await transport.close();
  });

  it('keeps data listeners across a reopening and refuses writes while down', async () => {
    const pair = createMemoryPair('t');
    await pair.device.open();
    const transport = new ReconnectingTransport(() => pair.host, 't', { minDelayMs: 10, maxDelayMs: 20 });
    const received: string[] = [];
    transport.onData((c) => received.push(c.toString()));
    await transport.open();
    await pair.device.write(Buffer.from('one'));
    await new Promise((r) => setTimeout(r, 5));
    pair.unplug();
    await expect(transport.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'device_offline' });
    pair.replug();
    await pair.device.open();
    // It reopens by itself (10-20 ms of backoff): wait for that, then for the byte sent after.
    for (let i = 0; i < 400 && !transport.isOpen; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(transport.isOpen).toBe(true);
    await pair.device.write(Buffer.from('two'));
    for (let i = 0; i < 400 && received.length < 2; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(received).toEqual(['one', 'two']);
    await transport.close();
  });
});
