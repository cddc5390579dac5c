import http from 'node:http';
import Fastify from 'fastify';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { requireRouteGroups, routeGroup, registerRouteGroups, type RouteAuth } from '../../src/county/route-groups';
import type { CountyServer } from '../../src/county/server';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';

const resident = SAMPLE_RESIDENTS[0]!;

/** Sends the path byte for byte (fetch and URL would keep it too, but this leaves no doubt). */
function send(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const url = new URL(base);
  const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...(bytes ? { 'content-type': 'application/json', 'content-length': String(bytes.length) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

/** Spellings of one path that a router decodes to the same route: each segment's first letter percent-encoded. */
function spellings(path: string): string[] {
  const segments = path.split('/');
  const out = [path];
  segments.forEach((segment, i) => {
    if (!/^[a-z]/i.test(segment)) return;
    const encoded = `%${segment.charCodeAt(0).toString(16)}${segment.slice(1)}`;
    out.push(segments.map((s, j) => (j === i ? encoded : s)).join('/'));
  });
  out.push(path.replace(/[a-z]/gi, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  return out;
}

describe('county routes authenticate by the route they matched, not by the raw URL', () => {
  let county: CountyServer;
  let client: HttpCountyClient;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
  });
  afterAll(() => county.close());

  it('POST /%761/query/INS-09 without a signature is refused and reveals nobody', async () => {
    const res = await send(county.url, 'POST', '/%761/query/INS-09', { idNumber: resident.idNumber, params: {} });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(resident.name);
    expect(res.text).not.toContain(resident.idNumber);
  });

  it('GET /%761/config without a signature is refused and carries no staff hash', async () => {
    const res = await send(county.url, 'GET', '/%761/config');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('scrypt$');
  });

  it('PUT /%61dmin/v1/config/staff without the admin token is refused and publishes nothing', async () => {
    const before = (await client.pullConfig(0))!;
    const forged = [{ id: 'x', username: 'evil', displayName: 'Evil', roles: ['clerk'], passwordHash: 'scrypt$AAAA$BBBB', disabled: false }];
    const res = await send(county.url, 'PUT', '/%61dmin/v1/config/staff', forged);
    expect(res.status).toBe(401);
    expect(await client.pullConfig(before.version)).toBeNull();
    const wrongToken = await send(county.url, 'PUT', '/%61dmin/v1/config/staff', forged, { authorization: 'Bearer admin-test-tokeN' });
    expect(wrongToken.status).toBe(401);
    expect((await client.pullConfig(0))!.staff!.body.map((s) => s.username)).not.toContain('evil');
  });

  it('every kiosk and admin route, in every spelling, answers 401 without credentials', async () => {
    const sample: Record<string, string> = { sessionId: '0196f000-0000-7000-8000-00000000f002', sha256: 'a'.repeat(64), itemCode: 'INS-09', part: 'staff', id: 'ticket-1' };
    const guarded = [...county.routes].filter(([, auth]) => auth === 'kiosk' || auth === 'admin');
    expect(guarded.length).toBeGreaterThanOrEqual(9);
    for (const [route] of guarded) {
      const [method, pattern] = route.split(' ') as [string, string];
      const concrete = pattern.replace(/:(\w+)/g, (_m, name: string) => sample[name] ?? 'x');
      for (const path of spellings(concrete)) {
        const res = await send(county.url, method, path, method === 'GET' || method === 'HEAD' ? undefined : { idNumber: resident.idNumber, params: {} });
        expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 401 });
      }
    }
  });

  it('a signed kiosk and the admin token still get through', async () => {
    await client.noticeResident({ sessionId: '0196f000-0000-7000-8000-00000000f001', idNumber: resident.idNumber, source: 'idCard', identifiedAt: new Date().toISOString() });
    expect((await client.query('INS-09', { idNumber: resident.idNumber, params: {} })).document).toBeDefined();
    const stats = await send(county.url, 'GET', '/admin/v1/stats', undefined, { authorization: 'Bearer admin-test-token' });
    expect(stats.status).toBe(200);
  });

  it('refuses at startup a route added outside a route group', async () => {
    const app = Fastify();
    const seen = new Map<string, RouteAuth>();
    requireRouteGroups(app, seen);
    await registerRouteGroups(app, { query: county.query, dataDir: '', attachmentsDir: '', now: () => new Date(), relay: county.relay, clerkDesk: null, publicUrl: () => '' }, [routeGroup('public', '/p', (g) => void g.get('/ok', async () => 'ok'))]);
    expect(seen.get('GET /p/ok')).toBe('public');
    expect(() => app.get('/stray', async () => 'no hook guards me')).toThrow(/outside a route group/);
    await app.close();
  });
});
