import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { adminRoutes } from './admin-routes';
import { consoleRoutes } from './console';
import type { ConsoleSettings } from './console/console-plugin';
import type { BackOffice, ClerkDesk } from './back-office/port';
import { ReferenceBackOffice } from './back-office/reference-back-office';
import { BackOfficeRelay } from './back-office/relay';
import type { CountyContext } from './county-context';
import { openCountyDatabase, type CountyDatabase, type CountyQuery } from './db/connection';
import { fail } from './http-replies';
import { kioskRoutes } from './kiosk-routes';
import { verifyRoutes } from './verify-routes';
import { reportRoutes } from './report-routes';
import { registerRouteGroups, requireRouteGroups, type RouteAuth, type RouteGroup } from './route-groups';
import { configSigningKey } from './config-signing';
import { gatewayLogger, type GatewayLog } from './gateway-log';

export interface CountyServerOptions {
  dataDir: string;
  /** postgres://... for a real county (several gateways may share it); absent = SQLite at DATA-DIR/county.sqlite. */
  database?: string;
  port?: number;
  host?: string;
  /** Bearer token for the /admin routes (publishing config, answering fault tickets); absent = no admin routes. */
  adminToken?: string;
  /** Serve HTTPS with this key and certificate (PEM); kiosks pin the CA that issued it. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  now?: () => Date;
  /** The township/county console's policies (session idle time, lockout) and where its page is built. */
  console?: Partial<ConsoleSettings>;
  /** Who decides the applications (default: the built-in reference back office with its clerk desk). */
  backOffice?: BackOffice & Partial<ClerkDesk>;
  /** How often stored items are handed over and automatic work is done; 0 = only when a test calls relay.tick(). */
  backOfficeIntervalMs?: number;
  /** The gateway's public address for /verify links on certificates (default: the address it listens on). */
  publicUrl?: string;
  /** What the gateway logs and where (gateway-log.ts: failures only on stderr by default, never personal data). */
  log?: GatewayLog;
}

export interface CountyServer {
  readonly url: string;
  /** The county's one query path (either engine). */
  readonly query: CountyQuery;
  readonly database: CountyDatabase;
  readonly app: FastifyInstance;
  readonly relay: BackOfficeRelay;
  /** Every route and the group that authenticates it ("POST /v1/sync/batches" -> "kiosk"). */
  readonly routes: ReadonlyMap<string, RouteAuth>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The route groups the gateway serves; a new group (the console, the public /verify) is one entry here. */
function routeGroups(options: CountyServerOptions): RouteGroup[] {
  return [kioskRoutes, verifyRoutes, ...(options.adminToken ? [adminRoutes(options.adminToken), reportRoutes(options.adminToken)] : []), consoleRoutes({ secureCookie: Boolean(options.tls), ...options.console })];
}

/** The reference county: the sync contract of docs/sync-protocol.md on its own SQLite file. */
export async function startCountyServer(options: CountyServerOptions): Promise<CountyServer> {
  const now = options.now ?? (() => new Date());
  const database = await openCountyDatabase({ dataDir: options.dataDir, ...(options.database ? { database: options.database } : {}) });
  const query = database.query;
  // The config signing key exists from the first start, so its public key can be handed to kiosks (config-signing.ts).
  configSigningKey(options.dataDir);
  const backOffice = options.backOffice ?? new ReferenceBackOffice(query);
  const relay = new BackOfficeRelay(query, backOffice, now, (error) => app.log.error({ err: error }, 'back office hand-over failed'));
  const clerkDesk = backOffice.desk && backOffice.deskItem && backOffice.act ? (backOffice as ClerkDesk) : null;
  let listening = '';
  const publicUrl = () => options.publicUrl ?? listening;
  const context: CountyContext = { query, dataDir: options.dataDir, attachmentsDir: path.join(options.dataDir, 'attachments'), now, relay, clerkDesk, publicUrl };
  const fastifyOptions = {
    loggerInstance: gatewayLogger(options.log),
    bodyLimit: MAX_BODY_BYTES,
    // A path the router cannot take (a bad percent-encoding, a parameter over 100 characters) is refused before any
    // handler: answered in the county's shape too, not with fastify's own body.
    frameworkErrors: (error: { statusCode?: number }, _request: FastifyRequest, reply: FastifyReply) => fail(reply, error.statusCode ?? 400, { error: 'invalid_path' }),
  };
  const app = options.tls ? (Fastify({ ...fastifyOptions, https: options.tls }) as unknown as FastifyInstance) : (Fastify(fastifyOptions) as unknown as FastifyInstance);

  // Bodies stay raw bytes: the kiosk signature covers their exact hash; each route parses and validates afterwards.
  app.addContentTypeParser(['application/json', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // Only those two: a text/plain body (fastify's other built-in parser) would reach a route as a string it reads as
  // JSON all the same. Any other type, or a body without one, is refused 415 before the route.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((_request, reply) => fail(reply, 404, { error: 'not_found' }));
  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    // fastify logs an error only in its own handler: the gateway's trouble is logged here (masked, gateway-log.ts).
    if (status === 500) request.log.error({ err: error }, 'request failed');
    return fail(reply, status, { error: status === 413 ? 'body_too_large' : status === 415 ? 'unsupported_media_type' : status === 500 ? 'internal' : String(error.code ?? 'bad_request').toLowerCase() });
  });

  // Groups are registered after the handlers above, so they inherit them.
  const routes = new Map<string, RouteAuth>();
  requireRouteGroups(app, routes);
  await registerRouteGroups(app, context, routeGroups(options));

  const interval = options.backOfficeIntervalMs ?? 5_000;
  if (interval > 0) relay.start(interval);
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const url = address.replace('[::1]', '127.0.0.1');
  listening = url;
  return {
    url,
    query,
    database,
    app,
    relay,
    routes,
    close: async () => {
      relay.stop();
      // The server closes idle keep-alive connections once, when closing begins. A kiosk's request still being answered
      // then keeps its connection after the answer, until the keep-alive timeout (72 s): a restart, or a test, waited
      // that long. Sweep until the server has closed.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await database.close();
    },
  };
}
