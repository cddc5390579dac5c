import { KioskError } from '../../shared/contract/errors';
import type { DeviceStatus } from '../../shared/domain/devices';
import { sampleResident } from '../../shared/samples/residents';
import { silentLog } from '../core/device-log';
import { ReconnectingTransport } from '../transports/reconnecting-transport';
import { createMemoryPair } from '../transports/memory-pair';
import { IdCardSimulator, cardTextOf } from '../simulators/id-card-simulator';
import { IdCardReader } from './id-card-reader';

function rig(options: Record<string, unknown> = {}) {
  const pair = createMemoryPair('test');
  void pair.device.open();
  const simulator = new IdCardSimulator(pair.device);
  const transport = new ReconnectingTransport(() => pair.host, 'test', { minDelayMs: 20, maxDelayMs: 50 });
  const reader = new IdCardReader(transport, {
    config: { id: 'id-card', kind: 'idCardReader', transport: { type: 'simulated' }, options: { pollIntervalMs: 50, commandTimeoutMs: 150, readTimeoutMs: 400, ...options } },
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

const until = async (predicate: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function expectKioskError(promise: Promise<unknown>, code: string): Promise<KioskError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe(code);
    return error as KioskError;
  }
  throw new Error(`expected ${code}`);
}

describe('IdCardReader against the simulator', () => {
  let current: ReturnType<typeof rig> | null = null;
  afterEach(async () => {
    await current?.reader.stop();
    current = null;
  });

  it('comes online, reports insert and removal once each, and reads the card', async () => {
    const r = (current = rig());
    await r.reader.start();
    await until(() => r.reader.status().state === 'online');
    r.simulator.insert(0);
    await until(() => r.cards.length === 1);
    const read = await r.reader.readCard();
    expect(read.text).toMatchObject({ cardType: 'resident', name: sampleResident(0).name, idNumber: sampleResident(0).idNumber, nation: '汉' });
    expect(read.photoWlt.length).toBe(1024);
    await new Promise((res) => setTimeout(res, 300)); // several polls with the card still there: no new events
    expect(r.cards).toEqual([true]);
    r.simulator.remove();
    await until(() => r.cards.length === 2);
    expect(r.cards).toEqual([true, false]);
    expect(r.reader.status().media).toBe('absent');
  });

  it('reads the fingerprint variant when configured', async () => {
    const r = (current = rig({ readFingerprint: true }));
    await r.reader.start();
    r.simulator.insert(3);
    await until(() => r.reader.status().state === 'online');
    const read = await r.reader.readCard();
    expect(read.fingerprint?.length).toBe(1024);
  });

  it('reads the appended address when configured, and none when the card has none', async () => {
    const r = (current = rig({ readAppendedAddress: true }));
    await r.reader.start();
    await until(() => r.reader.status().state === 'online');
    r.simulator.insertCard(cardTextOf(sampleResident(0)), '山西省太原市小店区新村路9号');
    await expect(r.reader.readCard()).resolves.toMatchObject({ appendedAddress: '山西省太原市小店区新村路9号' });
    r.simulator.insert(0);
    expect((await r.reader.readCard()).appendedAddress).toBeUndefined();
  });

  it('answers card_absent with no card on the reader', async () => {
    const r = (current = rig());
    await r.reader.start();
    await until(() => r.reader.status().state === 'online');
    const error = await expectKioskError(r.reader.readCard(), 'card_absent');
    expect(error.details).toMatchObject({ outcome: 'selectFailed', messageKey: 'card-readers:idCard.sw.selectFailed' });
  });

  it('answers card_unreadable when the card is removed mid-read', async () => {
    const r = (current = rig());
    await r.reader.start();
    r.simulator.insert(1);
    r.simulator.setFault('removeMidRead');
    await until(() => r.reader.status().state === 'online');
    await expectKioskError(r.reader.readCard(), 'card_unreadable');
  });

  it('answers device_error when every answer has a wrong checksum, and recovers when they are right again', async () => {
    const r = (current = rig());
    await r.reader.start();
    r.simulator.insert(0);
    await until(() => r.reader.status().state === 'online');
    r.simulator.setFault('wrongChecksum');
    const error = await expectKioskError(r.reader.readCard(), 'device_error');
    expect(error.details).toMatchObject({ problem: 'badChecksum' });
    r.simulator.setFault(null);
    expect((await r.reader.readCard()).text).toMatchObject({ name: sampleResident(0).name, idNumber: sampleResident(0).idNumber });
    expect(r.reader.recentFrames().some((f) => f.note?.includes('bad checksum'))).toBe(true);
  });

  it('reads through garbage bytes before every answer', async () => {
    const r = (current = rig());
    await r.reader.start();
    r.simulator.insert(4);
    r.simulator.setFault('garbage');
    await until(() => r.reader.status().state === 'online');
    const read = await r.reader.readCard();
    expect(read.text).toMatchObject({ name: sampleResident(4).name });
  });

  it('waits for slow answers within the deadline and times out beyond it', async () => {
    const r = (current = rig());
    await r.reader.start();
    r.simulator.insert(0);
    await until(() => r.reader.status().state === 'online');
    r.simulator.setFault('slow', 80);
    expect((await r.reader.readCard()).text).toMatchObject({ name: sampleResident(0).name, idNumber: sampleResident(0).idNumber });
    r.simulator.setFault('slow', 600);
    await expectKioskError(r.reader.readCard(), 'device_timeout');
  });

  it('goes offline (noAnswer) on silence and online again when answers resume', async () => {
    const r = (current = rig());
    await r.reader.start();
    await until(() => r.reader.status().state === 'online');
    r.simulator.setFault('silence');
    await until(() => r.reader.status().state === 'offline');
    expect(r.reader.status().detailKey).toBe('card-readers:detail.noAnswer');
    r.simulator.setFault(null);
    await until(() => r.reader.status().state === 'online');
  });

  it('reports a failed SAM as hardwareError', async () => {
    const r = (current = rig());
    r.simulator.setFault('samFailure');
    await r.reader.start();
    await until(() => r.reader.status().state === 'hardwareError');
    expect(r.reader.status().detailKey).toBe('card-readers:idCard.sw.samSelfTestFailed');
    const test = await r.reader.selfTest();
    expect(test.ok).toBe(false);
    r.simulator.setFault(null);
    await until(() => r.reader.status().state === 'online'); // the SAM came back: noticed without a restart
  });

  it('goes offline when unplugged and comes back by itself after replug', async () => {
    const r = (current = rig());
    await r.reader.start();
    await until(() => r.reader.status().state === 'online');
    r.pair.unplug();
    await until(() => r.reader.status().state === 'offline');
    expect(r.reader.status()).toMatchObject({ detailKey: 'card-readers:detail.portGone' });
    await expectKioskError(r.reader.readCard(), 'device_offline');
    r.pair.replug();
    await r.pair.device.open();
    await until(() => r.reader.status().state === 'online');
    const test = await r.reader.selfTest();
    expect(test.ok).toBe(true);
    expect(test.steps.map((s) => s.name)).toEqual(['port', 'samStatus', 'samId', 'card']);
  });

  it('keeps personal data out of the frame log', async () => {
    const r = (current = rig());
    await r.reader.start();
    r.simulator.insert(0);
    await until(() => r.reader.status().state === 'online');
    await r.reader.readCard();
    const text = JSON.stringify(r.reader.recentFrames());
    const nameHex = Buffer.from(sampleResident(0).name, 'utf16le').toString('hex').toUpperCase().match(/../g)!.join(' ');
    expect(text).not.toContain(nameHex);
    expect(text).toContain('payload not logged');
  });
});

/** The noise comes from a fixed fast-check seed, named in the test's title, so a failure replays byte for byte. */
const NOISE_SEED = 20261130;

describe(`IdCardReader fed random bytes by a broken device (seed ${NOISE_SEED})`, () => {
  it('never throws, and reads a card once the line is clean again', async () => {
    const fc = await import('fast-check');
    const pair = createMemoryPair('fuzz');
    await pair.device.open();
    const transport = new ReconnectingTransport(() => pair.host, 'fuzz', { minDelayMs: 20, maxDelayMs: 50 });
    const reader = new IdCardReader(transport, {
      config: { id: 'fuzz', kind: 'idCardReader', transport: { type: 'simulated' }, options: { pollIntervalMs: 50, commandTimeoutMs: 60, readTimeoutMs: 200 } },
      simulated: true,
      log: silentLog,
      now: () => new Date(),
    });
    await reader.start();
    const samples = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 600 }), { seed: NOISE_SEED, numRuns: 60 });
    for (const noise of samples) await pair.device.write(noise);
    await new Promise((r) => setTimeout(r, 300));
    const simulator = new IdCardSimulator(pair.device);
    simulator.insert(6);
    await until(() => reader.status().state === 'online');
    const read = await reader.readCard();
    expect(read.text).toMatchObject({ name: sampleResident(6).name });
    await reader.stop();
  });
});
