import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CSRF_HEADER, LoginRequestSchema, type ConsoleErrorBody, type ConsoleErrorCode, type SessionInfo } from '../../shared/console/api';
import type { CountyContext } from '../county-context';
import { audit, auditEntries, auditActor } from './audit';
import { DEFAULT_LOCKOUT, consoleLogin, type LockoutPolicy } from './console-login';
import { DEFAULT_SESSION_POLICY, closeSession, openSession, touchSession, type SessionPolicy } from './console-sessions';
import { pointsInScope } from './points';
import { townshipOfScope } from './scope';
import { staffById, type StaffRecord } from './staff-register';

/** The console's own settings, beside what every route group gets (the database, the clock). */
export interface ConsoleSettings {
  /** The built console (dist/console); absent or missing = API only. */
  staticDir?: string;
  session?: SessionPolicy;
  lockout?: LockoutPolicy;
  /** Mark the session cookie Secure (the gateway serves HTTPS). */
  secureCookie?: boolean;
  /** A point with no heartbeat for this long stands out on the fleet page (default 15 minutes). */
  silentAfterSeconds?: number;
  /** How often tickets nobody answered in time are climbed (default 60 s; 0: only when the console looks). */
  faultClimbIntervalMs?: number;
}

export type ConsoleOptions = ConsoleSettings & CountyContext;

/** What a console route handler knows about who is asking. */
export interface ConsoleActor {
  staff: StaffRecord;
  csrf: string;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleActor?: ConsoleActor;
  }
  interface FastifyContextConfig {
    /** A console route anyone may call (sign-in); every other console route needs a live session. */
    consolePublic?: boolean;
    /** A console route for county staff only (publishing, the county's dates); township accounts are answered 403. */
    countyOnly?: boolean;
  }
}

export const SESSION_COOKIE = 'county_console';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function consoleFail(reply: FastifyReply, status: number, error: ConsoleErrorCode, extra: Omit<ConsoleErrorBody, 'error'> = {}): FastifyReply {
  return reply.code(status).send({ error, ...extra });
}

/**
 * Parses a JSON body against a schema. The gateway keeps request bodies as raw bytes (kiosk signatures cover them),
 * so the console parses its own; on failure answers 400 naming the first bad field.
 */
