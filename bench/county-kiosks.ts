/**
 * Kiosks for bench/county-intake.bench.ts, in a process of their own so their signing, JSON and HTTP work does not
 * run on the gateway's event loop (in one process the bench measured the clients as much as the gateway). Reads
 * {url, kiosks, perKiosk, batch} as JSON from argv, says "ready", waits for "go" on stdin, then every kiosk sends its
 * batches one after another, all kiosks at once, and prints {ms} once every batch is answered (or fails loudly).
 */
import readline from 'node:readline';
import { HttpCountyClient } from '../src/main/sync/http-county-client';
import { intakeItem } from './county-intake-items';

const { url, kiosks, perKiosk, batch } = JSON.parse(process.argv[2]!) as { url: string; kiosks: Array<{ id: string; secret: string }>; perKiosk: number; batch: number };

async function main(): Promise<void> {
  const clients = kiosks.map((k) => new HttpCountyClient({ baseUrl: url, kioskId: k.id, secret: k.secret, timeoutMs: 120_000 }));
  // Every batch made before the clock starts: the gateway's time is measured, not the making of test data.
  const batches = kiosks.map((_, k) => Array.from({ length: perKiosk / batch }, (_, b) => Array.from({ length: batch }, (_, i) => intakeItem(k, b * batch + i))));
  process.stdout.write('ready\n');
  const input = readline.createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => input.once('line', () => resolve()));
  input.close();
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (client, k) => {
      for (const items of batches[k]!) {
        const answer = await client.sendBatch(items);
        if (answer.results.some((r) => r.status !== 'accepted')) throw new Error(`kiosk ${k}: ${JSON.stringify(answer.results.find((r) => r.status !== 'accepted'))}`);
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0 })}\n`);
  for (const c of clients) c.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
