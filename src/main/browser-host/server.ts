import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { KioskError, MAX_MESSAGE_BYTES, WireRequestSchema } from '../../shared/contract';
import type { KioskCore } from '../core';
import { contentSecurityPolicy, inlineHashes } from '../csp';
import { coreSiteInfo, DEFAULT_FIRST_SCREENS_BUNDLE, firstScreensPage } from '../page/first-screens-page';
import { LaunchHandover } from './launch-handover';
import { serveRendererFiles } from './renderer-files';

export interface BrowserHostOptions {
  core: KioskCore;
  /** 0 = any free port. */
  port?: number;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  /** The renderer's first-screens bundle put into the page (page/first-screens-page.ts); default DEFAULT_FIRST_SCREENS_BUNDLE. */
  firstScreensBundle?: string;
  /** How long `warmUp()` may take before the host goes on without it; default WARM_UP_LIMIT_MS. */
  warmUpLimitMs?: number;
}

export interface BrowserHost {
  readonly origin: string;
  readonly port: number;
  /** The launch token: kept in the launch file (0600) and sent by non-browser clients as `Authorization: Bearer`. */
  readonly token: string;
  /** The page URL with the launch token: written to the launch file, never printed. */
  readonly url: string;
  /** A page URL with a one-time code (spent on first use): what Chromium is started with. */
  oneTimeUrl(): string;
  /**
   * Loads and renders the first screens once, then answers the page once over HTTP to itself, so the browser's first
   * load pays for neither (a fresh process compiles its request path on first use: ~10 ms). Never rejects, and gives
   * up after `warmUpLimitMs` (a core that cannot answer `site.info` must not keep the host from saying ready).
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export const API_PATH = '/api';

/** Where the page itself is answered (with the first screens in it). */
const PAGE_PATHS = ['/', '/index.html'];
/** The render takes ~60 ms and the page's answer a few; far longer means something is stuck. */
export const WARM_UP_LIMIT_MS = 3000;

/** One GET of the page on this host's own socket, its answer read and dropped; a failure is logged, never thrown. */
function answerPageOnce(origin: string, log: KioskCore['log'], signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const failed = (error: Error) => {
      if (!signal.aborted) log.warn({ err: error }, 'warming the page route failed');
      resolve();
    };
    http
      .get(`${origin}/`, { headers: { accept: 'text/html' }, signal }, (response) => {
        response.on('error', failed);
        response.on('end', () => resolve());
        response.resume();
      })
      .on('error', failed);
  });
}

