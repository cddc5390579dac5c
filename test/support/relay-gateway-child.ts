import readline from 'node:readline';
import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { BackOfficeRelay } from '../../src/county/back-office/relay';
import type { BackOffice, BackOfficeItem, OutcomeSink } from '../../src/county/back-office/port';
import { openCountyDatabase } from '../../src/county/db/connection';

/**
 * One gateway process handing stored items over to the reference back office: opens DATABASE (a postgres:// URL or
 * a SQLite file), says "ready", waits for "go" on stdin (so two of them start together), hands over until nothing is
 * left, and prints every delivery it made as one JSON line. Each batch takes a little while (as a real back office
 * would), so two processes' claims overlap.
 */
const [database, dataDir] = [process.argv[2]!, process.argv[3]!];

async function main(): Promise<void> {
  const county = await openCountyDatabase({ dataDir, database });
  const reference = new ReferenceBackOffice(county.query);
  const delivered: string[] = [];
  const recording: BackOffice = {
    name: 'recording',
    receive: (item, sink) => reference.receive(item, sink),
    async receiveAll(items: readonly BackOfficeItem[], sink: OutcomeSink) {
      await reference.receiveAll(items, sink);
      await new Promise((resolve) => setTimeout(resolve, 40));
      delivered.push(...items.map((i) => i.deliveryId));
    },
    advance: (now, sink) => reference.advance(now, sink),
  };
  const relay = new BackOfficeRelay(county.query, recording, () => new Date());
  process.stdout.write('ready\n');
  const input = readline.createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => input.once('line', () => resolve()));
  input.close();
  // Another gateway may still be committing its last batch: look again until two rounds in a row find nothing.
  for (let idle = 0; idle < 2; ) idle = (await relay.handOver()) === 0 ? idle + 1 : 0;
  process.stdout.write(`${JSON.stringify({ pid: process.pid, delivered })}\n`);
  await county.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
