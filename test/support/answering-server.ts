import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server heard it: method, path with query, headers and the body's bytes. */
export interface HeardRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The client's port: two requests with the same one came over one kept-alive connection. */
  remotePort: number;
}

/** What the server does with a request once its body is in: write an answer, or cut, stall or trickle it. */
export type Answer = (heard: HeardRequest, res: http.ServerResponse) => void;

export interface AnsweringServer {
  url: string;
  /** Every request, in order. */
  heard: HeardRequest[];
  /** Sets the answer for the requests that follow (the default: 200 with `{}`). */
  answer(answer: Answer): void;
  /** Settles when every connection open now has closed (a client let go of its kept-alive sockets). */
  connectionsClosed(): Promise<void>;
  close(): Promise<void>;
}

/** The failure a call to the server ends with (null if it succeeded), to check its type and fields. */
export const failureOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => null,
    (error: unknown) => error,
  );

/** A JSON answer with a status and headers of the test's choosing. */
export function json(status: number, body: unknown, headers: Record<string, string | string[]> = {}): Answer {
  return (_heard, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
}

/**
 * A county stand-in on 127.0.0.1 (HTTP, or HTTPS with `tls`) that records what reaches it and answers as the test
 * says: the kiosk's HTTP client and transport are tested against real sockets in milliseconds, without a county.
 */
export async function startAnsweringServer(tls?: { key: Buffer; cert: Buffer }): Promise<AnsweringServer> {
  const heard: HeardRequest[] = [];
  const sockets = new Set<Socket>();
  let current: Answer = json(200, {});
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), remotePort: req.socket.remotePort ?? 0 };
      heard.push(request);
      current(request, res);
    });
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client cutting an answer short (too large, timed out) is what some tests want: not the server's failure.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    heard,
    answer: (answer) => {
      current = answer;
    },
    connectionsClosed: () => Promise.all([...sockets].map((s) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve()))))).then(() => undefined),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
