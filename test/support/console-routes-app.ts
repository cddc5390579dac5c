import nodePath from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { BackOfficeRelay } from '../../src/county/back-office/relay';
import { registerConsoleRoutes, SESSION_COOKIE, type ConsoleRoutes, type ConsoleSettings } from '../../src/county/console/console-plugin';
import { openSession } from '../../src/county/console/console-sessions';
import { insertStaff } from '../../src/county/console/staff-register';
import type { CountyContext } from '../../src/county/county-context';
import type { CountyDatabase } from '../../src/county/db/connection';
import { CSRF_HEADER, type Scope, type StaffRole } from '../../src/shared/console/api';
import { testCountyDataDir } from './county-database';

/** A console API call's answer: the status and the parsed JSON body (empty object for an empty body). */
export interface ConsoleAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A signed-in account's calls: each carries its session cookie and CSRF token. */
export type ConsoleCaller = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, rawBody?: string) => Promise<ConsoleAnswer>;

export interface ConsoleRoutesApp {
  readonly app: FastifyInstance;
  /** Registers an account (its password never used) and opens a console session for it, at the app's clock. */
  signedIn(account: { id: string; displayName: string; roles: StaffRole[]; scope: Scope }): Promise<ConsoleCaller>;
  /** Closes the app (once; a second call answers the first close). */
  close(): Promise<void>;
}

/**
 * Some console route groups on a database openTestCountyDatabase opened, behind the console's own hooks (session
 * cookie, CSRF, the API's 404 and error answers), in this process: a route test that starts no county (no other
 * route group, no demo seed, no scrypt per account). Bodies stay raw bytes, as in the gateway.
 */
export async function startConsoleRoutes(
  county: CountyDatabase,
  routes: ConsoleRoutes[],
  settings: Partial<ConsoleSettings> & { now: () => Date; /** Each error the app logs, as its JSON line. */ errorsLogged?: string[] },
): Promise<ConsoleRoutesApp> {
  const { now, errorsLogged, ...consoleSettings } = settings;
  const dataDir = testCountyDataDir(county);
  const context: CountyContext = {
    query: county.query,
    dataDir,
    attachmentsDir: nodePath.join(dataDir, 'attachments'),
    now,
    publicUrl: () => 'http://127.0.0.1',
    relay: new BackOfficeRelay(county.query, new ReferenceBackOffice(county.query), now),
    clerkDesk: null,
  };
  const app = Fastify(errorsLogged ? { logger: { level: 'error', stream: { write: (line: string) => void errorsLogged.push(line) } } } : { logger: false });
  app.addContentTypeParser(['application/json', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const register = registerConsoleRoutes(routes, consoleSettings);
  await app.register(async (group) => register(group, context), { prefix: '/console' });
  // Over HTTP on a loopback port: fastify's inject loads an ESM-only cookie parser Jest cannot load.
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1');

  const caller =
    (token: string, csrf: string): ConsoleCaller =>
    async (method, path, body, rawBody) => {
      const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrf, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { body: payload }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };

  let closing: Promise<void> | undefined;
  return {
    app,
    signedIn: async (account) => {
      const at = now().getTime();
      await insertStaff(county.query, { ...account, username: account.id, passwordHash: 'scrypt$unused$unused' }, at);
      const { token, csrf } = await openSession(county.query, account.id, at);
      return caller(token, csrf);
    },
    close: () => (closing ??= app.close()),
  };
}
