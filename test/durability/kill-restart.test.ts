import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import Database from 'better-sqlite3';
import { DEMO_SITE_CONFIG } from '../../src/main/config/load-site-config';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { countyStats, storedItems } from '../../src/county/county-state';
import type { MethodParams } from '../../src/shared/contract';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { seededRandom, startFaultProxy } from '../support/fault-proxy';
import { TEST_KIOSK, countyAttachment, countyPayloads, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { connectKiosk, type NodeKioskConnection } from '../support/node-kiosk-client';
import { tempDataDir } from '../support/store-fixtures';

/**
 * kill -9 of the whole browser-host process (src/main/browser-host/cli.ts, bundled once) while a screen submits over
 * its WebSocket with the typed client and the kiosk syncs with a county. Every life ends in a SIGKILL at a point
 * chosen by a seeded generator and counted in events, not time:
 *  - "write": right after the N-th SQLite write statement or file write/fsync/rename (start-up, the submit
 *    transaction, attachment files, sync bookkeeping: wherever the N-th one falls);
 *  - "outbox": right after the N-th statement that changes the outbox (claiming or settling inside a sync round);
 *  - "countyStored": when the county has stored the N-th batch and before its answer reaches the kiosk.
 * KILLS (default 12) sets how many; KILL_SEED replays a run (the seed is printed, and named in any failure).
 */
const KILLS = Number(process.env.KILLS ?? 12);
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);
const ROOT = path.resolve(__dirname, '..', '..');
const ITEM = 'JOB-05';
/** A life that submits this many times without reaching its kill point is a broken test, not a slow machine. */
const MAX_SUBMITS_PER_LIFE = 400;

type Plan = { kind: 'write'; n: number } | { kind: 'outbox'; n: number } | { kind: 'countyStored'; n: number };
type SubmitInput = MethodParams<'applications.submit'>;
interface Sent {
  input: SubmitInput;
  residentIndex: number;
  page: Buffer;
}

/** Sample residents whose resident ID card is valid today (identify refuses the others). */
const TODAY = new Date().toISOString().slice(0, 10);
const CITIZENS = SAMPLE_RESIDENTS.filter((r) => r.documentType === 'residentIdCard' && (r.validUntil === 'long-term' || r.validUntil > TODAY)).map((r) => r.index);

/** Left to node_modules: native addons, and pino with its file transport (pino loads it by module name). */
const NATIVE_OR_LOADED_BY_NAME = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'pino', 'pino-roll'];

