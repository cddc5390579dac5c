import fc from 'fast-check';
import { KioskError } from '../../shared/contract/errors';
import { InProcessTransport } from '../printer/simulated-transport';
import { FaceModuleDriver } from './driver';
import { FaceFrameParser } from './frame-parser';
import { crc16, decodeReply, encodeCommand, encodeReply, type ModuleReply, type ProgressStep } from './protocol';
import { FaceModuleSimulator } from './simulator';

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
        const parser = new FaceFrameParser();
        const got: ModuleReply[] = [];
        for (let off = 0, i = 0; off < bytes.length; i++) {
          const n = sizes[i % sizes.length]!;
          for (const item of parser.push(bytes.subarray(off, off + n))) if (item.kind === 'frame') {
            const d = decodeReply(item.frame);
            if (d.ok) got.push(d.value);
          }
          off += n;
        }
        expect(got).toEqual(replies);
      }),
    );
  });

  it('garbage never throws; a corrupted frame is reported and the next good one still parses', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (g) => void new FaceFrameParser().push(g)));
    const good = encodeReply({ type: 'progress', step: 'blink' }, 7);
    const bad = Uint8Array.from(good);
    bad[7] = (bad[7] ?? 0) ^ 0xff;
    const items = new FaceFrameParser().push(Buffer.concat([Uint8Array.of(0, 0xfa, 1), bad, good]));
    expect(items.filter((i) => i.kind === 'bad').map((i) => i.kind === 'bad' && i.reason)).toContain('checksum');
    expect(items.filter((i) => i.kind === 'frame')).toHaveLength(1);
    expect(decodeReply({ type: 0x83, seq: 0, payload: Uint8Array.of(9, 0, 0, 0, 0, 0, 0, 0, 0) })).toEqual({ ok: false, reason: 'unknown outcome' });
    expect(decodeReply({ type: 0x83, seq: 0, payload: Uint8Array.of(0) }).ok).toBe(false);
  });
});

function setup() {
  const simulator = new FaceModuleSimulator({ stepMs: 2 });
  const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 150, pollMs: 60_000 });
  return { simulator, driver };
}

describe('FaceModuleDriver with the simulator', () => {
  it('a live person: progress steps, then a JPEG with both scores', async () => {
    const { driver } = setup();
    await driver.start();
    expect(driver.status().state).toBe('online');
    const steps: ProgressStep[] = [];
    const result = await driver.capture({ purpose: 'certification', timeoutSeconds: 5, onProgress: (s) => steps.push(s) });
    expect(steps).toEqual(['faceFound', 'tooFar', 'holdStill', 'blink', 'capturing']);
    expect(result.livenessScore).toBeCloseTo(0.973);
    expect(result.qualityScore).toBeCloseTo(0.881);
    expect([result.jpeg[0], result.jpeg[1]]).toEqual([0xff, 0xd8]);
    expect(result.jpeg.length).toBeGreaterThan(2048); // fetched in more than one chunk
    expect(driver.status().state).toBe('online');
    await driver.stop();
  });

  it('a photo held up is refused: liveness_failed with reason spoof', async () => {
    const { driver, simulator } = setup();
    await driver.start();
    simulator.setNextOutcome('spoof');
    const error = await driver.capture({ purpose: 'certification', timeoutSeconds: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe('liveness_failed');
    expect((error as KioskError).messageKey).toBe('errors:liveness_failed');
    expect((error as KioskError).details).toMatchObject({ reason: 'spoof' });
    // The next session passes again.
    await expect(driver.capture({ purpose: 'certification', timeoutSeconds: 5 })).resolves.toMatchObject({ livenessScore: expect.any(Number) });
    await driver.stop();
  });

  it('nobody in front of the camera: liveness_failed with reason noFace', async () => {
    const { driver, simulator } = setup();
    await driver.start();
    simulator.setNextOutcome('noFace');
    const steps: ProgressStep[] = [];
    const error = (await driver.capture({ purpose: 'remodel', timeoutSeconds: 5, onProgress: (s) => steps.push(s) }).catch((e: unknown) => e)) as KioskError;
    expect(error.code).toBe('liveness_failed');
    expect(error.details).toMatchObject({ reason: 'noFace' });
    expect(steps).toContain('noFace');
    await driver.stop();
  });

  it('a silent module: device_timeout, the device goes offline, and it is not stuck busy', async () => {
    const { driver, simulator } = setup();
    await driver.start();
    simulator.setNextOutcome('silent');
    const error = (await driver.capture({ purpose: 'certification', timeoutSeconds: 1 }).catch((e: unknown) => e)) as KioskError;
    expect(error.code).toBe('device_timeout');
    expect(driver.status()).toMatchObject({ state: 'offline', detailKey: 'devices-output:face.noAnswer' });
    simulator.setNextOutcome('pass');
    await driver.refreshStatus();
    expect(driver.status().state).toBe('online');
    await driver.stop();
  });

  it('scores below the configured minimum are refused even when the module says pass', async () => {
    const simulator = new FaceModuleSimulator({ stepMs: 1 });
    const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 150, minLiveness: 0.99 });
    await driver.start();
    const error = (await driver.capture({ purpose: 'certification', timeoutSeconds: 5 }).catch((e: unknown) => e)) as KioskError;
    expect(error.code).toBe('liveness_failed');
    expect(error.details).toMatchObject({ reason: 'lowScore' });
    await driver.stop();
  });

  it('cancel: the session ends with cancelled; a second capture while one runs is device_busy', async () => {
    const simulator = new FaceModuleSimulator({ stepMs: 50 });
    const driver = new FaceModuleDriver({ id: 'face', transport: new InProcessTransport(simulator), simulated: true, answerTimeoutMs: 150 });
    await driver.start();
    const controller = new AbortController();
    const running = driver.capture({ purpose: 'certification', timeoutSeconds: 5, signal: controller.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    await expect(driver.capture({ purpose: 'certification' })).rejects.toMatchObject({ code: 'device_busy' });
    controller.abort();
    expect(((await running) as KioskError).code).toBe('cancelled');
    await driver.stop();
  });
});
