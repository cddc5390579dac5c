import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { KioskError } from '../../shared/contract/errors';
import { WireRequestSchema } from '../../shared/contract/wire';
import type { Connection, Dispatcher } from '../dispatcher';
import type { Logger } from '../logging/logger';
import { isNamedPipe } from './control-endpoint';

/** Longest request line: control commands are small (no images travel here). */
const MAX_LINE_BYTES = 64 * 1024;
/** Unix socket paths are limited to ~108 bytes by the OS. */
const MAX_SOCKET_PATH = 100;

export interface ControlSocketCore {
  dispatcher: Dispatcher;
  newConnection(carrier: Connection['carrier']): Connection;
  dropConnection(connection: Connection): void;
  log: Logger;
}

export interface ControlSocket {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * The local control channel `kioskctl` uses, opened by the core itself so the Electron shell and the browser host
 * both have it: a Unix socket in the data dir (0700) with mode 0600, so only the kiosk's own user reaches it, or on
 * Windows a named pipe (control-endpoint.ts says where and who may use it).
 * Newline-delimited JSON, the same requests and answers as the WebSocket ({id, method, params} -> {id, result|error}).
 * A connection starts with the public role only; technician commands need `staff.login` first, as on the screen.
 */
export async function startControlSocket(core: ControlSocketCore, socketPath: string): Promise<ControlSocket | null> {
  const log = core.log.child({ carrier: 'control' });
  // A named pipe (Windows, control-endpoint.ts) lives in the pipe namespace: no file to prepare, chmod or remove.
  const pipe = isNamedPipe(socketPath);
  if (!pipe && socketPath.length > MAX_SOCKET_PATH) {
    log.warn({ socketPath }, 'control socket path too long for a Unix socket; kioskctl can use the launch URL');
    return null;
  }
  if (!pipe) {
    fs.mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
    fs.rmSync(socketPath, { force: true }); // a socket left by a core that was killed
  }
  const clients = new Set<net.Socket>();
  const server = net.createServer((socket) => serve(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Created 0600 from the start (umask), then chmod in case the umask was looser.
    const previous = process.umask(0o177);
    try {
      server.listen(socketPath, () => resolve());
    } finally {
      process.umask(previous);
    }
  });
  if (!pipe) fs.chmodSync(socketPath, 0o600);
  server.on('error', (error) => log.error({ err: error }, 'control socket failed'));
  log.info({ socketPath }, 'control socket listening');

  function serve(socket: net.Socket): void {
    const connection = core.newConnection('internal');
    clients.add(socket);
    let buffer = '';
    socket.setEncoding('utf8');
    const reply = (message: unknown) => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    };
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_LINE_BYTES && !buffer.includes('\n')) {
        reply({ id: null, error: new KioskError('invalid_request', { details: { reason: 'tooLong' } }).toPayload() });
        socket.end();
        return;
      }
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim()) void handle(line).then(reply, (error: unknown) => log.error({ err: error }, 'control request failed'));
      }
    });
    socket.on('close', () => {
      clients.delete(socket);
      core.dropConnection(connection);
    });
    socket.on('error', (error) => log.warn({ err: error }, 'control client error'));

    async function handle(line: string): Promise<unknown> {
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        return { id: null, error: new KioskError('invalid_request', { details: { reason: 'notJson' } }).toPayload() };
      }
      const request = WireRequestSchema.safeParse(message);
      if (!request.success) return { id: null, error: new KioskError('invalid_request', { details: { reason: 'notARequest' } }).toPayload() };
      const outcome = await core.dispatcher.dispatch(connection, request.data.method, request.data.params);
      return { id: request.data.id, ...outcome };
    }
  }

  return {
    path: socketPath,
    close: async () => {
      for (const socket of clients) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!pipe) fs.rmSync(socketPath, { force: true });
    },
  };
}
