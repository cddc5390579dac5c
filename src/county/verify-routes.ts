import { z } from 'zod';
import { VerificationCodePattern, verifyCertificate } from './certificates';
import { fail, parseParams } from './http-replies';
import { routeGroup } from './route-groups';

/** Per client address: at most this many checks a minute (a code has 60 random bits; this keeps guessing hopeless). */
export const VERIFY_PER_MINUTE = 30;

/** A fixed one-minute window per address, forgotten when it has passed. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number) {}

  /** Addresses with a window held: the memory the sweep below bounds. */
  get addresses(): number {
    return this.windows.size;
  }

  allow(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      this.windows.set(key, { start: now, count: 1 });
      return { ok: true };
    }
    if (w.count >= this.limit) return { ok: false, retryAfterSeconds: Math.ceil((w.start + 60_000 - now) / 1000) };
    w.count += 1;
    return { ok: true };
  }
}

const CodeParam = z.object({ code: z.string().trim().toUpperCase().regex(VerificationCodePattern) });
const HashQuery = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() });

/**
 * GET /verify/{code}[?sha256=...]: public (anyone holding the paper), rate-limited per address. Answers whether the
 * document is genuine, when it was issued and for whom (masked); with the content hash printed beside the code,
 * whether the content is the one issued.
 */
export const verifyRoutes = routeGroup('public', '/verify', (app, { query: county, now }) => {
  const limiter = new RateLimiter(VERIFY_PER_MINUTE);
  app.addHook('onRequest', async (request, reply) => {
    const verdict = limiter.allow(request.ip, now().getTime());
    if (!verdict.ok) return fail(reply.header('retry-after', String(verdict.retryAfterSeconds)), 429, { error: 'too_many_requests' });
  });
  app.get('/:code', async (request, reply) => {
    const params = parseParams(request.params, reply, CodeParam, 'invalid_path');
    if (!params) return reply;
    const query = parseParams(request.query, reply, HashQuery, 'invalid_query');
    if (!query) return reply;
    const verdict = await verifyCertificate(county, params.code, query.sha256);
    return reply.code(verdict.genuine ? 200 : 404).send(verdict);
  });
});
