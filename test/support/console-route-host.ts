import Fastify, { type FastifyInstance } from 'fastify';
import type { BackOffice, ClerkDesk } from '../../src/county/back-office/port';
import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { BackOfficeRelay } from '../../src/county/back-office/relay';
import { seedConsoleDemo } from '../../src/county/console/console-demo-seed';
import { SESSION_COOKIE, registerConsoleRoutes, type ConsoleRoutes } from '../../src/county/console/console-plugin';
import { openSession } from '../../src/county/console/console-sessions';
import type { CountyContext } from '../../src/county/county-context';
import { publishConfigPart, registerKiosk } from '../../src/county/county-state';
import type { CountyDatabase, CountyQuery } from '../../src/county/db/connection';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import { closeTestCountyDatabase, openTestCountyDatabase } from './county-database';

/** Cheap scrypt for seeded accounts in tests (the login re-hashes to current guidance; one test checks that). */
export const TEST_HASH_PARAMS = { ln: 10, r: 8, p: 1 };

/** An answer of a console route as a test reads it: the status, the JSON body, the headers and the raw bytes. */
export interface HostReply {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** A signed-in console page as the routes see it: its session cookie and CSRF token on every call. */
export interface HostClient {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<HostReply>;
}

/**
 * Console routes on the county database without the rest of the gateway (no kiosk, admin, report or other console
 * routes): the console's own plugin (sessions, CSRF, county-only routes) around the routes under test, on a fresh
 * database with the demo points and console accounts (console-demo-seed.ts), the demo kiosk, and the catalogue when
 * given. A mutation run starts one per mutant: this loads and seeds a fraction of what a whole county
 * (startConsoleCounty) does.
 */
export interface ConsoleRouteHost {
  readonly query: CountyQuery;
  readonly relay: BackOfficeRelay;
  readonly app: FastifyInstance;
  /** A client for an account already in the register, its session opened on the database at `at`. */
  as(staffId: string, at: number): Promise<HostClient>;
  close(): Promise<void>;
}

export async function startConsoleRouteHost(routes: ConsoleRoutes[], options: { now: () => Date; catalog?: unknown; backOffice?: BackOffice & Partial<ClerkDesk> }): Promise<ConsoleRouteHost> {
  const database: CountyDatabase = await openTestCountyDatabase('console-routes-');
  const query = database.query;
  await registerKiosk(query, DEMO_KIOSK_ID, DEMO_KIOSK_SECRET);
  await seedConsoleDemo(query, { now: options.now(), hashParams: TEST_HASH_PARAMS });
  if (options.catalog !== undefined) await publishConfigPart(query, 'catalog', options.catalog);
  const backOffice = options.backOffice ?? new ReferenceBackOffice(query);
  const relay = new BackOfficeRelay(query, backOffice, options.now);
  const clerkDesk = backOffice.desk && backOffice.deskItem && backOffice.act ? (backOffice as ClerkDesk) : null;
  const context: CountyContext = { query, dataDir: '', attachmentsDir: '', now: options.now, relay, clerkDesk, publicUrl: () => 'http://county.test' };
  const app = Fastify({ logger: false });
  // As the gateway does: bodies stay raw bytes and each route parses its own.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(async (console) => registerConsoleRoutes(routes, { staticDir: '/nonexistent' })(console, context), { prefix: '/console' });
  // Over HTTP on a free local port: fastify.inject's cookie helper is ESM-only and Jest cannot load it.
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    query,
    relay,
    app,
    as: async (staffId, at) => {
      const { token, csrf } = await openSession(query, staffId, at);
      const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrf };
      return {
        call: async (method, url, body) => {
          const res = await fetch(`${base}${url}`, { method, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
          const raw = Buffer.from(await res.arrayBuffer());
          const json = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {};
          return { status: res.status, body: json, headers: Object.fromEntries(res.headers), raw };
        },
      };
    },
    close: async () => {
      await app.close();
      await closeTestCountyDatabase(database);
    },
  };
}
