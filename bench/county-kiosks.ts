/**
 * Kiosks for bench/county-intake.bench.ts, in a process of their own so their work does not run on the gateway's
 * event loop (in one process the bench measured the clients as much as the gateway). Reads {url, kiosks, perKiosk,
 * batch, from} as JSON from argv (kiosk k sends items from..from+perKiosk-1, fresh ones each round of the bench);
 * makes and signs every request first (each kiosk does this on its own machine; a signature
 * stays valid within the allowed clock skew), says "ready", waits for "go" on stdin, then every kiosk sends its batches
 * one after another, all kiosks at once, and prints {ms, cpuMs} (its own CPU time meanwhile) once every batch is answered accepted (or fails loudly).
 */
import http from 'node:http';
import readline from 'node:readline';
import { RequestSigner } from '../src/main/sync/request-signer';
import { intakeItem } from './county-intake-items';

const { url, kiosks, perKiosk, batch, from } = JSON.parse(process.argv[2]!) as { url: string; kiosks: Array<{ id: string; secret: string }>; perKiosk: number; batch: number; from: number };
const PATH = '/v1/sync/batches';

/**
 * One POST over node:http with a kept-alive socket per kiosk. Global fetch (undici's WHATWG streams) cost this process
 * about 1.3 ms of CPU per request, on the same two cores as the gateway: the bench's own client, not the product, took
 * a core share from the gateway. Each kiosk is a machine of its own in a county; here they share one process.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });
function post(body: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const target = new URL(`${url}${PATH}`);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: PATH, method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const requests = kiosks.map((kiosk, k) => {
    const signer = new RequestSigner(kiosk.id, kiosk.secret);
    return Array.from({ length: perKiosk / batch }, (_, b) => {
      const body = Buffer.from(JSON.stringify({ kioskId: kiosk.id, items: Array.from({ length: batch }, (_, i) => intakeItem(k, from + b * batch + i)) }));
      return { body, headers: { 'content-type': 'application/json', ...signer.headers('POST', PATH, body) } };
    });
  });
  process.stdout.write('ready\n');
  const input = readline.createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => input.once('line', () => resolve()));
  input.close();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    requests.map(async (mine, k) => {
      for (const { body, headers } of mine) {
        const res = await post(body, headers);
        const answer = JSON.parse(res.text) as { results?: Array<{ status: string }> };
        if (res.status !== 200 || answer.results?.length !== batch || answer.results.some((r) => r.status !== 'accepted')) throw new Error(`kiosk ${k}: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  agent.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