export function consoleBody<T extends z.ZodType>(request: FastifyRequest, reply: FastifyReply, schema: T): z.output<T> | undefined {
  let raw: unknown = request.body;
  if (Buffer.isBuffer(raw) || typeof raw === 'string') {
    try {
      raw = JSON.parse(raw.toString());
    } catch {
      consoleFail(reply, 400, 'invalid_json');
      return undefined;
    }
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    consoleFail(reply, 400, 'invalid_body', { field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)' });
    return undefined;
  }
  return parsed.data;
}

export function actorOf(request: FastifyRequest): ConsoleActor {
  if (!request.consoleActor) throw new Error('console route reached without a session');
  return request.consoleActor;
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The console's API routes; each page's module adds its own through `routes`. */
export type ConsoleRoutes = (api: FastifyInstance, options: ConsoleOptions) => void;

/**
 * The console inside its route group: the page at /console/, its API at /console/api with its own hooks (session
 * cookie, idle expiry, CSRF on every change), decided by the matched route's config, never by the URL.
 */
export function registerConsoleRoutes(routes: ConsoleRoutes[], settings: ConsoleSettings) {
  return async (app: FastifyInstance, context: CountyContext): Promise<void> => {
    const options: ConsoleOptions = { ...context, ...settings };
    const session = options.session ?? DEFAULT_SESSION_POLICY;
    const now = () => options.now().getTime();
    await app.register(fastifyCookie);

    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('Cache-Control', 'no-store');
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Referrer-Policy', 'no-referrer');
      reply.header(
        'Content-Security-Policy',
        "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      return payload;
    });

    await app.register(
      async (api) => {
        api.addHook('onRequest', async (request, reply) => {
          if (request.routeOptions.config.consolePublic) return;
          const token = request.cookies[SESSION_COOKIE];
          if (!token) return consoleFail(reply, 401, 'not_signed_in');
          const found = await touchSession(options.query, token, now(), session);
          if (found.state !== 'active') return consoleFail(reply, 401, found.state === 'expired' ? 'session_expired' : 'not_signed_in');
          const staff = await staffById(options.query, found.staffId);
          if (!staff || staff.disabled) {
            await closeSession(options.query, token);
            return consoleFail(reply, 401, 'not_signed_in');
          }
          if (UNSAFE.has(request.method) && !sameToken(String(request.headers[CSRF_HEADER] ?? ''), found.csrf)) return consoleFail(reply, 403, 'csrf');
          if (request.routeOptions.config.countyOnly && staff.scope.kind !== 'county') return consoleFail(reply, 403, 'forbidden');
          request.consoleActor = { staff, csrf: found.csrf, token };
        });

        const sessionInfo = (staff: StaffRecord, csrf: string): SessionInfo => ({
          csrfToken: csrf,
          idleSeconds: Math.round(session.idleMs / 1000),
          staff: { id: staff.id, username: staff.username, displayName: staff.displayName, roles: staff.roles, scope: staff.scope },
        });

        api.post('/login', { config: { consolePublic: true } }, async (request, reply) => {
          const body = consoleBody(request, reply, LoginRequestSchema);
          if (!body) return reply;
          const at = now();
          const outcome = await consoleLogin(options.query, body.username, body.password, at, options.lockout ?? DEFAULT_LOCKOUT);
          const who = outcome.staff ? { id: outcome.staff.id, name: outcome.staff.displayName } : { id: null, name: null };
          const township = outcome.staff ? townshipOfScope(outcome.staff.scope) : null;
          if (!outcome.ok) {
            await audit(options.query, at, who, `login.${outcome.reason}`, outcome.staff?.id ?? null, township);
            if (outcome.reason === 'account_locked') return consoleFail(reply, 429, 'account_locked', { retryAt: new Date(outcome.retryAt).toISOString() });
            return consoleFail(reply, outcome.reason === 'bad_credentials' ? 401 : 403, outcome.reason);
          }
          const opened = await openSession(options.query, outcome.staff.id, at);
          await audit(options.query, at, who, 'login', outcome.staff.id, township);
          reply.setCookie(SESSION_COOKIE, opened.token, { httpOnly: true, sameSite: 'strict', path: '/console', secure: options.secureCookie ?? false });
          return sessionInfo(outcome.staff, opened.csrf);
        });

        api.get('/session', async (request) => {
          const actor = actorOf(request);
          return sessionInfo(actor.staff, actor.csrf);
        });

        api.post('/logout', async (request, reply) => {
          const actor = actorOf(request);
          await closeSession(options.query, actor.token);
          await audit(options.query, now(), auditActor(actor.staff), 'logout', actor.staff.id, townshipOfScope(actor.staff.scope));
          reply.clearCookie(SESSION_COOKIE, { path: '/console' });
          return { ok: true };
        });

        api.get('/points', async (request) => ({ points: await pointsInScope(options.query, actorOf(request).staff.scope) }));
        api.get('/audit', async (request) => ({ entries: await auditEntries(options.query, actorOf(request).staff.scope) }));

        for (const add of routes) add(api, options);

        api.setNotFoundHandler((_request, reply) => consoleFail(reply, 404, 'not_found'));
        api.setErrorHandler((error: { statusCode?: number }, request, reply) => {
          const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
          // As the gateway's own handler (server.ts): a failure is logged here or nowhere (masked, gateway-log.ts).
          if (status === 500) request.log.error({ err: error }, 'request failed');
          return consoleFail(reply, status, status === 500 ? 'internal' : 'invalid_body');
        });
      },
      { prefix: '/api' },
    );

    if (options.staticDir && fs.existsSync(path.join(options.staticDir, 'index.html'))) {
      await app.register(fastifyStatic, { root: path.resolve(options.staticDir), index: ['index.html'], dotfiles: 'deny', wildcard: true });
    }
  };
}

/** Where the build puts the console page, seen from the compiled gateway (dist/county/console -> dist/console). */
export const DEFAULT_CONSOLE_DIR = path.resolve(__dirname, '..', '..', 'console');
