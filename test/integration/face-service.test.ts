import { SAMPLE_FACE_JPEG_BASE64 } from '../../src/devices/face/sample-image';
import type { Connection } from '../../src/main/dispatcher';
import type { KioskCore } from '../../src/main/core';
import { translatorFor } from '../../src/main/printing/translator';
import { startTestCore } from '../support/core-harness';

jest.setTimeout(30_000);

/** face.capture through the real core with the simulated face module: pass, spoof, no face, silent. */
describe('face capture through the core under --simulate', () => {
  let core: KioskCore;
  let logLines: () => string[];
  let clerk: Connection;
  let screen: Connection;
  const steps: string[] = [];

  beforeAll(async () => {
    ({ core, logLines } = await startTestCore());
    core.events.subscribe((event, data) => {
      if (event === 'face.progress') steps.push((data as { step: string }).step);
    });
    clerk = core.newConnection('internal');
    clerk.staff = { id: 'clerk-1', displayName: 'C', roles: ['clerk'] };
    screen = core.newConnection('internal');
  });
  afterAll(async () => core?.close());

  it('a live person: a capture held in the core under a one-time id, progress pushed as face.progress', async () => {
    steps.length = 0;
    const outcome = await core.dispatcher.dispatch(clerk, 'face.capture', { purpose: 'certification' });
    // The image and scores stay in the core (face-capture-id.test.ts follows the bytes into the submission).
    expect(outcome).toEqual({ result: { captureId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(logLines().some((l) => l.includes('face captured') && l.includes(String(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64').length)))).toBe(true);
    expect(steps[0]).toBe('started');
    expect(steps).toContain('faceFound');
    expect(steps).toContain('blink');
    // Each step has words for the screen, in both languages.
    for (const step of steps) {
      expect(translatorFor('zh-CN')(`cameras:face.step.${step}`)).not.toContain('face.step');
      expect(translatorFor('en')(`cameras:face.step.${step}`)).not.toContain('face.step');
    }
  });

  it('a photo held up (spoof) is refused with liveness_failed and its message', async () => {
    await core.dispatcher.dispatch(screen, 'dev.face.nextOutcome', { outcome: 'spoof' });
    const outcome = await core.dispatcher.dispatch(clerk, 'face.capture', { purpose: 'certification' });
    expect(outcome).toMatchObject({ error: { code: 'liveness_failed', messageKey: 'errors:liveness_failed', retryable: true, details: { reason: 'spoof' } } });
    expect(translatorFor('zh-CN')('errors:liveness_failed.title')).toMatch(/[\u4e00-\u9fff]/);
    expect(translatorFor('en')('errors:liveness_failed.action')).not.toContain('liveness_failed');
    expect(logLines().some((l) => l.includes('face capture refused') && l.includes('spoof'))).toBe(true);
  });

  it('nobody there: liveness_failed with reason noFace', async () => {
    await core.dispatcher.dispatch(screen, 'dev.face.nextOutcome', { outcome: 'noFace' });
    expect(await core.dispatcher.dispatch(clerk, 'face.capture', { purpose: 'remodel' })).toMatchObject({ error: { code: 'liveness_failed', details: { reason: 'noFace' } } });
  });

  it('the screen without a resident session may not run a capture', async () => {
    expect(await core.dispatcher.dispatch(screen, 'face.capture', { purpose: 'certification' })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('a silent module: device_timeout, and the face camera shows offline with its message', async () => {
    const changes: Array<Record<string, unknown>> = [];
    core.events.subscribe((event, data) => {
      if (event === 'device.changed') changes.push(data as Record<string, unknown>);
    });
    await core.dispatcher.dispatch(screen, 'dev.face.nextOutcome', { outcome: 'silent' });
    const outcome = await core.dispatcher.dispatch(clerk, 'face.capture', { purpose: 'certification' });
    expect(outcome).toMatchObject({ error: { code: 'device_timeout', messageKey: 'errors:device_timeout' } });
    expect(translatorFor('zh-CN')('errors:device_timeout.title')).toMatch(/[\u4e00-\u9fff]/);
    expect(translatorFor('zh-CN')('cameras:face.noAnswer')).toMatch(/[\u4e00-\u9fff]/);
    expect(changes.some((c) => c.kind === 'faceCamera' && c.state === 'offline' && c.detailKey === 'cameras:face.noAnswer')).toBe(true);
    await core.dispatcher.dispatch(screen, 'dev.face.nextOutcome', { outcome: 'pass' });
  });
});
