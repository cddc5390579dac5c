/**
 * The monthly report over a busy month: 50,000 records of the point (submissions, prints, queries, inquiries, device
 * state changes) are counted and both files written (xlsx and the A4 PDF), against reading the same rows once with
 * plain SELECTs, in alternating rounds on the same database. Target (issue 13): at most 5x the read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { demoSiteConfig } from '../src/main/config/load-site-config';
import { FileKeyKeeper } from '../src/main/crypto/file-key-keeper';
import { countMonth } from '../src/main/report/report-counter';
import { reportPdf } from '../src/main/report/report-pdf';
import { KioskStore } from '../src/main/store/kiosk-store';
import { defaultCatalog } from '../src/shared/catalog/default-catalog';
import { layoutItems } from '../src/shared/report/report-layout';
import { monthRangeIso } from '../src/shared/report/report-month';
import { pointWorkbook } from '../src/shared/report/report-workbook';
import type { BenchFigure } from './types';

const MONTH = '2026-10';
const ROUNDS = 5;
const MIX = { submissions: 30_000, prints: 8_000, queries: 8_000, inquiries: 3_000, deviceEvents: 1_000 };
const CHANNELS = ['self', 'assisted', 'window', 'homeVisit', 'proxy'];

function fill(store: KioskStore): number {
  const { from, to } = monthRangeIso(MONTH);
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  const at = (i: number, n: number) => new Date(start + Math.floor((i / n) * span)).toISOString();
  const codes = defaultCatalog().items.map((i) => i.code);
  const db = store.db;
  db.transaction(() => {
    const sub = db.prepare("INSERT INTO submissions (id, tracking_number, item_code, channel, operator_id, resident_ref, submitted_at, status) VALUES (?, 't', ?, ?, ?, ?, ?, 'acknowledged')");
    for (let i = 0; i < MIX.submissions; i++) {
      const ch = CHANNELS[i % 5]!;
      sub.run(`s-${i}`, codes[i % codes.length], ch, ch === 'self' ? null : 'clerk-1', randomBytes(8).toString('hex'), at(i, MIX.submissions));
    }
    const print = db.prepare('INSERT INTO prints (id, at, day, kind, item_code, channel, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < MIX.prints; i++) {
      const ch = CHANNELS[i % 5]!;
      const when = at(i, MIX.prints);
      print.run(`p-${i}`, when, when.slice(0, 10), ['receipt', 'notification', 'queryResult'][i % 3], codes[i % codes.length], ch, ch === 'self' ? null : 'clerk-1');
    }
    const event = db.prepare('INSERT INTO service_events (at, kind, item_code, channel, operator_id) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < MIX.queries; i++) event.run(at(i, MIX.queries), 'query', codes[i % codes.length], 'self', null);
    const inquiry = db.prepare("INSERT INTO inquiries (id, opened_at, origin, channel, operator_id, closed_at) VALUES (?, ?, ?, 'self', NULL, ?)");
    for (let i = 0; i < MIX.inquiries; i++) inquiry.run(`q-${i}`, at(i, MIX.inquiries), i % 2 ? 'helpButton' : 'kiosk', i % 3 ? at(i, MIX.inquiries) : null);
    const device = db.prepare('INSERT INTO device_events (at, device_id, kind, state) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < MIX.deviceEvents; i++) device.run(at(i, MIX.deviceEvents), ['id-reader', 'receipt-printer'][i % 2], 'receiptPrinter', i % 4 ? 'online' : 'offline');
  })();
  return Object.values(MIX).reduce((a, b) => a + b, 0);
}

/** The baseline: every row of the month read once, as plainly as SQLite can hand them over. */
function readOnce(store: KioskStore): number {
  const { from, to } = monthRangeIso(MONTH);
  let n = 0;
  for (const sql of [
    'SELECT item_code, channel, submitted_at FROM submissions WHERE submitted_at >= ? AND submitted_at < ?',
    'SELECT kind, item_code, channel, at FROM prints WHERE at >= ? AND at < ?',
    'SELECT kind, channel, at FROM service_events WHERE at >= ? AND at < ?',
    'SELECT origin, opened_at, closed_at FROM inquiries WHERE opened_at >= ? AND opened_at < ?',
    'SELECT device_id, state, at FROM device_events WHERE at >= ? AND at < ?',
  ]) {
    for (const _row of store.db.prepare(sql).iterate(from, to)) n++;
  }
  return n;
}

export default async function bench(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  const store = KioskStore.open({ dataDir: dir, keeper: new FileKeyKeeper(path.join(dir, 'keys', 'kek')) });
  const config = demoSiteConfig();
  const records = fill(store);
  const catalogue = layoutItems(defaultCatalog().items);
  const isPrint = new Set(defaultCatalog().items.filter((i) => i.type === 'print').map((i) => i.code));
  const meta = { pointName: config.site.name['zh-CN'], divisionCode: config.site.divisionCode, month: MONTH, version: 1, clerk: '李秀英', submittedAt: '2026-11-10T01:00:00.000Z', notes: '' };

  const report = async () => {
    const figures = countMonth(store.db, MONTH, { officeHours: config.site.officeHours, devices: config.devices, now: new Date('2026-11-10T00:00:00Z'), isPrintItem: (c) => isPrint.has(c) });
    const xlsx = await pointWorkbook({ figures, catalogue, meta, language: 'zh-CN' });
    const pdf = await reportPdf({ figures, catalogue, meta, language: 'zh-CN' });
    return { figures, bytes: xlsx.length + pdf.bytes.length };
  };
  // Warm both paths once (the CJK font is parsed once per process; SQLite's cache fills).
  if (readOnce(store) !== records) throw new Error('the baseline did not read every record');
  const first = await report();
  const counted = first.figures.items.reduce((s, i) => s + Object.values(i.byChannel).reduce((a, b) => a + b, 0), 0);
  if (counted !== MIX.submissions) throw new Error(`counted ${counted} submissions of ${MIX.submissions}`);

  const reads: number[] = [];
  const reports: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    readOnce(store);
    reads.push(performance.now() - t0);
    t0 = performance.now();
    await report();
    reports.push(performance.now() - t0);
  }
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ours = median(reports);
  const base = median(reads);
  return [
    {
      name: `monthly report over ${records} records: counted + xlsx + A4 PDF (median of ${ROUNDS})`,
      value: ours,
      unit: 'ms',
      baselineName: 'reading the same rows once (plain SELECTs)',
      baselineValue: base,
      ratio: ours / base,
      target: 'ratio <= 5',
      met: ours / base <= 5,
    },
  ];
}
