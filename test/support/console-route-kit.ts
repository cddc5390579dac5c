import Fastify, { type FastifyInstance } from 'fastify';
import type { BackOffice, ClerkDesk } from '../../src/county/back-office/port';
import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { BackOfficeRelay } from '../../src/county/back-office/relay';
import { registerConsoleRoutes, SESSION_COOKIE, type ConsoleRoutes, type ConsoleSettings } from '../../src/county/console/console-plugin';
import { openSession } from '../../src/county/console/console-sessions';
import type { CountyContext } from '../../src/county/county-context';
import type { CountyDatabase } from '../../src/county/db/connection';
import { CSRF_HEADER } from '../../src/shared/console/api';

/** Cheap scrypt for seeded accounts in tests (the login re-hashes to current guidance; one test checks that). */
export const TEST_HASH_PARAMS = { ln: 10, r: 8, p: 1 };

/** A console route's answer as a test reads it: the status, the JSON body ({} when none), the headers, the bytes. */
export interface ConsoleRouteReply {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/**
 * One signed-in console page's call: its session cookie and CSRF token on every request; `url` from the root;
 * `signal` to give up on a request the routes leave unanswered.
 */
export type ConsoleRouteCall = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, rawBody?: string, signal?: AbortSignal) => Promise<ConsoleRouteReply>;

export interface ConsoleRouteKit {
  readonly app: FastifyInstance;
  readonly relay: BackOfficeRelay;
  /** Calls as an account already in the register, its session opened on the database at `at` (ms). */
  as(staffId: string, at: number): Promise<ConsoleRouteCall>;
  /** Stops the server (once; the database is the caller's). */
  close(): Promise<void>;
}

export interface ConsoleRouteKitOptions {
  now: () => Date;
  settings?: ConsoleSettings;
  /** The reference back office unless given (a clerk desk when it has `desk`, `deskItem` and `act`). */
  backOffice?: BackOffice & Partial<ClerkDesk>;
  /** The county's data dir, for the routes that write files; none by default. */
  dataDir?: string;
  /** Each error the app logs, as its JSON line (no log kept without it). */
  errorsLogged?: string[];
}

/**
 * Console route groups on a bare fastify over a county database a test opened, behind the console's own hooks
 * (session cookie, CSRF, county-only routes, the API's 404 and error answers), with the gateway's raw-bytes bodies,
 * called over HTTP on 127.0.0.1: milliseconds a call and no other route group, demo seed or scrypt, so a mutation
 * run can afford route-level tests. The console tests that start a whole gateway (console-fixtures.ts) cover the same.
 * The one kit behind the route-level console tests' fixtures, which differ only in what they seed and how their
 * tests sign in: console-routes-app.ts (nothing seeded, each test registers its accounts), console-route-host.ts (the
 * console's demo accounts and the demo kiosk) and console-route-stand.ts (the whole demo county, on a clock).
 */
export function startConsoleRouteKit(county: CountyDatabase, routes: ConsoleRoutes[], options: ConsoleRouteKitOptions): ConsoleRouteKit {
  const { now } = options;
  const backOffice = options.backOffice ?? new ReferenceBackOffice(county.query);
  const relay = new BackOfficeRelay(county.query, backOffice, now);
  const clerkDesk = backOffice.desk && backOffice.deskItem && backOffice.act ? (backOffice as ClerkDesk) : null;
  const dataDir = options.dataDir ?? '/nonexistent';
  const context: CountyContext = { query: county.query, dataDir, attachmentsDir: `${dataDir}/attachments`, now, relay, clerkDesk, publicUrl: () => 'http://county.test' };
  const { errorsLogged } = options;
  const logger = errorsLogged ? { level: 'error', stream: { write: (line: string) => void errorsLogged.push(line) } } : false;
  const app = Fastify({ logger, bodyLimit: 16 * 1024 * 1024 });
  // As the gateway: bodies stay raw bytes and each route parses its own.
  app.addContentTypeParser(['application/json', 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Registered when the kit first listens, at the first call: the routes are then set up inside a test, so a mutation
  // run counts their paths and flags as covered by it (what runs in a `beforeAll` is static to Stryker, and static
  // mutants are ignored).
  void app.register(async (group) => registerConsoleRoutes(routes, options.settings ?? {})(group, context), { prefix: '/console' });
  let listening: Promise<string> | undefined;
  // Over HTTP: fastify.inject's cookie helper is ESM-only and Jest cannot load it (as console-fixtures.ts).
  const base = async () => (await (listening ??= app.listen({ port: 0, host: '127.0.0.1' }))).replace('[::1]', '127.0.0.1');
  let closing: Promise<void> | undefined;

  return {
    app,
    relay,
    async as(staffId, at) {
      const { token, csrf } = await openSession(county.query, staffId, at);
      return async (method, url, body, rawBody, signal) => {
        const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
        const res = await fetch(`${await base()}${url}`, {
          method,
          ...(signal ? { signal } : {}),
          headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrf, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(payload === undefined ? {} : { body: payload }),
        });
        const raw = Buffer.from(await res.arrayBuffer());
        const json = (res.headers.get('content-type') ?? '').startsWith('application/json') && raw.length > 0;
        return { status: res.status, body: json ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {}, headers: Object.fromEntries(res.headers), raw };
      };
    },
    close: () =>
      (closing ??= (async () => {
        if (listening) await listening.catch(() => undefined);
        await app.close();
      })()),
  };
}
