import type { FastifyInstance } from 'fastify';
import type { BackOffice, ClerkDesk } from '../../src/county/back-office/port';
import type { BackOfficeRelay } from '../../src/county/back-office/relay';
import { seedConsoleDemo } from '../../src/county/console/console-demo-seed';
import type { ConsoleRoutes } from '../../src/county/console/console-plugin';
import { publishConfigPart, registerKiosk } from '../../src/county/county-state';
import type { CountyDatabase, CountyQuery } from '../../src/county/db/connection';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import { startConsoleRouteKit, TEST_HASH_PARAMS, type ConsoleRouteReply } from './console-route-kit';
import { closeTestCountyDatabase, openTestCountyDatabase } from './county-database';

/** A signed-in console page as the routes see it: its session cookie and CSRF token on every call. */
export interface HostClient {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<ConsoleRouteReply>;
}

/**
 * Console routes on the county database without the rest of the gateway (no kiosk, admin, report or other console
 * routes): the console's own plugin (sessions, CSRF, county-only routes) around the routes under test, on a fresh
 * database with the demo points and console accounts (console-demo-seed.ts), the demo kiosk, and the catalogue when
 * given, on console-route-kit.ts. A mutation run starts one per mutant: this loads and seeds a fraction of what a
 * whole county (startConsoleCounty) does.
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
  const kit = startConsoleRouteKit(database, routes, { now: options.now, ...(options.backOffice ? { backOffice: options.backOffice } : {}) });
  return {
    query,
    relay: kit.relay,
    app: kit.app,
    as: async (staffId, at) => ({ call: await kit.as(staffId, at) }),
    close: async () => {
      await kit.close();
      await closeTestCountyDatabase(database);
    },
  };
}
