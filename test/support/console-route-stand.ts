import Fastify, { type FastifyInstance } from 'fastify';
import { seedConsoleDemo } from '../../src/county/console/console-demo-seed';
import { registerConsoleRoutes, SESSION_COOKIE, type ConsoleRoutes } from '../../src/county/console/console-plugin';
import { openSession } from '../../src/county/console/console-sessions';
import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { BackOfficeRelay } from '../../src/county/back-office/relay';
import type { CountyContext } from '../../src/county/county-context';
import type { CountyDatabase } from '../../src/county/db/connection';
import { seedDemo } from '../../src/county/demo-seed';
import { closeTestCountyDatabase, openTestCountyDatabase } from './county-database';

/** A console account's calls to the stand: the answer's status, body (parsed when JSON) and headers. */
export interface ConsoleRouteCaller {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown>; raw: Buffer; headers: Record<string, unknown> }>;
}

export interface ConsoleRouteStand {
  readonly county: CountyDatabase;
  readonly app: FastifyInstance;
  /** The stand's clock (ms since the epoch): what every route reads as now; a test moves it by assigning. */
  clock: number;
  /** Signs a seeded account in by opening its session directly (no password, no scrypt): `county-admin`, `township-tuwo`, `township-beige`. */
  as(staffId: string): Promise<ConsoleRouteCaller>;
  close(): Promise<void>;
}

/**
 * Console route groups on a bare fastify over a test county database (the demo county and its console accounts
 * seeded), with the console's own hooks (session cookie, CSRF, county-only routes) and the gateway's raw-bytes body
 * parsing, called over HTTP on 127.0.0.1: milliseconds a call, so a mutation run can afford route-level tests. The
 * console tests that start a whole gateway (console-fixtures.ts) cover the same over HTTP.
 */
export async function startConsoleRouteStand(routes: ConsoleRoutes[], options: { clock: number; catalog?: unknown; prefix?: string }): Promise<ConsoleRouteStand> {
  const county = await openTestCountyDatabase(options.prefix ?? 'console-routes-');
  const query = county.query;
  let clock = options.clock;
  const now = () => new Date(clock);
  await seedDemo(query, { now: now(), ...(options.catalog === undefined ? {} : { catalog: options.catalog }) });
  await seedConsoleDemo(query, { now: now(), hashParams: { ln: 10, r: 8, p: 1 } });
  const context: CountyContext = {
    query,
    dataDir: '/nonexistent',
    attachmentsDir: '/nonexistent/attachments',
    now,
    publicUrl: () => 'http://county.test',
    relay: new BackOfficeRelay(query, new ReferenceBackOffice(query), now),
    clerkDesk: null,
  };
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 });
  // As the gateway: bodies stay raw bytes and each route parses its own.
  app.addContentTypeParser(['application/json'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Loaded when the stand first listens, at the first call: the routes are then registered inside a test, so a
  // mutation run counts their paths and flags as covered by it (what runs in a `beforeAll` is static to Stryker, and
  // static mutants are ignored). Each file's first test therefore calls every route.
  void app.register(async (group) => registerConsoleRoutes(routes, {})(group, context), { prefix: '/console' });
  let listening: Promise<string> | undefined;
  // Over HTTP: fastify.inject's cookie helper is ESM-only and Jest cannot load it (as console-fixtures.ts).
  const address = () => (listening ??= app.listen({ port: 0, host: '127.0.0.1' }));

  const stand: ConsoleRouteStand = {
    county,
    app,
    get clock() {
      return clock;
    },
    set clock(at: number) {
      clock = at;
    },
    async as(staffId) {
      const session = await openSession(query, staffId, clock);
      return {
        async call(method, url, body) {
          const res = await fetch(`${await address()}/console/api${url}`, {
            method,
            headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const raw = Buffer.from(await res.arrayBuffer());
          const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
          return { status: res.status, body: json && raw.length > 0 ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {}, raw, headers: Object.fromEntries(res.headers) };
        },
      };
    },
    async close() {
      if (listening) await listening;
      await app.close();
      await closeTestCountyDatabase(county);
    },
  };
  return stand;
}
