import { createHash, createHmac } from 'node:crypto';
import { NonceCache, verifyRequest } from '../../src/county/auth';
import type { CountyQuery } from '../../src/county/db/connection';
import { KioskSecrets } from '../../src/county/kiosk-secrets';
import { RequestSigner } from '../../src/main/sync/request-signer';
import { EMPTY_SHA256 } from '../../src/shared/sync/signing';
import { TEST_KIOSK } from '../support/county-fixtures';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const HOUR = 60 * 60_000;

/** A clock the test moves by hand. */
function handClock(start = T0): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (next) => (t = next) };
}

/** The signature written out by hand from docs/sync-protocol.md: HMAC-SHA256 over the five lines, base64. */
function expectedSignature(secret: string, method: string, path: string, timestamp: string, nonce: string, body: Buffer): string {
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${method}\n${path}\n${timestamp}\n${nonce}\n${bodySha256}`).digest('base64');
}

/** The county's own check, with the kiosk's secret already remembered, so no database is read. */
async function countyAccepts(headers: Record<string, string>, method: string, url: string, body: Buffer | undefined, countyNow: number) {
  const secrets = new KioskSecrets();
  secrets.remember(TEST_KIOSK.id, TEST_KIOSK.secret);
  const noDatabase = {} as CountyQuery; // only read when the remembered secret does not match: then the test fails anyway
  return verifyRequest(noDatabase, new NonceCache(countyNow - HOUR), { method, url, headers, body }, countyNow, secrets);
}

describe('RequestSigner: what the county trusts', () => {
  it('signs method, path with query, timestamp, nonce and body hash with the kiosk secret, and the county accepts it', async () => {
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, handClock().now);
    const body = Buffer.from('{"kioskId":"k","items":[]}');
    const headers = signer.headers('POST', '/v1/sync/batches?x=1', body);
    expect(Object.keys(headers).sort()).toEqual(['x-kiosk-id', 'x-kiosk-nonce', 'x-kiosk-signature', 'x-kiosk-timestamp']);
    expect(headers['x-kiosk-id']).toBe(TEST_KIOSK.id);
    expect(headers['x-kiosk-timestamp']).toBe(String(T0));
    // 16 random bytes, base64url without padding.
    expect(headers['x-kiosk-nonce']).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(headers['x-kiosk-nonce']!, 'base64url')).toHaveLength(16);
    expect(headers['x-kiosk-signature']).toBe(expectedSignature(TEST_KIOSK.secret, 'POST', '/v1/sync/batches?x=1', String(T0), headers['x-kiosk-nonce']!, body));
    expect(await countyAccepts(headers, 'POST', '/v1/sync/batches?x=1', body, T0)).toEqual({ ok: true, kioskId: TEST_KIOSK.id, unconfirmed: TEST_KIOSK.secret });
  });

  it('a request without a body is signed over the empty string, as one with an empty body', async () => {
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, handClock().now);
    const none = signer.headers('GET', '/v1/config?since=3', undefined);
    expect(none['x-kiosk-signature']).toBe(createHmac('sha256', TEST_KIOSK.secret).update(`GET\n/v1/config?since=3\n${T0}\n${none['x-kiosk-nonce']}\n${EMPTY_SHA256}`).digest('base64'));
    const empty = signer.headers('GET', '/v1/config?since=3', Buffer.alloc(0));
    expect(empty['x-kiosk-signature']).toBe(expectedSignature(TEST_KIOSK.secret, 'GET', '/v1/config?since=3', String(T0), empty['x-kiosk-nonce']!, Buffer.alloc(0)));
    expect((await countyAccepts(none, 'GET', '/v1/config?since=3', undefined, T0)).ok).toBe(true);
  });

  it("a signature from another secret, or over another body, does not match the kiosk's", async () => {
    const other = new RequestSigner(TEST_KIOSK.id, 'another secret', handClock().now).headers('GET', '/v1/config?since=0', undefined);
    expect(other['x-kiosk-signature']).not.toBe(expectedSignature(TEST_KIOSK.secret, 'GET', '/v1/config?since=0', String(T0), other['x-kiosk-nonce']!, Buffer.alloc(0)));
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, handClock().now);
    const signed = signer.headers('PUT', '/v1/attachments/ab', Buffer.from('page one'));
    expect(signed['x-kiosk-signature']).not.toBe(expectedSignature(TEST_KIOSK.secret, 'PUT', '/v1/attachments/ab', String(T0), signed['x-kiosk-nonce']!, Buffer.from('page two')));
  });

  it('every request gets its own nonce', () => {
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, handClock().now);
    const nonces = new Set(Array.from({ length: 20 }, () => signer.headers('GET', '/v1/outcomes?since=0', undefined)['x-kiosk-nonce']));
    expect(nonces.size).toBe(20);
  });

  it("signs on the kiosk's own clock when none is given", () => {
    const before = Date.now();
    const timestamp = Number(new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret).headers('GET', '/v1/config?since=0', undefined)['x-kiosk-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
  });

  it("a clock correction is added to every timestamp (ahead or behind), and the county then accepts a kiosk that was off", async () => {
    const clock = handClock();
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, clock.now);
    expect(signer.clockOffsetMs).toBe(0);
    signer.correctClock(90 * 60_000);
    expect(signer.clockOffsetMs).toBe(90 * 60_000);
    const ahead = signer.headers('POST', '/v1/heartbeat', Buffer.from('{}'));
    expect(ahead['x-kiosk-timestamp']).toBe(String(T0 + 90 * 60_000));
    expect((await countyAccepts(ahead, 'POST', '/v1/heartbeat', Buffer.from('{}'), T0 + 90 * 60_000)).ok).toBe(true);
    signer.correctClock(-2_500);
    expect(signer.headers('POST', '/v1/heartbeat', undefined)['x-kiosk-timestamp']).toBe(String(T0 - 2_500));
  });

  it('a correction is kept for an hour from when it was taken, then forgotten', () => {
    const clock = handClock();
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, clock.now);
    clock.set(T0 + 5 * HOUR);
    signer.correctClock(-40_000);
    clock.set(T0 + 6 * HOUR);
    expect(signer.clockOffsetMs).toBe(-40_000);
    expect(signer.headers('GET', '/v1/config?since=0', undefined)['x-kiosk-timestamp']).toBe(String(T0 + 6 * HOUR - 40_000));
    clock.set(T0 + 6 * HOUR + 1);
    expect(signer.headers('GET', '/v1/config?since=0', undefined)['x-kiosk-timestamp']).toBe(String(T0 + 6 * HOUR + 1));
    expect(signer.clockOffsetMs).toBe(0);
    // Forgotten for good: going back in time does not bring it back.
    clock.set(T0 + 5 * HOUR);
    expect(signer.clockOffsetMs).toBe(0);
  });

  it('a new correction starts its own hour', () => {
    const clock = handClock();
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, clock.now);
    signer.correctClock(1_000);
    clock.set(T0 + 50 * 60_000);
    signer.correctClock(2_000);
    clock.set(T0 + 100 * 60_000);
    expect(signer.clockOffsetMs).toBe(2_000);
  });
});
