import type { FastifyInstance } from 'fastify';
import { seedConsoleDemo } from '../../src/county/console';
import type { ConsoleRoutes } from '../../src/county/console/console-plugin';
import type { CountyDatabase } from '../../src/county/db/connection';
import { seedDemo } from '../../src/county/demo-seed';
import { startConsoleRouteKit, TEST_HASH_PARAMS, type ConsoleRouteReply } from './console-route-kit';
import { closeTestCountyDatabase, openTestCountyDatabase } from './county-database';

/** A console account's calls to the stand, `url` under /console/api. */
export interface ConsoleRouteCaller {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<ConsoleRouteReply>;
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
 * The console route kit (console-route-kit.ts) on a database of its own with the demo county and its console accounts
 * seeded, on a clock the test moves.
 */
export async function startConsoleRouteStand(routes: ConsoleRoutes[], options: { clock: number; catalog?: unknown; prefix?: string }): Promise<ConsoleRouteStand> {
  const county = await openTestCountyDatabase(options.prefix ?? 'console-routes-');
  let clock = options.clock;
  const now = () => new Date(clock);
  await seedDemo(county.query, { now: now(), ...(options.catalog === undefined ? {} : { catalog: options.catalog }) });
  await seedConsoleDemo(county.query, { now: now(), hashParams: TEST_HASH_PARAMS });
  const kit = startConsoleRouteKit(county, routes, { now });
  return {
    county,
    app: kit.app,
    get clock() {
      return clock;
    },
    set clock(at: number) {
      clock = at;
    },
    async as(staffId) {
      const call = await kit.as(staffId, clock);
      return { call: (method, url, body) => call(method, `/console/api${url}`, body) };
    },
    async close() {
      await kit.close();
      await closeTestCountyDatabase(county);
    },
  };
}
