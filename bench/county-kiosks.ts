/**
 * Kiosks for bench/county-intake.bench.ts, in a process of their own so their work does not run on the gateway's
 * event loop (in one process the bench measured the clients as much as the gateway). Reads {url, kiosks, perKiosk,
 * batch, from} as JSON from argv (kiosk k sends items from..from+perKiosk-1, fresh ones each round of the bench);
 * makes and signs every request first (each kiosk does this on its own machine; a signature
 * stays valid within the allowed clock skew), says "ready", waits for "go" on stdin, then every kiosk sends its batches
 * one after another, all kiosks at once, and prints {ms, cpuMs} (its own CPU time meanwhile) once every batch is answered accepted (or fails loudly).
 */
import readline from 'node:readline';
import { RequestSigner } from '../src/main/sync/request-signer';
import { intakeItem } from './county-intake-items';

const { url, kiosks, perKiosk, batch, from } = JSON.parse(process.argv[2]!) as { url: string; kiosks: Array<{ id: string; secret: string }>; perKiosk: number; batch: number; from: number };
const PATH = '/v1/sync/batches';

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
        const res = await fetch(`${url}${PATH}`, { method: 'POST', headers, body });
        const answer = (await res.json()) as { results?: Array<{ status: string }> };
        if (res.status !== 200 || answer.results?.length !== batch || answer.results.some((r) => r.status !== 'accepted')) throw new Error(`kiosk ${k}: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
