import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCountyDatabase } from '../../src/county/db/connection';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import { REPORT_USAGE } from '../../src/county/report-cli';
import { call, signIn } from '../support/console-fixtures';
import { freshCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';
import { makeCertificate } from '../support/tls-certificate';

/**
 * `npm run county` (src/county/cli.ts) as its own process, run from source (tsx) with real arguments: each argument
 * it refuses (exit 2 and why on stderr, before or after the county started), --help, the report subcommand's exit
 * code, a county answering on the port asked (or any free one) with the admin token given (or a random one printed),
 * each --kiosk registered, --seed demo's store and console, --silent-after as the console's fleet reports it, HTTPS
 * with --tls-key and --tls-cert, a start that fails (exit 1), and SIGTERM and SIGINT closing it with exit 0.
 * Its main() runs at import and ends the process, so only a child process reaches it: Stryker runs this file with
 * `--coverageAnalysis off` (the child reads the active mutant from the environment it inherits). Each process costs
 * a second or more of CPU (tsx and the gateway's modules), so the tests go from the cheapest to the dearest and start
 * their processes side by side. `--help` and `--port` are readCommandLine's, tested in command-line.test.ts.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'county', 'cli.ts');
// By file URL, so a child started in another directory (./county-data by default) still finds the loader.
const TSX = pathToFileURL(require.resolve('tsx')).href;
const EXIT_WITH_PARENT = path.join(__dirname, '..', 'support', 'exit-with-parent.cjs');
const ADMIN = 'cli-admin-token';
// Generous bounds for a loaded 2-core machine: a process that should have ended by then is killed and its test fails.
const EXIT_BOUND_MS = 60_000;
const STOP_BOUND_MS = 20_000;
jest.setTimeout(180_000);

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface CountyProcess {
  child: ChildProcess;
  /** The URL of its "county ready: URL" line; rejects if it ends first. */
  ready: Promise<string>;
  ended: Promise<Ended>;
  stdout(): string;
}

// Under a mutation run (Stryker puts the active mutant in the environment) the first failing test is enough: the
// later ones return at once instead of starting more processes. A normal run runs every test.
const MUTATION_RUN = process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined;
let failedBefore = false;
function step(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    if (MUTATION_RUN && failedBefore) return;
    try {
      await body();
    } catch (error) {
      failedBefore = true;
      throw error;
    }
  });
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the command from source. `refused`: it must end without serving; a county that gets ready anyway is killed
 * at once (its test then fails on the exit) rather than left to the bound.
 */
function startCommand(args: string[], options: { cwd?: string; refused?: boolean } = {}): CountyProcess {
  const child = spawn(process.execPath, ['--require', EXIT_WITH_PARENT, '--import', TSX, CLI, ...args], { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // A command that must refuse has to end by itself; a serving county is ended by stop() or, at the end, afterAll.
  const bound = options.refused ? setTimeout(() => child.kill('SIGKILL'), EXIT_BOUND_MS) : undefined;
  const ended = new Promise<Ended>((resolve) =>
    child.once('close', (code, signal) => {
      clearTimeout(bound);
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /county ready: (\S+)\n/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void ended.then((e) => reject(new Error(`the county ended (${e.code ?? e.signal}) before it was ready: ${e.stderr}`)));
  });
  void ready.then(
    () => options.refused && child.kill('SIGKILL'),
    () => undefined,
  );
  return { child, ready, ended, stdout: () => stdout };
}

/** Sends the signal and waits for the process to end (killed at STOP_BOUND_MS if it does not). */
async function stop(county: CountyProcess, signal: NodeJS.Signals): Promise<Ended> {
  county.child.kill(signal);
  const bound = setTimeout(() => county.child.kill('SIGKILL'), STOP_BOUND_MS);
  try {
    return await county.ended;
  } finally {
    clearTimeout(bound);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A data dir and, on PostgreSQL, a fresh database: the arguments that point a county at them. */
async function freshStore(prefix: string): Promise<{ dataDir: string; database: string | undefined; args: string[] }> {
  const dataDir = tempDataDir(prefix);
  const database = await freshCountyDatabase();
  return { dataDir, database, args: ['--data-dir', dataDir, ...(database ? ['--database', database] : [])] };
}

/** Reads the county's store after its process ended. */
async function readStore<T>(dataDir: string, database: string | undefined, read: (q: Awaited<ReturnType<typeof openCountyDatabase>>['query']) => Promise<T>): Promise<T> {
  const county = await openCountyDatabase({ dataDir, ...(database ? { database } : {}) });
  try {
    return await read(county.query);
  } finally {
    await county.close();
  }
}


/** GET /admin/v1/stats over HTTPS, trusting only the given certificate. */
function stats(url: string, ca: Buffer, token?: string): Promise<{ status: number | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    https
      .get(`${url}/admin/v1/stats`, { ca, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(body) as unknown }));
      })
      .on('error', reject);
  });
}
const NO_ITEMS = { items: 0, distinctIds: 0, deliveries: 0, duplicatesRefused: 0, attachmentsComplete: 0 };
const refusedWith = (stderr: string): Ended => ({ code: 2, signal: null, stdout: '', stderr: `${stderr}\n` });

