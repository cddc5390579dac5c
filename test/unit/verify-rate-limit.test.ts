import { RateLimiter } from '../../src/county/verify-routes';

/**
 * The /verify rate limit's memory: past 10,000 addresses it forgets the windows whose minute has passed, and only
 * those (forgetting a live one would give a guesser a fresh minute). The route's own test
 * (certificate-verification.test.ts) covers the window per address; this one the clean-up, which needs more
 * addresses than an HTTP test can afford.
 */
describe('the /verify rate limiter', () => {
  it('past 10,000 addresses forgets the windows older than a minute and keeps the live ones', () => {
    const limiter = new RateLimiter(1);
    for (let i = 0; i < 10_000; i++) expect(limiter.allow(`old-${i}`, 0)).toEqual({ ok: true });
    expect(limiter.allow('live', 30_000)).toEqual({ ok: true });
    // 10,001 windows: this call sweeps, and none is a minute old yet.
    expect(limiter.allow('live', 30_000)).toEqual({ ok: false, retryAfterSeconds: 60 });
    // A new address at 60 s sweeps again: the 10,000 windows of second 0 go, the live one (until 90 s) stays.
    expect(limiter.allow('new', 60_000)).toEqual({ ok: true });
    expect(limiter.allow('live', 60_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.allow('old-0', 60_000)).toEqual({ ok: true });
  });

  it('sweeps only once it holds more than 10,000 addresses, and then keeps exactly the live windows', () => {
    const limiter = new RateLimiter(5);
    for (let i = 0; i < 10_000; i++) limiter.allow(`old-${i}`, 0);
    // A minute later, at exactly 10,000 addresses: no sweep yet (old-0 starts a new window in place).
    expect(limiter.allow('old-0', 60_000)).toEqual({ ok: true });
    expect(limiter.addresses).toBe(10_000);
    expect(limiter.allow('x', 60_000)).toEqual({ ok: true });
    expect(limiter.addresses).toBe(10_001);
    // Past 10,000: the 9,999 windows of second 0 go; old-0 and x (both from 60 s) stay, and y joins them.
    expect(limiter.allow('y', 60_000)).toEqual({ ok: true });
    expect(limiter.addresses).toBe(3);
    // A few addresses with stale windows are kept until the next sweep (their next check starts them again).
    expect(limiter.allow('z', 200_000)).toEqual({ ok: true });
    expect(limiter.addresses).toBe(4);
  });
});
