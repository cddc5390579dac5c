import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'status500' | 'status503' | 'timeout' | 'resetMidBody' | 'dropResponse' | 'duplicate' | 'garbage';
export const FAULTS: readonly Fault[] = ['status500', 'status503', 'timeout', 'resetMidBody', 'dropResponse', 'duplicate', 'garbage'];

/**
 * An HTTP proxy between kiosk and county that breaks requests on purpose: server errors, a county that never
 * answers, a connection reset half-way through the request body, a response lost after the county stored the
 * batch, a request delivered twice, a garbled answer. `choose` decides per request.
 */
export async function startFaultProxy(
  target: string,
  choose: (method: string, path: string) => Fault,
  /** Rewrites the county's answer on requests that pass (a corrupt download that still looks like HTTP 200). */
  rewrite: (path: string, body: Buffer) => Buffer = (_p, b) => b,
): Promise<{ url: string; counts: Record<Fault, number>; close(): Promise<void> }> {
  const counts = Object.fromEntries(['pass', ...FAULTS].map((f) => [f, 0])) as Record<Fault, number>;
  const upstream = new URL(target);
  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const fault = choose(req.method ?? 'GET', req.url ?? '/');
    counts[fault] += 1;
    const chunks: Buffer[] = [];
    let seen = 0;
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      seen += c.length;
      // Cut the connection once part of the body has arrived: the county never sees this request.
      if (fault === 'resetMidBody' && seen > 0) req.socket.destroy();
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      void (async () => {
        try {
          switch (fault) {
            case 'resetMidBody':
              req.socket.destroy();
              return;
            case 'status500':
            case 'status503':
              res.writeHead(fault === 'status500' ? 500 : 503, { 'content-type': 'application/json' }).end('{"error":"injected"}');
              return;
            case 'timeout':
              return; // hold the request open; the kiosk's timeout ends it
            case 'garbage':
              await forward(req, body);
              res.writeHead(200, { 'content-type': 'application/json' }).end('{"results": [tru');
              return;
            case 'dropResponse':
              await forward(req, body); // the county acts on it...
              req.socket.destroy(); // ...and the answer never reaches the kiosk
              return;
            case 'duplicate': {
              const first = await forward(req, body);
              await forward(req, body).catch(() => undefined); // the same bytes again (the county refuses the replayed nonce)
              res.writeHead(first.status, first.headers).end(first.body);
              return;
            }
            case 'pass': {
              const answer = await forward(req, body);
              const out = rewrite(req.url ?? '/', answer.body);
              res.writeHead(answer.status, { ...answer.headers, 'content-length': String(out.length) }).end(out);
              return;
            }
          }
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A small seeded PRNG (mulberry32) so a failing fault run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
