import { createHash, randomUUID } from 'node:crypto';
import { SAMPLE_FACE_JPEG_BASE64 } from '../../src/devices/face/sample-image';
import type { Connection } from '../../src/main/dispatcher';
import type { KioskCore } from '../../src/main/core';
import { FileKeyKeeper, defaultKekFile } from '../../src/main/crypto/file-key-keeper';
import { FaceCaptures } from '../../src/main/services/face-captures';
import { KioskStore } from '../../src/main/store/kiosk-store';
import { outboxContext } from '../../src/main/store/outbox';
import { stmt } from '../../src/main/store/statements';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import { startTestCore } from '../support/core-harness';

jest.setTimeout(30_000);

/**
 * Issue 14 item 11: the face image and its liveness score stay in the core. face.capture answers a one-time id; a
 * submission names it; a forged image or score from the screen is refused at the boundary, and an id is refused when
 * reused, expired, asked for by another connection, or left over from an earlier visit.
 */
describe('face capture by one-time id', () => {
  let core: KioskCore;
  let dataDir = '';
  let screen: Connection;
  const call = (method: string, params: unknown = {}, connection: Connection = screen) => core.dispatcher.dispatch(connection, method, params);
  const ok = async (method: string, params: unknown = {}, connection: Connection = screen) => {
    const outcome = await call(method, params, connection);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };
  const refusal = async (params: unknown, connection: Connection = screen) => {
    const outcome = await call('applications.submit', params, connection);
    return 'error' in outcome ? { code: outcome.error.code, reason: outcome.error.details?.reason ?? faceReason(outcome.error.details) } : { code: 'none' };
  };
  const certify = (face: unknown) => ({ itemCode: 'INS-04', form: {}, attachments: [], face });
  const identify = async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
  };

  beforeEach(async () => {
    ({ core, dataDir } = await startTestCore());
    screen = core.newConnection('internal');
  });
  afterEach(async () => core?.close());

  it('the capture answers only an id: no image and no score reach the screen', async () => {
    await identify();
    const answer = await ok('face.capture', { purpose: 'certification' });
    expect(Object.keys(answer)).toEqual(['captureId']);
    expect(JSON.stringify(answer)).not.toContain(SAMPLE_FACE_JPEG_BASE64.slice(0, 40));
  });

  it('a forged image and score from the screen are refused at the boundary, even beside a real id', async () => {
    await identify();
    await ok('face.capture', { purpose: 'certification' });
    const forged = { imageBase64: Buffer.from('not a face').toString('base64'), livenessScore: 1, qualityScore: 1 };
    expect(await refusal(certify(forged))).toMatchObject({ code: 'invalid_params' });
    const { captureId } = await ok('face.capture', { purpose: 'certification' });
    expect(await refusal(certify({ captureId, livenessScore: 1 }))).toMatchObject({ code: 'invalid_params' });
    expect(await refusal(certify({ captureId: randomUUID() }))).toEqual({ code: 'validation_failed', reason: 'unknown' });
  });

  it('the submission carries the core’s own capture; the same id a second time is refused as used', async () => {
    await identify();
    const { captureId } = await ok('face.capture', { purpose: 'certification' });
    const first = await ok('applications.submit', certify({ captureId }));
    expect(first).toMatchObject({ delivery: 'queued' });
    expect(await refusal(certify({ captureId }))).toEqual({ code: 'validation_failed', reason: 'used' });

    await core.close();
    const store = KioskStore.open({ dataDir, keeper: new FileKeyKeeper(defaultKekFile(dataDir).file) });
    try {
      const row = stmt(store.db, 'SELECT payload_enc FROM outbox WHERE submission_id = ?').get(first.submissionId) as { payload_enc: Buffer };
      const payload = store.key.openJson(row.payload_enc, outboxContext(String(first.submissionId))) as SubmissionPayload;
      const sha = createHash('sha256').update(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64')).digest('hex');
      // The simulated module's image and its own scores (simulator: 0.973 / 0.881), not anything a screen said.
      expect(payload.face).toEqual({ sha256: sha, livenessScore: 0.973, qualityScore: 0.881 });
    } finally {
      store.close();
    }
  });

  it('another connection cannot use the id, and a new visit drops the old captures', async () => {
    await identify();
    // A clerk on another screen runs a capture (and so the visit has a live face): the resident's screen may not use it.
    const clerk = Object.assign(core.newConnection('internal'), { staff: { id: 'clerk-1', displayName: 'C', roles: ['clerk' as const] } });
    const { captureId } = await ok('face.capture', { purpose: 'certification' }, clerk);
    expect(await refusal(certify({ captureId }))).toEqual({ code: 'validation_failed', reason: 'otherConnection' });
    await ok('session.end', { reason: 'finished' });
    await identify();
    // The new visit has its own live face, so only the old id's origin can refuse it.
    const fresh = await ok('face.capture', { purpose: 'certification' });
    expect(await refusal(certify({ captureId }))).toEqual({ code: 'validation_failed', reason: 'unknown' });
    expect(await ok('applications.submit', certify(fresh))).toMatchObject({ delivery: 'queued' });
  });
});

describe('FaceCaptures', () => {
  const capture = { image: Buffer.from('jpeg bytes'), livenessScore: 0.9, qualityScore: 0.8, purpose: 'certification' as const };

  it('refuses an id past its time, from another connection, or used; and zeroes what it drops', () => {
    let now = Date.parse('2026-11-30T09:00:00Z');
    const captures = new FaceCaptures({ now: () => new Date(now), ttlSeconds: 60 });
    const image = Buffer.from(capture.image);
    const id = captures.hold({ ...capture, image }, 'conn-a');
    expect(captures.check(id, 'conn-b')).toBe('otherConnection');
    expect(() => captures.take(id, 'conn-b')).toThrow(expect.objectContaining({ code: 'validation_failed', details: expect.objectContaining({ reason: 'otherConnection' }) }));
    now += 61_000;
    expect(captures.check(id, 'conn-a')).toBe('expired');
    now -= 61_000;
    expect(captures.take(id, 'conn-a').image.toString()).toBe('jpeg bytes');
    expect(captures.check(id, 'conn-a')).toBe('used');

    const kept = Buffer.from(capture.image);
    const second = captures.hold({ ...capture, image: kept }, 'conn-a');
    captures.clear();
    expect(captures.check(second, 'conn-a')).toBe('unknown');
    expect(kept.every((b) => b === 0)).toBe(true);
  });
});

function faceReason(details: Record<string, unknown> | undefined): unknown {
  const fields = details?.fields as Array<{ field: string; params?: { reason?: string } }> | undefined;
  return fields?.find((f) => f.field === 'face')?.params?.reason;
}
