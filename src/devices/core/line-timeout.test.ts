import net from 'node:net';
import { commandFrame, createIdCardFrameParser } from '../id-card/frame';
import { FrameReader } from './frame-reader';
import type { ParseResult } from './length-frame-parser';
import { startLineTimeout } from './line-timeout';
import { until } from '../../../test/support/until';

/**
 * The kiosk's own stall is not the device's silence. A real socket pair stands for the line: the device's end writes
 * the rest of a frame while the kiosk's event loop is held up (a synchronous busy wait, as a long render or GC does)
 * past the reader's 500 ms partial-frame deadline. The bytes are in the kernel by then; the reader must read them
 * before it decides the line went quiet.
 */
const FIND = commandFrame('findCard');

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* the event loop is held up */
  }
}

async function linePair(): Promise<{ device: net.Socket; kiosk: net.Socket; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const device = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  const kiosk = await accepted;
  return {
    device,
    kiosk,
    close: async () => {
      device.destroy();
      kiosk.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for an outcome (at most 4 s, then the assertion says what came), never asserts how long it took. */
const outcome = (done: () => boolean) => until(done, 4000).catch(() => undefined);

describe('a deadline on a device line', () => {
  it('keeps a frame whose rest arrived while the kiosk was stalled past the partial-frame deadline', async () => {
    const line = await linePair();
    const delivered: ParseResult[] = [];
    const reader = new FrameReader(createIdCardFrameParser(), (results) => delivered.push(...results));
    line.kiosk.on('data', (chunk: Buffer) => reader.push(chunk));
    try {
      line.device.write(FIND.subarray(0, 5));
      while (reader.pending() === 0) await sleep(5);
      line.device.write(FIND.subarray(5)); // sent at once, in the kernel before the stall ends
      busyWait(800);
      await outcome(() => delivered.length > 0);
      expect(delivered).toStrictEqual([{ type: 'frame', frame: FIND }]);
    } finally {
      reader.dispose();
      await line.close();
    }
  });

  it('still drops a partial frame when the line really is silent', async () => {
    const delivered: ParseResult[] = [];
    const reader = new FrameReader(createIdCardFrameParser(), (results) => delivered.push(...results), { partialTimeoutMs: 100 });
    reader.push(FIND.subarray(0, 5));
    await outcome(() => delivered.length > 0);
    expect(delivered).toStrictEqual([{ type: 'timeout', partial: 5 }]);
  });

  it('fires once on time when nothing held the loop up, and not at all once cancelled', () => {
    // Fake timers: their clock (performance.now too) moves only with the timers, so no timer is ever late.
    jest.useFakeTimers();
    try {
      const fired: string[] = [];
      startLineTimeout(50, () => fired.push('kept'));
      const cancel = startLineTimeout(50, () => fired.push('cancelled'));
      cancel();
      jest.advanceTimersByTime(49);
      expect(fired).toEqual([]);
      jest.advanceTimersByTime(1); // due: fired at once, no grace taken
      expect(fired).toEqual(['kept']);
      jest.advanceTimersByTime(1000);
      expect(fired).toEqual(['kept']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('fired late, waits once more for what came meanwhile, then gives up if still nothing', async () => {
    const fired: string[] = [];
    startLineTimeout(50, () => fired.push('timeout'));
    busyWait(300); // the timer is due during the stall
    await sleep(20); // it has fired late: not yet given up
    expect(fired).toEqual([]);
    await outcome(() => fired.length > 0);
    expect(fired).toEqual(['timeout']);
  });
});
