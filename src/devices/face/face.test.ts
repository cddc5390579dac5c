import { SAMPLE_FACE_JPEG_BASE64 } from './sample-image';
import fc from 'fast-check';
import { KioskError } from '../../shared/contract/errors';
import { InProcessTransport, type DeviceSide } from '../printer/simulated-transport';
import { createMemoryPair } from '../transports/memory-pair';
import { ReconnectingTransport } from '../transports/reconnecting-transport';

import { FaceModuleDriver } from './driver';
import { createFaceFrameParser, toFaceFrame } from './frame-parser';
import { crc16, decodeReply, encodeCommand, encodeReply, type ModuleReply, type ProgressStep } from './protocol';
import { FaceModuleSimulator } from './simulator';

/**
 * The driver tests run on Jest's fake clock. On the real one a loaded machine (load 24) could stall the loop past the
 * driver's 150 ms answer timeout, and the timeout then fired before the simulator's answer that was due long before
 * it (the answer comes through setImmediate). Here time moves only from one due timer to the next, with every promise
 * settled in between, so the order is the driver's own and "within N ms" is counted on the driver's clock.
 */
async function clockUntil(predicate: () => boolean, withinMs: number): Promise<void> {
  const start = Date.now();
  await jest.advanceTimersByTimeAsync(0);
  while (!predicate()) {
    if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms of the driver's clock`);
    if (jest.getTimerCount() === 0) throw new Error('nothing left to happen, and still not there');
    await jest.advanceTimersToNextTimerAsync();
  }
}

/** Runs the clock until `work` settles (within `withinMs` of it), and answers what it settled with. */
async function onClock<T>(work: Promise<T>, withinMs = 60_000): Promise<T> {
  let settled = false;
  const watched = work.finally(() => void (settled = true));
  watched.catch(() => undefined);
  await clockUntil(() => settled, withinMs);
  return watched;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').replace(/(..)(?!$)/g, '$1 ');

describe('face module reference protocol', () => {
  it('CRC-16/CCITT-FALSE check value', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x29b1);
  });

  it('golden frames from docs/devices/face-module.md', () => {
    expect(hex(encodeCommand({ type: 'status' }, 0))).toBe('fa ce 01 03 00 00 00 ' + hex(Uint8Array.of(crc16(Uint8Array.of(1, 3, 0, 0, 0)) >> 8, crc16(Uint8Array.of(1, 3, 0, 0, 0)) & 0xff)));
    const start = encodeCommand({ type: 'start', purpose: 'certification', timeoutSeconds: 30, actions: { blink: true, turnLeft: true, turnRight: false, openMouth: false } }, 1);
    expect(hex(start.subarray(0, 10))).toBe('fa ce 01 01 01 00 03 01 1e 03');
    expect(start.length).toBe(12);
  });

  it('replies survive a round trip through the stream parser in any chunking', () => {
    const replies: ModuleReply[] = [
      { type: 'ack', command: 1, result: 'ok' },
      { type: 'progress', step: 'turnLeft' },
      { type: 'result', outcome: 'spoof', liveness: 0.082, quality: 0.79, imageSize: 0 },
      { type: 'image', offset: 4096, data: Uint8Array.of(0xff, 0xd8, 1, 2) },
      { type: 'status', state: 'idle', faultCode: 0, firmware: 'X1' },
    ];
    const bytes = Buffer.concat(replies.map((r, i) => encodeReply(r, i)));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        const parser = createFaceFrameParser();
        const got: ModuleReply[] = [];
        for (let off = 0, i = 0; off < bytes.length; i++) {
          const n = sizes[i % sizes.length]!;
          for (const item of parser.push(bytes.subarray(off, off + n))) if (item.type === 'frame') {
            const d = decodeReply(toFaceFrame(item.frame));
            if (d.ok) got.push(d.value);
          }
          off += n;
        }
        expect(got).toEqual(replies);
      }),
    );
  });

  it('garbage never throws; a corrupted frame is reported and the next good one still parses', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (g) => void createFaceFrameParser().push(g)));
    const good = encodeReply({ type: 'progress', step: 'blink' }, 7);
    const bad = Uint8Array.from(good);
    bad[7] = (bad[7] ?? 0) ^ 0xff;
    const items = createFaceFrameParser().push(Buffer.concat([Uint8Array.of(0, 0xfa, 1), bad, good]));
    expect(items.map((i) => i.type)).toContain('badChecksum');
    expect(items.filter((i) => i.type === 'frame')).toHaveLength(1);
    expect(decodeReply({ type: 0x83, seq: 0, payload: Uint8Array.of(9, 0, 0, 0, 0, 0, 0, 0, 0) })).toEqual({ ok: false, reason: 'unknown outcome' });
    expect(decodeReply({ type: 0x83, seq: 0, payload: Uint8Array.of(0) }).ok).toBe(false);
  });
});