/**
 * The browser-host carrier: serves the built renderer on 127.0.0.1 and carries the contract over one WebSocket
 * at /api. Opening the page with the launch token or a one-time code swaps it for an HttpOnly session cookie
 * (see launch-handover.ts). The socket is refused without that cookie or a bearer launch token (401), and a
 * cookie from another origin's page is refused (403). Every call goes to the core's dispatcher; this file holds
 * no kiosk logic.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core } = options;
  const log = core.log.child({ carrier: 'ws' });
  const handover = new LaunchHandover();
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built: ${options.rendererDir}/index.html is missing (run npm run build)`);
  }

  // Closing ends every connection at once, not only idle ones: a connection with a request still in progress (a
  // browser's, cut off mid-way) held the host's stop for up to the keep-alive timeout, 72 s. launch.spec.ts's reload
  // test hung so in about one run of seven; the client that stops the host is local and going away anyway.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024, forceCloseConnections: true });
  let origin = '';
  app.addHook('onSend', async (_request, reply, payload) => {
    // The page's route sets its own, with its inline script and styles' hashes.
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', contentSecurityPolicy(origin.replace(/^http/, 'ws')));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });
  // The launch link: a valid token or one-time code becomes the session cookie.
  // - The one-time code on the page's own path (Chromium's launch URL) is answered with the page at once: a redirect
  //   was one more round trip before the first frame. The code is spent by then, and the page's first script takes
  //   it out of the address bar, so a reload asks for the page itself (first-paint/launch-link.ts).
  // - The launch token is only ever redirected to `/`: it opens the kiosk again, so it must never reach the page,
  //   where its scripts could read it from the address or the navigation entry.
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const token = typeof query.token === 'string' ? query.token : null;
    const code = typeof query.code === 'string' ? query.code : null;
    if (token === null && code === null) return;
    const pathname = request.url.split('?')[0] ?? '';
    const session = handover.exchange({ token, code });
    if (!session) {
      log.warn({ path: pathname.slice(0, 200) }, 'launch link refused (spent or wrong)');
      return reply.code(401).type('text/plain').send('This launch link is spent or wrong. Use the launch URL in the kiosk data dir.\n');
    }
    reply.header('Set-Cookie', LaunchHandover.cookie(session));
    if (token === null && request.method === 'GET' && PAGE_PATHS.includes(pathname)) return;
    return reply.code(303).header('Location', '/').send();
  });
  // The page itself, with the first screens already in it; every other file of the renderer as built. No index for
  // the static files, so `/` is only ever this route.
  const page = firstScreensPage({
    rendererDir: options.rendererDir,
    bundleFile: options.firstScreensBundle ?? DEFAULT_FIRST_SCREENS_BUNDLE,
    siteInfo: coreSiteInfo(core),
    log: core.log,
  });
  for (const url of PAGE_PATHS) {
    app.get(url, async (_request, reply) => {
      let html: string;
      try {
        html = await page.html();
      } catch (error) {
        // No index.html at all (an update half done): the same answer the static files give for a missing file.
        log.warn({ err: error }, 'the page cannot be read');
        return reply.code(404).type('text/plain').send('not found\n');
      }
      return reply
        .header('Content-Security-Policy', contentSecurityPolicy(origin.replace(/^http/, 'ws'), inlineHashes(html)))
        .type('text/html; charset=utf-8')
        .send(html);
    });
  }
  await serveRendererFiles(app, options.rendererDir);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  // Everything in here runs on bytes any local client sends: a throw must become an answer, never a crash.
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log.warn({ err: error }, 'upgrade socket error'));
    try {
      handleUpgrade(request, socket, head);
    } catch (error) {
      log.warn({ err: error }, 'upgrade failed');
      refuseUpgrade(socket, 400, 'bad request');
    }
  });

  function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, reason: string): void {
    const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
    if (!socket.destroyed) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      log.warn({ status: 400, reason: 'unparseable path' }, 'websocket refused');
      return refuseUpgrade(socket, 400, 'bad request');
    }
    const refuse = (status: 401 | 403 | 404, reason: string): void => {
      log.warn({ status, reason, path: url.pathname.slice(0, 200), origin: request.headers.origin?.slice(0, 200) ?? null }, 'websocket refused');
      refuseUpgrade(socket, status, reason);
    };
    if (url.pathname !== API_PATH) return refuse(404, 'no such endpoint');
    // A non-browser client proves itself with the launch token from the 0600 file; an Origin header it sends
    // proves nothing. A browser proves itself with the cookie, and the Origin its page cannot forge.
    if (!handover.isBearer(request.headers.authorization)) {
      if (!handover.isBrowserSession(request.headers.cookie)) return refuse(401, 'missing or wrong launch credentials');
      if (request.headers.origin !== origin) return refuse(403, 'origin not allowed');
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  }

  function serveSocket(ws: WebSocket): void {
    const connection = core.newConnection('ws');
    sockets.add(ws);
    log.info({ connection: connection.id }, 'screen connected');
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      void handleMessage(raw, isBinary).then(
        (reply) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(reply)),
        (error: unknown) => log.error({ err: error }, 'message handling failed'),
      );
    });
    ws.on('close', () => {
      sockets.delete(ws);
      core.dropConnection(connection);
      log.info({ connection: connection.id }, 'screen disconnected');
    });
    ws.on('error', (error) => log.warn({ err: error }, 'socket error'));

    async function handleMessage(raw: RawData, isBinary: boolean): Promise<unknown> {
      const invalid = (reason: string, id: unknown = null) => ({
        id: typeof id === 'number' || typeof id === 'string' ? id : null,
        error: new KioskError('invalid_request', { details: { reason } }).toPayload(),
      });
      if (isBinary) return invalid('binaryFrame');
      let message: unknown;
      try {
        message = JSON.parse(raw.toString());
      } catch {
        return invalid('notJson');
      }
      const request = WireRequestSchema.safeParse(message);
      if (!request.success) return invalid('notARequest', (message as { id?: unknown } | null)?.id);
      const outcome = await core.dispatcher.dispatch(connection, request.data.method, request.data.params);
      return { id: request.data.id, ...outcome };
    }
  }

  const unsubscribe = core.events.subscribe((event, data) => {
    const text = JSON.stringify({ event, data });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const port = new URL(address).port;
  origin = `http://127.0.0.1:${port}`;
  log.info({ origin }, 'browser host listening');

  return {
    origin,
    port: Number(port),
    token: handover.token,
    url: `${origin}/?token=${handover.token}`,
    oneTimeUrl: () => `${origin}/?code=${handover.newCode()}`,
    warmUp: async () => {
      const limitMs = options.warmUpLimitMs ?? WARM_UP_LIMIT_MS;
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), limitMs);
      const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
      await Promise.race([page.warm(), stopped]);
      if (!stop.signal.aborted) await answerPageOnce(origin, log, stop.signal);
      clearTimeout(timer);
      if (stop.signal.aborted) log.warn({ limitMs }, 'warm-up not done in time; the host goes on without it');
    },
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await app.close();
    },
  };
}