describe('the county command', () => {
  step('refuses what it cannot run before starting, with exit code 2 and why on stderr; report runs the report command', async () => {
    const dataDir = tempDataDir('county-cli-refused-');
    const refused: Array<[string[], string]> = [
      [['--seed', 'full'], '--seed knows only "demo", got "full"'],
      [['--tls-key', path.join(dataDir, 'county.key')], '--tls-key and --tls-cert go together'],
      [['--silent-after', '0'], '--silent-after must be a whole number of seconds above 0, got "0"'],
      [['--silent-after', '1.5'], '--silent-after must be a whole number of seconds above 0, got "1.5"'],
    ];
    const runs = refused.map(([args]) => startCommand([...args, '--data-dir', dataDir], { refused: true }).ended);
    const unknown = startCommand(['--colour', 'red', '--data-dir', dataDir], { refused: true }).ended;
    const report = startCommand(['report', '--month', '2026-13', '--data-dir', dataDir], { refused: true }).ended;
    expect(await Promise.all(runs)).toEqual(refused.map(([, stderr]) => refusedWith(stderr)));
    const colour = await unknown;
    expect([colour.code, colour.stdout]).toEqual([2, '']);
    expect(colour.stderr).toMatch(/^Unknown option '--colour'.*\nusage: npm run county -- \[--port N\]/s);
    expect(colour.stderr.endsWith(`\n${REPORT_USAGE}\n`)).toBe(true);
    // The report subcommand: its own arguments, its words on stdout, its exit code.
    expect(await report).toEqual({ code: 2, signal: null, stdout: `--month wants YYYY-MM, got "2026-13"\n${REPORT_USAGE}\n`, stderr: '' });
    // None of them started a county: nothing was written in the data dir.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  step('refuses a bad --kiosk after the county started (exit 2, the entry cut to 20 characters); a key it cannot read ends it with exit 1 and why', async () => {
    const entries = [':0123456789abcdef0123', 'kiosk-c:short-secret'];
    const stores = await Promise.all(entries.map(() => freshStore('county-cli-kiosk-')));
    const missing = path.join(stores[0]!.dataDir, 'missing.key');
    const failed = startCommand([...stores[0]!.args, '--tls-key', missing, '--tls-cert', missing], { refused: true }).ended;
    const ended = await Promise.all(entries.map((entry, i) => startCommand([...stores[i]!.args, '--kiosk', entry], { refused: true }).ended));
    expect(ended).toEqual(entries.map((entry) => refusedWith(`--kiosk wants ID:SECRET with a secret of at least 16 characters, got "${entry.slice(0, 20)}..."`)));
    expect(await readStore(stores[1]!.dataDir, stores[1]!.database, (q) => q.selectFrom('kiosks').selectAll().execute())).toEqual([]);
    expect(await failed).toEqual({ code: 1, signal: null, stdout: '', stderr: `county failed to start: ENOENT: no such file or directory, open '${missing}'\n` });
  });

  step('serves HTTPS on the port asked with the admin token given, registers each --kiosk, and ends with exit 0 on SIGTERM', async () => {
    const port = await freePort();
    const store = await freshStore('county-cli-run-');
    const own = makeCertificate(store.dataDir, 'county');
    const county = startCommand(['--port', String(port), ...store.args, '--admin-token', ADMIN, '--tls-key', own.keyFile, '--tls-cert', own.certFile, '--kiosk', `kiosk-a:${'a'.repeat(16)}`, '--kiosk', 'kiosk-b:with:colons-0123456789']);
    const url = await county.ready;
    expect(url).toBe(`https://127.0.0.1:${port}`);
    expect(await stats(url, own.cert, ADMIN)).toEqual({ status: 200, body: NO_ITEMS });
    expect((await stats(url, own.cert)).status).toBe(401);
    expect((await stats(url, own.cert, 'another-token')).status).toBe(401);
    expect(await stop(county, 'SIGTERM')).toEqual({ code: 0, signal: null, stdout: `admin token: ${ADMIN}\ncounty ready: ${url}\n`, stderr: '' });
    expect(fs.existsSync(path.join(store.dataDir, 'attachments'))).toBe(true);
    const stored = await readStore(store.dataDir, store.database, async (q) => ({
      kiosks: await q.selectFrom('kiosks').selectAll().orderBy('id').execute(),
      parts: await q.selectFrom('config_parts').select('part').execute(),
    }));
    // Split at the first colon only; nothing seeded without --seed.
    expect(stored).toEqual({ kiosks: [{ id: 'kiosk-a', secret: 'a'.repeat(16) }, { id: 'kiosk-b', secret: 'with:colons-0123456789' }], parts: [] });
  });

  step('with --seed demo in ./county-data by default: the demo store, a random admin token printed, the console told --silent-after; SIGINT ends it with 0', async () => {
    const cwd = tempDataDir('county-cli-cwd-');
    const database = await freshCountyDatabase();
    const county = startCommand(['--seed', 'demo', '--silent-after', '120', ...(database ? ['--database', database] : [])], { cwd });
    const url = await county.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    const [demoLine, tokenLine, readyLine, ...rest] = county.stdout().split('\n');
    expect([demoLine, readyLine, rest]).toEqual([`demo kiosk: ${DEMO_KIOSK_ID} / ${DEMO_KIOSK_SECRET} (demo only)`, `county ready: ${url}`, ['']]);
    const token = /^admin token: ([A-Za-z0-9_-]{24})$/.exec(tokenLine!)?.[1];
    expect(token).toBeDefined();
    const answer = await fetch(`${url}/admin/v1/stats`, { headers: { authorization: `Bearer ${token}` } });
    expect([answer.status, await answer.json()]).toEqual([200, NO_ITEMS]);

    // The console demo's county account signs in, and the fleet reports the silence limit given.
    const admin = await signIn({ url }, 'county');
    const fleet = await admin.call('GET', '/console/api/fleet');
    expect([fleet.status, fleet.body.silentAfterSeconds]).toEqual([200, 120]);
    expect((await call({ url }, 'GET', '/console/api/fleet')).status).toBe(401);

    expect(await stop(county, 'SIGINT')).toMatchObject({ code: 0, signal: null, stderr: '' });
    const stored = await readStore(path.join(cwd, 'county-data'), database, async (q) => ({
      kiosks: (await q.selectFrom('kiosks').select('id').orderBy('id').execute()).map((r) => r.id),
      parts: (await q.selectFrom('config_parts').select('part').orderBy('version').execute()).map((r) => r.part),
    }));
    expect(stored).toEqual({ kiosks: [DEMO_KIOSK_ID, 'demo-kiosk-2', 'demo-kiosk-3'], parts: ['staff', 'announcements', 'site', 'catalog'] });
  });
});