/** Bundles the host once: a bundle starts in a fraction of the time tsx needs on a busy 2-core machine. */
function bundleHost(): string {
  // Inside the project so its node_modules resolve (pino loads its file transport by module name).
  const out = path.join(ROOT, 'node_modules', '.cache', 'kiosk-durability', `kiosk-host-${process.pid}.cjs`);
  buildSync({ entryPoints: [path.join(__dirname, 'kiosk-host-entry.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', external: NATIVE_OR_LOADED_BY_NAME });
  return out;
}

/** Submission number `serial`: its address and page carry the serial, so the county's copy can be matched to it. */
function submissionInput(serial: number): { input: SubmitInput; page: Buffer } {
  const page = Buffer.from(`termination proof ${serial} `.repeat(30 + (serial % 50)));
  return {
    page,
    input: {
      itemCode: ITEM,
      form: { leaveReason: 'contractEnded', leftOn: '2026-10-01', education: 'junior', phone: `138${String(10_000_000 + serial).slice(-8)}`, address: `北格镇张花村东街${serial}号`, promise: true },
      attachments: [{ materialCode: 'terminationProof', mime: 'image/jpeg', dataBase64: page.toString('base64') }],
    },
  };
}

describe('durability: kill -9 of the browser-host process during submissions and sync rounds', () => {
  let county: TestCounty;
  let bundle = '';
  const children = new Set<ReturnType<typeof spawn>>();
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    bundle = bundleHost();
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL'); // a test that timed out leaves its kiosk running
    fs.rmSync(bundle, { force: true });
    await county.close();
  });

  it(`every answered submission reaches the county exactly once, as submitted, after ${KILLS} kills`, async () => {
    console.log(`durability: KILLS=${KILLS} KILL_SEED=${SEED}`);
    try {
      await run();
    } catch (error) {
      (error as Error).message = `[replay with KILL_SEED=${SEED} KILLS=${KILLS}] ${(error as Error).message}`;
      throw error;
    }
  }, 60_000 + KILLS * 15_000);

  async function run(): Promise<void> {
    const random = seededRandom(SEED);
    const dataDir = tempDataDir('kiosk-kill-');
    const rendererDir = tempDataDir('kiosk-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kill test</title>');

    // The kiosk talks to the county through a pass-through proxy, so a kill can land after the county stored a
    // batch and before its answer reaches the kiosk (the kiosk must send it again; the county says duplicate).
    let onBatchStored: (() => void) | null = null;
    const proxy = await startFaultProxy(county.url, () => 'pass', (p, body) => {
      if (p === '/v1/sync/batches') onBatchStored?.();
      return body;
    });
    const configFile = path.join(dataDir, '..', `${path.basename(dataDir)}-site.json`);
    // Only the ID card reader: the other simulated devices add seconds of start-up handshakes to every life.
    const devices = (DEMO_SITE_CONFIG.devices ?? []).filter((d) => d.kind === 'idCardReader');
    fs.writeFileSync(configFile, JSON.stringify({ ...DEMO_SITE_CONFIG, devices, county: { url: proxy.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, syncIntervalSeconds: 5 } }));

    const sent = new Map<number, Sent>();
    const answered = new Map<string, { serial: number; trackingNumber: string }>();
    const killedAt: string[] = [];
    let serial = 0;

    /** One life of the kiosk process: start, (screen) identify and submit in bursts until the plan kills it. */
    async function life(plan: Plan | null): Promise<void> {
      const child = spawn(process.execPath, [bundle, '--no-browser', '--simulate', '--config', configFile, '--data-dir', dataDir], {
        env: { ...process.env, KIOSK_RENDERER_DIR: rendererDir, ...(plan && plan.kind !== 'countyStored' ? { KIOSK_KILL_AT: JSON.stringify(plan) } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      let stdout = '';
      let stderr = '';
      let markReady: (url: string | null) => void = () => undefined;
      const ready = new Promise<string | null>((resolve) => (markReady = resolve));
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        // The launch URL (with its token) is in the data dir, never on stdout.
        if (/kiosk ready: /.test(stdout)) markReady(fs.readFileSync(path.join(dataDir, 'launch-url'), 'utf8').trim());
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      void exit.then(() => markReady(null));
      let batches = 0;
      onBatchStored =
        plan?.kind === 'countyStored'
          ? () => {
              batches += 1;
              if (batches === plan.n) {
                killedAt.push('countyStored batch answered');
                child.kill('SIGKILL');
              }
            }
          : null;

      const url = await ready;
      if (url) {
        const api = await connectKiosk(url).catch(() => null); // killed while the socket opened
        if (api) {
          await submitUntilKilled(api, plan === null);
          api.close();
        }
      }
      if (plan === null) child.kill('SIGTERM');
      const { code, signal } = await exit;
      onBatchStored = null;
      const said = /^KILLED (.*)$/m.exec(stdout);
      if (said) killedAt.push(said[1]!);
      if (plan === null ? code !== 0 : signal !== 'SIGKILL') {
        throw new Error(`kiosk ended with code ${code} signal ${signal} under plan ${JSON.stringify(plan)}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
      }
    }

    /** A screen's visit: one resident, bursts of submissions, each burst followed by waiting for the sync round. */
    async function submitUntilKilled(api: NodeKioskConnection, last: boolean): Promise<void> {
      const { client } = api;
      const lost = () => api.isClosed();
      const residentIndex = CITIZENS[Math.floor(random() * CITIZENS.length)]!;
      try {
        await client.invoke('dev.idCard.insert', { residentIndex });
        await client.invoke('session.identify', { source: 'idCard' });
        for (let submits = 0; !last; ) {
          const burst = 1 + Math.floor(random() * 5);
          for (let i = 0; i < burst; i++, submits++) {
            if (submits > MAX_SUBMITS_PER_LIFE) throw new Error(`no kill after ${MAX_SUBMITS_PER_LIFE} submissions`);
            serial += 1;
            const { input, page } = submissionInput(serial);
            sent.set(serial, { input, residentIndex, page });
            const receipt = await client.invoke('applications.submit', input);
            answered.set(receipt.submissionId, { serial, trackingNumber: receipt.trackingNumber });
          }
          await outboxEmpty(api);
        }
        await outboxEmpty(api);
      } catch (error) {
        if (!lost()) throw error;
      }
    }

    /**
     * Resolves when the kiosk says its outbox is empty, when the kiosk is gone, or after five sync progress reports
     * that still show items pending (a kiosk that stopped sending: the assertions below then say what is left).
     */
    async function outboxEmpty(api: NodeKioskConnection): Promise<void> {
      let settle: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (settle = resolve));
      let reports = 0;
      const off = api.client.on('sync.progress', (p) => (p.pending === 0 || ++reports >= 5) && settle());
      void api.closed.then(settle);
      const status = await api.client.invoke('sync.status', {}).catch(() => null);
      if (!status || status.pending === 0) settle();
      await done;
      off();
    }

    const planned: Plan[] = [];
    for (let k = 0; k < KILLS; k++) {
      const kind = (['write', 'outbox', 'countyStored'] as const)[k % 3]!;
      planned.push(kind === 'write' ? { kind, n: 1 + Math.floor(random() * 120) } : kind === 'outbox' ? { kind, n: 1 + Math.floor(random() * 8) } : { kind, n: 1 + Math.floor(random() * 2) });
    }
    try {
      for (const plan of planned) await life(plan);
      await life(null); // a last life without a kill sends what is left
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await proxy.close();
    }

    // What the kiosk committed, and what the county stored (read from its database: the record a clerk there sees).
    const kiosk = new Database(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const kioskIds = new Set((kiosk.prepare('SELECT id FROM submissions').all() as Array<{ id: string }>).map((r) => r.id));
    const outboxLeft = (kiosk.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state <> 'acknowledged'").get() as { n: number }).n;
    kiosk.close();
    const countyIds = (await storedItems(county.query)).map((i) => i.id);
    const stats = await countyStats(county.query);
    const kinds = killedAt.reduce<Record<string, number>>((acc, k) => ((acc[k.split(' ')[0]!] = (acc[k.split(' ')[0]!] ?? 0) + 1), acc), {});
    console.log(
      `durability: kills ${killedAt.length} ${JSON.stringify(kinds)}; submitted ${serial}; answered ${answered.size}; committed ${kioskIds.size}; at county ${countyIds.length}; duplicate deliveries refused ${stats.duplicatesRefused}\nkill points:\n  ${killedAt.join('\n  ')}`,
    );

    expect(killedAt).toHaveLength(KILLS); // every planned kill happened, at its event
    expect(outboxLeft).toBe(0);
    expect([...answered.keys()].filter((id) => !countyIds.includes(id))).toEqual([]); // every answered submission arrived
    expect(new Set(countyIds).size).toBe(countyIds.length); // ...once
    expect([...kioskIds].sort()).toEqual([...countyIds].sort()); // and nothing the kiosk did not commit
    if (KILLS >= 3) expect(stats.duplicatesRefused).toBeGreaterThan(0); // a kill landed between "county stored" and "kiosk settled"

    // Field by field: what the county holds is what the resident submitted, with the page's very bytes.
    const payloads = await countyPayloads(county.query);
    for (const id of countyIds) {
      const payload = payloads.get(id)!;
      const serialOf = Number(/东街(\d+)号/.exec(String((payload.form as Record<string, unknown>).address))?.[1]);
      const submitted = sent.get(serialOf);
      expect({ id, serial: serialOf, known: submitted !== undefined }).toEqual({ id, serial: serialOf, known: true });
      const { input, residentIndex, page } = submitted!;
      const resident = SAMPLE_RESIDENTS[residentIndex]!;
      const answer = answered.get(id);
      expect(payload).toEqual({
        submissionId: id,
        trackingNumber: answer ? answer.trackingNumber : expect.stringMatching(/^\d{8}-[0-9A-Z]{8}$/),
        itemCode: ITEM,
        serviceMode: 'self',
        operatorId: null,
        submittedAt: expect.any(String),
        resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'idCard' },
        form: input.form,
        attachments: [{ sha256: createHash('sha256').update(page).digest('hex'), materialCode: 'terminationProof', mime: 'image/jpeg', size: page.length }],
      });
      if (answer) expect(answer.serial).toBe(serialOf);
      expect(countyAttachment(county, createHash('sha256').update(page).digest('hex')).equals(page)).toBe(true);
    }
  }
});
