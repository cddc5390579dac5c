import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import { NonceCache, verifyRequest } from '../../src/county/auth';
import { openCountyDatabase, type CountyDatabase } from '../../src/county/db/connection';
import { freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

/**
 * The kiosk request check (src/county/auth.ts) called directly, one edge at a time: each header, the signature over
 * each signed part, the clock skew and the start-up limit to the millisecond, and the nonce window. The signature is
 * computed here by hand from docs/sync-protocol.md's canonical string, not with the code under test.
 */
const KIOSK = { id: 'kiosk-auth-1', secret: 'auth-secret-0123456789abcdef0123' };
const OTHER = { id: 'kiosk-auth-2', secret: 'auth-secret-other-0123456789abcd' };
const SKEW = 5 * 60_000;
const T0 = 1_800_000_000_000;

function sign(secret: string, method: string, path: string, timestamp: string, nonce: string, body?: Buffer): string {
  const bodySha = createHash('sha256').update(body ?? Buffer.alloc(0)).digest('hex');
  return createHmac('sha256', secret).update(`${method}\n${path}\n${timestamp}\n${nonce}\n${bodySha}`).digest('base64');
}

interface Req {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
}

function signed(opts: { kiosk?: { id: string; secret: string }; method?: string; url?: string; at?: number; nonce?: string; body?: Buffer } = {}): Req {
  const kiosk = opts.kiosk ?? KIOSK;
  const method = opts.method ?? 'POST';
  const url = opts.url ?? '/v1/sync/batches';
  const timestamp = String(opts.at ?? T0);
  const nonce = opts.nonce ?? `n-${Math.random().toString(36).slice(2)}`;
  return {
    method,
    url,
    body: opts.body,
    headers: { 'x-kiosk-id': kiosk.id, 'x-kiosk-timestamp': timestamp, 'x-kiosk-nonce': nonce, 'x-kiosk-signature': sign(kiosk.secret, method, url, timestamp, nonce, opts.body) },
  };
}

describe('verifyRequest: the signed kiosk request, edge by edge', () => {
  let county: CountyDatabase;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDataDir('county-auth-');
    const database = await freshCountyDatabase();
    county = await openCountyDatabase({ dataDir, ...(database ? { database } : {}) });
    await county.query.insertInto('kiosks').values([KIOSK, OTHER]).execute();
  });
  afterAll(async () => {
    await county.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A county started an hour before T0, so only the skew limits the timestamp. */
  const cache = () => new NonceCache(T0 - 3_600_000);
  const check = (req: Req, now = T0, nonces = cache()) => verifyRequest(county.query, nonces, req, now);

  it('accepts a signed request and names its kiosk, with a body and without one', async () => {
    expect(await check(signed({ body: Buffer.from('{"items":[]}') }))).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ method: 'GET', url: '/v1/config?since=3' }))).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ kiosk: OTHER }))).toEqual({ ok: true, kioskId: OTHER.id });
  });

  it('answers missing_headers for each header left out, empty, repeated, or longer than 200 characters', async () => {
    for (const name of ['x-kiosk-id', 'x-kiosk-timestamp', 'x-kiosk-nonce', 'x-kiosk-signature']) {
      const req = signed();
      const value = req.headers[name] as string;
      expect([name, await check({ ...req, headers: { ...req.headers, [name]: undefined } })]).toEqual([name, { ok: false, reason: 'missing_headers' }]);
      expect([name, await check({ ...req, headers: { ...req.headers, [name]: '' } })]).toEqual([name, { ok: false, reason: 'missing_headers' }]);
      expect([name, await check({ ...req, headers: { ...req.headers, [name]: [value, value] } })]).toEqual([name, { ok: false, reason: 'missing_headers' }]);
    }
    expect(await check(signed({ nonce: 'n'.repeat(200) }))).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ nonce: 'n'.repeat(201) }))).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it('answers missing_headers for a timestamp that is not 1 to 16 digits', async () => {
    for (const timestamp of [`${T0}x`, `x${T0}`, '12.5', '-1', '1'.repeat(17)]) {
      const req = signed();
      const headers = { ...req.headers, 'x-kiosk-timestamp': timestamp, 'x-kiosk-signature': sign(KIOSK.secret, 'POST', req.url, timestamp, req.headers['x-kiosk-nonce'] as string) };
      expect([timestamp, await check({ ...req, headers })]).toEqual([timestamp, { ok: false, reason: 'missing_headers' }]);
    }
  });

  it('answers unknown_kiosk for a kiosk the county does not hold', async () => {
    expect(await check(signed({ kiosk: { id: 'kiosk-nobody', secret: KIOSK.secret } }))).toEqual({ ok: false, reason: 'unknown_kiosk' });
  });

  it('answers bad_signature when any signed part differs from what was signed', async () => {
    const body = Buffer.from('{"items":[1]}');
    const base = signed({ body });
    const bad = { ok: false, reason: 'bad_signature' };
    expect(await check({ ...base, method: 'PUT' })).toEqual(bad);
    expect(await check({ ...base, url: '/v1/sync/batches?x=1' })).toEqual(bad);
    expect(await check({ ...base, body: Buffer.from('{"items":[2]}') })).toEqual(bad);
    expect(await check({ ...base, body: undefined })).toEqual(bad);
    expect(await check({ ...base, headers: { ...base.headers, 'x-kiosk-nonce': 'another-nonce' } })).toEqual(bad);
    expect(await check({ ...base, headers: { ...base.headers, 'x-kiosk-timestamp': String(T0 + 1) } }, T0 + 1)).toEqual(bad);
    expect(await check({ ...base, headers: { ...base.headers, 'x-kiosk-id': OTHER.id } })).toEqual(bad);
    // Signed with another kiosk's secret, or cut short (a shorter HMAC is refused, not compared).
    expect(await check({ ...base, headers: { ...base.headers, 'x-kiosk-signature': sign(OTHER.secret, 'POST', base.url, String(T0), base.headers['x-kiosk-nonce'] as string, body) } })).toEqual(bad);
    expect(await check({ ...base, headers: { ...base.headers, 'x-kiosk-signature': (base.headers['x-kiosk-signature'] as string).slice(0, 20) } })).toEqual(bad);
  });

  it('refuses a bad signature before looking at the clock, so an unsigned request learns no server time', async () => {
    const req = signed({ at: T0 - SKEW - 60_000 });
    expect(await check({ ...req, headers: { ...req.headers, 'x-kiosk-signature': sign(OTHER.secret, 'POST', req.url, String(T0), 'x') } })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('takes a timestamp up to the skew either way, to the millisecond, and answers stale_timestamp with the server time beyond it', async () => {
    expect(await check(signed({ at: T0 - SKEW }))).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ at: T0 + SKEW }))).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ at: T0 - SKEW - 1 }))).toEqual({ ok: false, reason: 'stale_timestamp', serverTime: T0 });
    expect(await check(signed({ at: T0 + SKEW + 1 }))).toEqual({ ok: false, reason: 'stale_timestamp', serverTime: T0 });
  });

  it('refuses a request signed more than a second before the county started, even within the skew', async () => {
    const startedAt = T0 - 60_000;
    expect(await check(signed({ at: startedAt - 1_000 }), T0, new NonceCache(startedAt))).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ at: startedAt - 1_001 }), T0, new NonceCache(startedAt))).toEqual({ ok: false, reason: 'stale_timestamp', serverTime: T0 });
  });

  it('answers replayed_nonce for a nonce seen before, per kiosk, for as long as its timestamp could still pass', async () => {
    const nonces = cache();
    const first = signed({ nonce: 'nonce-a' });
    expect(await check(first, T0, nonces)).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(first, T0, nonces)).toEqual({ ok: false, reason: 'replayed_nonce' });
    // The same request replayed at the last moment its timestamp still passes.
    expect(await check(first, T0 + SKEW, nonces)).toEqual({ ok: false, reason: 'replayed_nonce' });
    // Another nonce of the same kiosk, and the same nonce from another kiosk, are new.
    expect(await check(signed({ nonce: 'nonce-b' }), T0, nonces)).toEqual({ ok: true, kioskId: KIOSK.id });
    expect(await check(signed({ kiosk: OTHER, nonce: 'nonce-a' }), T0, nonces)).toEqual({ ok: true, kioskId: OTHER.id });
  });
});

