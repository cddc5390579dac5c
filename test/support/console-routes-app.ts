import type { FastifyInstance } from 'fastify';
import type { ConsoleRoutes, ConsoleSettings } from '../../src/county/console/console-plugin';
import { insertStaff } from '../../src/county/console/staff-register';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope, StaffRole } from '../../src/shared/console/api';
import { startConsoleRouteKit } from './console-route-kit';
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
 * The console route kit (console-route-kit.ts) on a database openTestCountyDatabase opened, with no seed: each test
 * registers the accounts it signs in with.
 */
export async function startConsoleRoutes(
  county: CountyDatabase,
  routes: ConsoleRoutes[],
  settings: Partial<ConsoleSettings> & { now: () => Date; /** Each error the app logs, as its JSON line. */ errorsLogged?: string[] },
): Promise<ConsoleRoutesApp> {
  const { now, errorsLogged, ...consoleSettings } = settings;
  const kit = startConsoleRouteKit(county, routes, { now, settings: consoleSettings, dataDir: testCountyDataDir(county), ...(errorsLogged ? { errorsLogged } : {}) });
  // The routes set up now (the kit waits for its first call): the fault routes' climbing timer starts with them.
  await kit.app.ready();
  return {
    app: kit.app,
    signedIn: async (account) => {
      const at = now().getTime();
      await insertStaff(county.query, { ...account, username: account.id, passwordHash: 'scrypt$unused$unused' }, at);
      const call = await kit.as(account.id, at);
      return async (method, path, body, rawBody) => {
        const { status, body: answer } = await call(method, path, body, rawBody);
        return { status, body: answer };
      };
    },
    close: () => kit.close(),
  };
}
