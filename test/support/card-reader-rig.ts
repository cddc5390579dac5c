import { KioskError } from '../../src/shared/contract/errors';
import type { DeviceKind, DeviceStatus } from '../../src/shared/domain/devices';
import type { CardReaderContext } from '../../src/devices/core/card-reader-base';
import { silentLog } from '../../src/devices/core/device-log';
import type { ByteTransport } from '../../src/devices/core/transport';
import { createMemoryPair, type MemoryPair } from '../../src/devices/transports/memory-pair';
import { ReconnectingTransport } from '../../src/devices/transports/reconnecting-transport';
import { until } from './until';

interface CardReaderUnderTest {
  status(): DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  onCard(listener: (event: { present: boolean }) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface CardReaderRig<R, S> {
  pair: MemoryPair;
  simulator: S;
  reader: R;
  /** Every status the reader reported, in order. */
  statuses: DeviceStatus[];
  /** Every card event: true put in, false taken out. */
  cards: boolean[];
}

/**
 * A card reader on the host end of a memory pair (quick reconnects), its simulator on the device end: what both
 * readers' tests drive. A test that writes its own bytes first gives no simulator yet (`() => null`) and builds one
 * on `pair.device` later.
 */
export function cardReaderRig<R extends CardReaderUnderTest, S>(rig: {
  kind: DeviceKind;
  reader: (transport: ReconnectingTransport, ctx: CardReaderContext) => R;
  simulator: (port: ByteTransport) => S;
  options: Record<string, unknown>;
}): CardReaderRig<R, S> {
  const pair = createMemoryPair('test');
  void pair.device.open();
  const simulator = rig.simulator(pair.device);
  const transport = new ReconnectingTransport(() => pair.host, 'test', { minDelayMs: 20, maxDelayMs: 50 });
  const reader = rig.reader(transport, {
    config: { id: 'reader', kind: rig.kind, transport: { type: 'simulated' }, options: rig.options },
    simulated: true,
    log: silentLog,
    now: () => new Date(),
  });
  const statuses: DeviceStatus[] = [];
  const cards: boolean[] = [];
  reader.onStatus((s) => statuses.push(s));
  reader.onCard((e) => cards.push(e.present));
  return { pair, simulator, reader, statuses, cards };
}

/** The rigs of one describe block: each test's rig is stopped after it. */
export function rigsStoppedAfterEach<T extends { reader: { stop(): Promise<void> } }>(): { use(rig: T): T } {
  let current: T | null = null;
  afterEach(async () => {
    await current?.reader.stop();
    current = null;
  });
  return { use: (rig) => (current = rig) };
}

/** Starts the rig's reader and waits until it says online. */
export async function startOnline<T extends { reader: CardReaderUnderTest }>(rig: T): Promise<T> {
  await rig.reader.start();
  await until(() => rig.reader.status().state === 'online');
  return rig;
}

/** The KioskError code a promise fails with, 'resolved' when it does not fail. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof KioskError ? error.code : `not a KioskError: ${String(error)}`;
  }
}

/** The KioskError a promise must fail with, checked for its code. */
export async function expectKioskError(promise: Promise<unknown>, code: string): Promise<KioskError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe(code);
    return error as KioskError;
  }
  throw new Error(`expected ${code}`);
}

/** Writes random bytes onto the line (a broken device), then leaves it quiet long enough for every parser to give up. */
export async function writeNoise(port: ByteTransport, samples: Uint8Array[]): Promise<void> {
  for (const noise of samples) await port.write(noise);
  await new Promise((r) => setTimeout(r, 300));
}
