import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { KioskError, MAX_MESSAGE_BYTES, WireRequestSchema } from '../../shared/contract';
import type { KioskCore } from '../core';
import { contentSecurityPolicy } from '../csp';
import { newLaunchToken, tokenMatches } from './security';

export interface BrowserHostOptions {
  core: KioskCore;
  /** 0 = any free port. */
  port?: number;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  token?: string;
}

export interface BrowserHost {
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** The page URL with the launch token: what Chromium (or a test) opens. */
  readonly url: string;
  close(): Promise<void>;
}

export const API_PATH = '/api';

/**
 * The browser-host carrier: serves the built renderer on 127.0.0.1 and carries the contract over one WebSocket
 * at /api. The socket is refused without the launch token (401) or from another origin (403). Every call goes
 * to the core's dispatcher; this file holds no kiosk logic.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core } = options;
  const log = core.log.child({ carrier: 'ws' });
  const token = options.token ?? newLaunchToken();
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built: ${options.rendererDir}/index.html is missing (run npm run build)`);
  }

  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 });
  let origin = '';
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy(origin.replace(/^http/, 'ws')));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });
  await app.register(fastifyStatic, { root: path.resolve(options.rendererDir), index: ['index.html'], dotfiles: 'deny' });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', origin);
    const refuse = (status: 401 | 403 | 404, reason: string): void => {
      log.warn({ status, reason, path: url.pathname, origin: request.headers.origin ?? null }, 'websocket refused');
      const text = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
    };
    if (url.pathname !== API_PATH) return refuse(404, 'no such endpoint');
    if (!tokenMatches(token, url.searchParams.get('token'))) return refuse(401, 'missing or wrong launch token');
    if (request.headers.origin !== origin) return refuse(403, 'origin not allowed');
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

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
    token,
    url: `${origin}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await app.close();
    },
  };
}
