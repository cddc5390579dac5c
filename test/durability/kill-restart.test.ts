import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import Database from 'better-sqlite3';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { countyStats, storedItems } from '../../src/county/county-state';
import type { CountyServer } from '../../src/county/server';
import { seededRandom, startFaultProxy } from '../support/fault-proxy';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

const WORKER_SOURCE = path.join(__dirname, 'kiosk-worker.ts');
const ROOT = path.resolve(__dirname, '..', '..');
let worker = '';

/** Bundles the worker once (node starts a bundle in ~0.1 s, tsx needs seconds on a busy CI machine). */
function bundleWorker(): string {
  const out = path.join(tempDataDir('kiosk-worker-'), 'kiosk-worker.cjs');
  buildSync({ entryPoints: [WORKER_SOURCE], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3', 'pino', 'pino-roll'], logLevel: 'error' });
  return out;
}
const TARGET = 300;
const MAX_KILLS = 30;

interface Life {
  answered: string[];
  lines: string[];
  exit: Promise<number | null>;
  kill(): void;
  ready: Promise<void>;
  /** Called when the worker starts a sync round (so some kills land inside one). */
  onSyncRound(f: () => void): void;
}

function startWorker(dataDir: string, countyUrl: string, mode: 'run' | 'drain'): Life {
  const child = spawn(process.execPath, [worker, dataDir, countyUrl, TEST_KIOSK.id, TEST_KIOSK.secret, mode, String(TARGET)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  const answered: string[] = [];
  const lines: string[] = [];
  let buffer = '';
  let markReady: () => void = () => undefined;
  let onRound: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line === 'READY') markReady();
      if (line === 'ROUND') onRound();
      // Only a whole line counts: the resident saw the answer only if it was fully written.
      if (line.startsWith('ANSWERED ')) answered.push(line.slice(9));
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exit.then(() => markReady());
  return { answered, lines, exit, ready, kill: () => child.kill('SIGKILL'), onSyncRound: (f: () => void) => (onRound = f) };
}

describe('durability: SIGKILL at random points during submissions and sync rounds', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    worker = bundleWorker();
  });
  afterAll(() => county.close());

  it('every answered submission reaches the county exactly once after restarts', async () => {
    const dataDir = tempDataDir('kiosk-kill-');
    const random = seededRandom(4242);
    const answered = new Set<string>();
    let kills = 0;
    let finished = false;
    // The kiosk talks to the county through a pass-through proxy, so a kill can also land exactly after the county
    // stored a batch and before its answer reaches the kiosk (the kiosk must send it again; the county says duplicate).
    let killOnBatchStored: (() => void) | null = null;
    const proxy = await startFaultProxy(county.url, () => 'pass', (p, body) => {
      if (p === '/v1/sync/batches' && killOnBatchStored) killOnBatchStored();
      return body;
    });
    while (!finished && kills < MAX_KILLS) {
      const life = startWorker(dataDir, proxy.url, 'run');
      await life.ready;
      let timer: NodeJS.Timeout;
      killOnBatchStored = null;
      if (kills % 3 === 2) {
        timer = setTimeout(() => life.kill(), 5_000);
        killOnBatchStored = () => {
          killOnBatchStored = null;
          life.kill();
        };
      } else if (kills % 3 === 0) {
        timer = setTimeout(() => life.kill(), Math.floor(random() * 250));
      } else {
        // Others die inside a sync round: claimed, uploading, sent, or settling.
        const delay = Math.floor(random() * 400);
        timer = setTimeout(() => life.kill(), 5_000);
        life.onSyncRound(() => {
          clearTimeout(timer);
          timer = setTimeout(() => life.kill(), delay);
        });
      }
      const code = await life.exit;
      clearTimeout(timer);
      for (const id of life.answered) answered.add(id);
      if (code === 0 && life.lines.includes('DONE')) finished = true;
      else if (code !== null) throw new Error(`worker failed: ${life.lines.filter((l) => l.startsWith('ERROR')).join('\n')}`);
      else kills += 1;
    }
    killOnBatchStored = null;
    await proxy.close();
    // Finish the remaining submissions, then drain the outbox, without kills.
    if (!finished) {
      const rest = startWorker(dataDir, county.url, 'run');
      expect(await rest.exit).toBe(0);
      for (const id of rest.answered) answered.add(id);
    }
    const drain = startWorker(dataDir, county.url, 'drain');
    expect(await drain.exit).toBe(0);
    expect(drain.lines.find((l) => l.startsWith('DRAINED'))).toMatch(/^DRAINED 0 \d+ 0$/);

    const kiosk = new Database(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const kioskIds = new Set((kiosk.prepare('SELECT id FROM submissions').all() as Array<{ id: string }>).map((r) => r.id));
    kiosk.close();
    const atCounty = storedItems(county.db);
    const countyIds = atCounty.map((i) => i.id);
    const stats = countyStats(county.db);
    const missing = [...answered].filter((id) => !countyIds.includes(id));
    console.log(`kills ${kills}; submitted ${kioskIds.size}; answered ${answered.size}; at county ${countyIds.length}; duplicate deliveries refused ${stats.duplicatesRefused}`);

    expect(kills).toBeGreaterThanOrEqual(10);
    expect(stats.duplicatesRefused).toBeGreaterThan(0); // kills did land between "county stored" and "kiosk settled"
    expect(kioskIds.size).toBe(TARGET);
    expect(answered.size).toBeLessThanOrEqual(TARGET);
    expect(missing).toEqual([]); // every answered submission is at the county
    expect(new Set(countyIds).size).toBe(countyIds.length); // ...once: duplicates stored = 0
    expect(countyIds.length).toBe(kioskIds.size); // and nothing the kiosk did not commit
    expect(countyIds.every((id) => kioskIds.has(id))).toBe(true);
  }, 180_000);
});
