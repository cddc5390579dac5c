import type { Connection } from '../../src/main/dispatcher';
import type { KioskCore } from '../../src/main/core';
import { sampleResident } from '../../src/shared/samples/residents';
import { startTestCore } from '../support/core-harness';
import { KioskClient } from '../../src/shared/contract/client';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { runCardOperation } from '../../src/renderer/flow/card-operations';

jest.setTimeout(30_000);

/**
 * CARD-03 (PIN reset) through the real core with simulated readers and face module: the session's own evidence
 * decides, never what the screen sends. Only the card: refused. ID card without a face: refused. ID card and face
 * with somebody else's social security card in the reader: refused. ID card, face and the holder's own card: done.
 */
describe('card operations need the holder: ID card on the reader, a live face, and the card matching', () => {
  let core: KioskCore;
  let screen: Connection;
  const call = (method: string, params: unknown = {}) => core.dispatcher.dispatch(screen, method, params);
  const ok = async (method: string, params: unknown = {}) => {
    const outcome = await call(method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };
  const resetPin = { itemCode: 'CARD-03', form: { operation: 'resetPin' }, attachments: [] };
  // An id the core never issued: a screen claiming a face check it did not have.
  const fakeFace = { captureId: '00000000-0000-4000-8000-000000000000' };
  const errorOf = async (method: string, params: unknown) => {
    const outcome = await call(method, params);
    return 'error' in outcome ? { code: outcome.error.code, reason: outcome.error.details?.reason } : { code: 'none', reason: undefined };
  };

  beforeEach(async () => {
    ({ core } = await startTestCore());
    screen = core.newConnection('internal');
  });
  afterEach(async () => core?.close());

  it('the social security card alone cannot reset its PIN, even when the screen sends a face image', async () => {
    await ok('dev.ssCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'socialSecurityCard' });
    expect(await errorOf('applications.submit', { ...resetPin, face: fakeFace })).toEqual({ code: 'identity_insufficient', reason: 'idCard' });
    expect(await errorOf('socialSecurityCard.verifyPin', { pin: sampleResident(0).socialSecurityCard.pin })).toEqual({ code: 'identity_insufficient', reason: 'idCard' });
  });

  it('the ID card without a face check in the core is refused, whatever image the screen sends', async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
    await ok('dev.ssCard.insert', { residentIndex: 0 });
    expect(await errorOf('applications.submit', { ...resetPin, face: fakeFace })).toEqual({ code: 'identity_insufficient', reason: 'face' });
  });

  it("with the ID card and a live face, somebody else's card is refused and the holder's own card goes through", async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
    const face = await ok('face.capture', { purpose: 'certification' });
    await ok('dev.ssCard.insert', { residentIndex: 1 });
    expect(await errorOf('applications.submit', { ...resetPin, face })).toEqual({ code: 'identity_insufficient', reason: 'cardHolder' });
    expect(await errorOf('socialSecurityCard.verifyPin', { pin: sampleResident(1).socialSecurityCard.pin })).toEqual({ code: 'identity_insufficient', reason: 'cardHolder' });
    await ok('dev.ssCard.remove');
    expect(await errorOf('applications.submit', { ...resetPin, face })).toEqual({ code: 'identity_insufficient', reason: 'cardAbsent' });
    await ok('dev.ssCard.insert', { residentIndex: 0 });
    const submitted = await ok('applications.submit', { ...resetPin, face });
    expect(submitted).toMatchObject({ trackingNumber: expect.any(String), delivery: 'queued' });
  });

  it("activating a new card puts the holder's own PIN on the card (the screen's operation over the real core)", async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
    const face = (await ok('face.capture', { purpose: 'certification' })) as { captureId: string };
    await ok('dev.ssCard.insert', { residentIndex: 0 });
    // The screen's own code drives the core through the typed client, as the renderer does over its carrier.
    const client = new KioskClient({ call: (method, params) => call(method, params), onEvent: () => () => undefined });
    const starting = sampleResident(0).socialSecurityCard.pin;
    const card03 = defaultCatalog().items.find((i) => i.code === 'CARD-03')!;
    const receipt = await runCardOperation(client, card03, 'activate', { oldPin: starting, newPin: '258147', repeatPin: '258147' }, { operation: 'activate' }, { captureId: face.captureId });
    expect(receipt.trackingNumber).toEqual(expect.any(String));
    expect(await ok('socialSecurityCard.verifyPin', { pin: '258147' })).toMatchObject({ outcome: 'ok' });
    expect(await ok('socialSecurityCard.verifyPin', { pin: starting })).toMatchObject({ outcome: 'pinWrong' });
  });

  it('a card photo is not a face check, and a new resident starts without one', async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
    const cardPhoto = await ok('face.capture', { purpose: 'cardPhoto' });
    await ok('dev.ssCard.insert', { residentIndex: 0 });
    expect(await errorOf('applications.submit', { ...resetPin, face: cardPhoto })).toEqual({ code: 'identity_insufficient', reason: 'face' });
    await ok('face.capture', { purpose: 'certification' });
    await ok('session.end', { reason: 'finished' });
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
    expect(await errorOf('applications.submit', { ...resetPin, face: fakeFace })).toEqual({ code: 'identity_insufficient', reason: 'face' });
  });
});
