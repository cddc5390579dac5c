import { seedConsoleDemo } from '../../src/county/console';
import { DEMO_CONSOLE_ACCOUNTS, DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import type { ConsoleSettings } from '../../src/county/console/console-plugin';
import { seedDemo } from '../../src/county/demo-seed';
import { startCountyServer, type CountyServer } from '../../src/county/server';
import { freshCountyDatabase } from './county-database';
import { tempDataDir } from './store-fixtures';
import { TEST_HASH_PARAMS } from './console-route-kit';

export { TEST_HASH_PARAMS };

export const demoPassword = (username: string) => DEMO_CONSOLE_ACCOUNTS.find((a) => a.username === username)!.password;

export interface ConsoleClient {
  cookie: string;
  csrf: string;
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** A county with the demo seed and console accounts, API calls made in-process (fastify inject). */
export async function startConsoleCounty(options: { now?: () => Date; console?: Partial<ConsoleSettings>; catalog?: unknown } = {}): Promise<CountyServer> {
  const database = await freshCountyDatabase();
  const county = await startCountyServer({
    dataDir: tempDataDir('county-console-'),
    ...(database ? { database } : {}),
    adminToken: 'admin-test-token',
    ...(options.now ? { now: options.now } : {}),
    console: { staticDir: '/nonexistent', ...options.console },
  });
  await seedDemo(county.query, options.catalog === undefined ? {} : { catalog: options.catalog });
  await seedConsoleDemo(county.query, { hashParams: TEST_HASH_PARAMS });
  return county;
}

export async function call(
  county: Pick<CountyServer, 'url'>,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  /** An abort signal, for a test that must fail rather than wait when the county leaves a request unanswered. */
  signal?: AbortSignal,
): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  // Over real HTTP: fastify.inject's cookie helper is ESM-only and Jest cannot load it.
  const res = await fetch(`${county.url}${url}`, {
    method,
    ...(signal ? { signal } : {}),
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: Object.fromEntries(res.headers) };
}

export async function signIn(county: Pick<CountyServer, 'url'>, username: string, password = demoPassword(username)): Promise<ConsoleClient> {
  const res = await call(county, 'POST', '/console/api/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const csrf = String(res.body.csrfToken);
  return {
    cookie,
    csrf,
    call: (method, url, payload, headers = {}) => call(county, method, url, payload, { cookie, 'x-csrf-token': csrf, ...headers }),
  };
}

/**
 * A simulated kiosk of one seeded console point, configured against the test county (hourly sync, so the test decides
 * when a round runs), with a technician's connection: the kiosk side of tests that publish from the console.
 */
export async function startPointKiosk(county: CountyServer, point: (typeof DEMO_POINTS)[number], label: string): Promise<{ core: KioskCore; technician: Connection }> {
  const config = parseSiteConfig({
    ...DEMO_SITE_CONFIG,
    site: { ...DEMO_SITE_CONFIG.site, divisionCode: point.divisionCode, name: point.name },
    devices: (DEMO_SITE_CONFIG.devices ?? []).filter((d) => d.kind !== 'documentCamera'),
    county: { url: county.url, kioskId: point.kioskId, secret: point.secret, development: true, syncIntervalSeconds: 3600 },
  });
  const core = await createKioskCore({ config, dataDir: tempDataDir(`kiosk-${label}-`), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', now: () => new Date() });
  const technician = core.newConnection('internal');
  technician.staff = { id: 'tech-sun', displayName: '孙技术员', roles: ['technician'] };
  return { core, technician };
}
