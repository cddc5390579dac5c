// A kiosk process for the kill tests: submits until the store holds `target` submissions, running a sync round
// every few submissions, and prints "ANSWERED <id>" only after each submit has returned (as the API would answer).
// With "drain" it only syncs until the outbox is empty, then exits 0. The test bundles it with esbuild and runs it.
import fs from 'node:fs';
import path from 'node:path';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { KioskStore } from '../../src/main/store/kiosk-store';
import { outboxCounts } from '../../src/main/store/outbox';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { sampleSubmission } from '../support/store-fixtures';

const [dataDir, countyUrl, kioskId, secret, mode, targetText] = process.argv.slice(2) as [string, string, string, string, 'run' | 'drain', string];
const target = Number(targetText);
const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const store = KioskStore.open({ dataDir, keeper: new FileKeyKeeper(path.join(dataDir, 'keys', 'kek')) });
  const engine = new SyncEngine({
    store,
    client: new HttpCountyClient({ baseUrl: countyUrl, kioskId, secret, timeoutMs: 2000 }),
    kioskId,
    appVersion: 'durability',
    log: createMemoryLogger('warn').logger,
    batchMaxItems: 8,
    chunkBytes: 4096,
    backoff: { baseMs: 10, capMs: 50 },
  });
  say('READY');
  if (mode === 'drain') {
    for (let i = 0; i < 200 && outboxCounts(store.db).pending > 0; i++) await engine.runRound();
    const counts = outboxCounts(store.db);
    say(`DRAINED ${counts.pending} ${counts.acknowledged} ${counts.rejected}`);
    store.close();
    return;
  }
  let n = (store.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
  while (n < target) {
    const receipt = store.submit(
      sampleSubmission(n % 6, { itemCode: 'JOB-05', attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg', data: Buffer.from(`page ${n} ${process.pid} `.repeat(40)) }] }),
      new Date(),
    );
    say(`ANSWERED ${receipt.submissionId}`);
    n += 1;
    if (n % 7 === 0) {
      say('ROUND');
      await engine.runRound();
    }
  }
  say('DONE');
  store.close();
}

void main().catch((error: unknown) => {
  say(`ERROR ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