describe('NonceCache', () => {
  const seen = (cache: NonceCache) => (cache as unknown as { seen: Map<string, number> }).seen;

  it('refuses a nonce until its expiry, the expiry itself included, and takes it again after', () => {
    const cache = new NonceCache(0);
    expect(cache.fresh('k', 'n', 1_000, 5_000)).toBe(true);
    expect(cache.fresh('k', 'n', 4_999, 9_000)).toBe(false);
    expect(cache.fresh('k', 'n', 5_000, 9_000)).toBe(false);
    expect(cache.fresh('k', 'n', 5_001, 9_000)).toBe(true);
    expect(cache.fresh('k', 'n', 8_000, 12_000)).toBe(false);
  });

  it('keeps kiosks apart, even when an id and a nonce could run together', () => {
    const cache = new NonceCache(0);
    expect(cache.fresh('ab', 'c', 1_000, 5_000)).toBe(true);
    expect(cache.fresh('a', 'bc', 1_000, 5_000)).toBe(true);
    expect(cache.fresh('a', 'bc', 1_000, 5_000)).toBe(false);
  });

  it('forgets expired nonces at most every ten seconds, so memory stays within the window', () => {
    const cache = new NonceCache(0);
    cache.fresh('k', 'a', 20_000, 25_000); // sweeps (nothing to drop) and remembers a
    cache.fresh('k', 'b', 26_000, 40_000); // a expired, but the last sweep was 6 s ago
    expect([...seen(cache).keys()]).toEqual(['k\na', 'k\nb']);
    cache.fresh('k', 'c', 30_000, 40_000); // 10 s since the last sweep: not yet
    expect(seen(cache).size).toBe(3);
    cache.fresh('k', 'd', 30_001, 40_000); // more than 10 s: a goes
    expect([...seen(cache).keys()]).toEqual(['k\nb', 'k\nc', 'k\nd']);
    cache.fresh('k', 'e', 40_002, 50_000); // b, c, d expired at 40 000 (strictly before now): all go
    expect([...seen(cache).keys()]).toEqual(['k\ne']);
  });

  it('keeps an entry whose expiry is exactly now at a sweep', () => {
    const cache = new NonceCache(0);
    cache.fresh('k', 'a', 1_000, 20_000);
    cache.fresh('k', 'b', 20_000, 30_000);
    expect([...seen(cache).keys()]).toEqual(['k\na', 'k\nb']);
  });
});