/** The simulator with a way to put raw bytes on the line, as a module that resets mid-answer would. */
class LineWithGlitches implements DeviceSide {
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  constructor(private readonly simulator: FaceModuleSimulator) {
    simulator.onOutput((bytes) => this.emit(bytes));
  }
  receive(chunk: Uint8Array): void {
    this.simulator.receive(chunk);
  }
  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(bytes: Uint8Array): void {
    for (const l of this.listeners) l(bytes);
  }
}

function setup() {
  const simulator = new FaceModuleSimulator({ stepMs: 2 });
  const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 150, pollMs: 60_000 });
  return { simulator, driver };
}

describe('FaceModuleDriver with the simulator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('a live person: progress steps, then a JPEG with both scores', async () => {
    const { driver } = setup();
    await onClock(driver.start());
    expect(driver.status().state).toBe('online');
    const steps: ProgressStep[] = [];
    const result = await onClock(driver.capture({ purpose: 'certification', timeoutSeconds: 5, onProgress: (s) => steps.push(s) }));
    expect(steps).toEqual(['faceFound', 'tooFar', 'holdStill', 'blink', 'capturing']);
    expect(result.livenessScore).toBeCloseTo(0.973);
    expect(result.qualityScore).toBeCloseTo(0.881);
    expect(result.jpeg.length).toBeGreaterThan(2048); // fetched in more than one chunk
    // Byte for byte the simulator's image: a chunk lost, misplaced or zeroed would still start with ffd8.
    expect(Buffer.from(result.jpeg).equals(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64'))).toBe(true);
    expect(driver.status().state).toBe('online');
    await onClock(driver.stop());
  });

  it('a photo held up is refused: liveness_failed with reason spoof', async () => {
    const { driver, simulator } = setup();
    await onClock(driver.start());
    simulator.setNextOutcome('spoof');
    const error = await onClock(driver.capture({ purpose: 'certification', timeoutSeconds: 5 }).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe('liveness_failed');
    expect((error as KioskError).messageKey).toBe('errors:liveness_failed');
    expect((error as KioskError).details).toMatchObject({ reason: 'spoof' });
    // The next session passes again.
    await expect(onClock(driver.capture({ purpose: 'certification', timeoutSeconds: 5 }))).resolves.toMatchObject({ livenessScore: expect.any(Number) });
    await onClock(driver.stop());
  });

  it('nobody in front of the camera: liveness_failed with reason noFace', async () => {
    const { driver, simulator } = setup();
    await onClock(driver.start());
    simulator.setNextOutcome('noFace');
    const steps: ProgressStep[] = [];
    const error = (await onClock(driver.capture({ purpose: 'remodel', timeoutSeconds: 5, onProgress: (s) => steps.push(s) }).catch((e: unknown) => e))) as KioskError;
    expect(error.code).toBe('liveness_failed');
    expect(error.details).toMatchObject({ reason: 'noFace' });
    expect(steps).toContain('noFace');
    await onClock(driver.stop());
  });

  it('a silent module: device_timeout, the device goes offline, and it is not stuck busy', async () => {
    const { driver, simulator } = setup();
    await onClock(driver.start());
    simulator.setNextOutcome('silent');
    const asked = Date.now();
    const error = (await onClock(driver.capture({ purpose: 'certification', timeoutSeconds: 1 }).catch((e: unknown) => e))) as KioskError;
    expect(error.code).toBe('device_timeout');
    // No answer to the start: given up after the driver's answer time (150 ms on its clock), not at once.
    expect(error.details).toMatchObject({ reason: 'noAnswer' });
    expect(Date.now() - asked).toBeGreaterThanOrEqual(150);
    expect(driver.status()).toMatchObject({ state: 'offline', detailKey: 'cameras:face.noAnswer' });
    simulator.setNextOutcome('pass');
    await onClock(driver.refreshStatus());
    expect(driver.status().state).toBe('online');
    await onClock(driver.stop());
  });

  it('a reply cut off mid-way costs only itself: every later answer comes through (issue 14 item 12)', async () => {
    const simulator = new FaceModuleSimulator({ stepMs: 1 });
    const line = new LineWithGlitches(simulator);
    const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(line), simulated: true, answerTimeoutMs: 150, pollMs: 60_000 });
    await onClock(driver.start());
    // An image chunk whose header promises 2 KB, cut after 40 bytes: the old parser waited for 2 KB of whatever came.
    const image = encodeReply({ type: 'image', offset: 0, data: new Uint8Array(2048).fill(0x55) }, 9);
    line.emit(image.subarray(0, 40));
    for (let i = 0; i < 30; i += 1) expect((await onClock(driver.selfTest())).ok).toBe(true);
    expect(driver.recentFrames().some((f) => f.note?.startsWith('cut-off frame dropped (40 bytes)'))).toBe(true);
    // The same, with the cut frame left alone on a quiet line: it is dropped on time, not at the next answer.
    line.emit(image.subarray(0, 40));
    await clockUntil(() => driver.recentFrames().some((f) => f.note === 'partial frame dropped (40 bytes)'), 2000);
    expect((await onClock(driver.selfTest())).ok).toBe(true);
    await onClock(driver.stop());
  });

  it('status changes are reported once each, and since moves only when the state does', async () => {
    let clock = Date.parse('2026-01-01T08:00:00Z');
    const simulator = new FaceModuleSimulator({ stepMs: 1 });
    const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 100, pollMs: 60_000, now: () => new Date(clock) });
    const seen: string[] = [];
    driver.onStatus((s) => seen.push(`${s.state}@${s.since}`));
    await onClock(driver.start());
    const onlineSince = driver.status().since;
    clock += 60_000;
    await onClock(driver.refreshStatus());
    await onClock(driver.refreshStatus());
    expect(driver.status().since).toBe(onlineSince);
    simulator.setNextOutcome('silent');
    clock += 60_000;
    await onClock(driver.refreshStatus());
    await onClock(driver.refreshStatus());
    expect(driver.status()).toMatchObject({ state: 'offline', since: new Date(clock).toISOString() });
    expect(seen).toEqual([`online@${onlineSince}`, `offline@${new Date(clock).toISOString()}`]);
    await onClock(driver.stop());
  });

  it('an unplugged module is offline within 2 s and back online after replugging, without a restart', async () => {
    const simulator = new FaceModuleSimulator({ stepMs: 1 });
    const pair = createMemoryPair('face');
    void pair.device.open();
    pair.device.onData((chunk) => simulator.receive(chunk));
    simulator.onOutput((bytes) => void pair.device.write(bytes).catch(() => undefined));
    const transport = new ReconnectingTransport(() => pair.host, 'face', { minDelayMs: 50, maxDelayMs: 200 });
    // The status poll is a minute away: the 2 s can only be met by the line's own close and open.
    const driver = new FaceModuleDriver({ id: 'face', transport, link: transport, simulated: true, answerTimeoutMs: 150, pollMs: 60_000 });
    await onClock(driver.start());
    await clockUntil(() => driver.status().state === 'online', 2000);
    pair.unplug();
    await clockUntil(() => driver.status().state === 'offline', 2000);
    pair.replug();
    void pair.device.open();
    await clockUntil(() => driver.status().state === 'online', 2000);
    expect((await onClock(driver.selfTest())).ok).toBe(true);
    await onClock(driver.stop());
  });

  it('scores below the configured minimum are refused even when the module says pass', async () => {
    const simulator = new FaceModuleSimulator({ stepMs: 1 });
    const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 150, minLiveness: 0.99 });
    await onClock(driver.start());
    const error = (await onClock(driver.capture({ purpose: 'certification', timeoutSeconds: 5 }).catch((e: unknown) => e))) as KioskError;
    expect(error.code).toBe('liveness_failed');
    expect(error.details).toMatchObject({ reason: 'lowScore' });
    await onClock(driver.stop());
  });

  it('cancel: the session ends with cancelled; a second capture while one runs is device_busy', async () => {
    const simulator = new FaceModuleSimulator({ stepMs: 50 });
    const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 150 });
    await onClock(driver.start());
    const controller = new AbortController();
    const steps: ProgressStep[] = [];
    const running = driver.capture({ purpose: 'certification', timeoutSeconds: 5, signal: controller.signal, onProgress: (s) => steps.push(s) }).catch((e: unknown) => e);
    // Mid-session (its first step reported, not its last), not after a fixed sleep.
    await clockUntil(() => steps.length > 0, 1000);
    expect(steps).not.toContain('capturing');
    await expect(onClock(driver.capture({ purpose: 'certification' }))).rejects.toMatchObject({ code: 'device_busy' });
    controller.abort();
    expect(((await onClock(running)) as KioskError).code).toBe('cancelled');
    await onClock(driver.stop());
  });
});
