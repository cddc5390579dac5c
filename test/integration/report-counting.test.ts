import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { ActivityRecorder } from '../../src/main/report/activity-recorder';
import { countMonth } from '../../src/main/report/report-counter';
import { insertFaultTicket, updateFaultTicket } from '../../src/main/store/fault-tickets';
import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import { closeResidentMonths } from '../../src/main/store/resident-tally';
import { openInquiry } from '../../src/main/store/inquiries';
import { applyCaseOutcome } from '../../src/main/store/cases';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { recordPrint } from '../../src/main/store/prints';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { REPORT_CHANNELS, type ReportChannel } from '../../src/shared/report/monthly-figures';
import { caseStep, openSampleCase, sendSampleCase } from '../support/case-fixtures';
import { openTestStore, sampleIdentity, sampleSubmission, tempDataDir } from '../support/store-fixtures';

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MONTH = '2026-10';
// October 2026 at the point (UTC+8): from 2026-09-30T16:00Z to 2026-10-31T16:00Z.
const START = Date.parse('2026-09-30T16:00:00Z');
const END = Date.parse('2026-10-31T16:00:00Z');
const MINUTE = 60_000;
const ITEMS = ['JOB-01', 'JOB-03', 'SKL-02', 'INS-01', 'INS-05', 'INS-08', 'CARD-02', 'DEMO-01'];
/** Print items of the catalogue: their printed result is a certificate. */
const PRINT_ITEMS = new Set(['INS-08', 'DEMO-01']);
const STORED_PRINT_KINDS = ['receipt', 'notification', 'queryResult', 'certificate', 'monthlyReport'] as const;
const OFFICE = demoSiteConfig().site.officeHours;
const DEVICES = [
  { id: 'id-reader', kind: 'idCardReader' },
  { id: 'receipt-printer', kind: 'receiptPrinter' },
  { id: 'face-camera', kind: 'faceCamera' },
];

/** Whether a minute is in office hours, worked out from the wall clock (independently of officeIntervals). */
function inOffice(ms: number): boolean {
  const local = new Date(ms + 8 * 60 * MINUTE);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return OFFICE.some((h) => h.days.includes(weekday) && hhmm >= h.open && hhmm < h.close);
}

interface Generated {
  submissions: Array<{ at: number; itemCode: string; channel: ReportChannel; resident: number }>;
  queries: Array<{ at: number; itemCode: string; channel: ReportChannel; resident: number | null }>;
  prints: Array<{ at: number; kind: (typeof STORED_PRINT_KINDS)[number]; itemCode: string; channel: ReportChannel }>;
  helpCalls: number[];
  inquiries: Array<{ openedAt: number; closedAt: number | null }>;
  faults: Array<{ openedAt: number; closedAt: number | null }>;
  cases: Array<{ openedAt: number; dueAt: number; finishedAt: number | null; refusedAt: number | null }>;
  deviceChanges: Map<string, Array<{ at: number; state: string }>>;
}

/**
 * A month of mixed activity written through the same paths the kiosk uses, plus activity just outside the month
 * (the last evening of September and the first morning of November, point time) that must not be counted.
 */
function generateMonth(store: KioskStore, seed: number): Generated {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const inMonth = () => START + Math.floor(rnd() * (END - START));
  let clock = START;
  const recorder = new ActivityRecorder(store.db, () => new Date(clock));
  const g: Generated = { submissions: [], queries: [], prints: [], helpCalls: [], inquiries: [], faults: [], cases: [], deviceChanges: new Map() };

  const outside = [START - MINUTE, END, END + 5 * MINUTE];
  for (const at of outside) {
    store.submit({ ...sampleSubmission(1, { itemCode: 'JOB-01', attachments: [] }) }, new Date(at));
    clock = at;
    recorder.query('INS-01', { channel: 'self', operatorId: null }, sampleIdentity(2).idNumber);
    recordPrint(store.db, { id: `outside-${at}`, at: new Date(at).toISOString(), kind: 'receipt', itemCode: null, channel: 'self', operatorId: null });
    openInquiry(store.db, store.key, { origin: 'helpButton', channel: 'self', operatorId: null, screen: 'home' }, new Date(at));
  }

  for (let i = 0; i < 160; i++) {
    const s = { at: inMonth(), itemCode: pick(ITEMS), channel: pick(REPORT_CHANNELS), resident: Math.floor(rnd() * 12) };
    g.submissions.push(s);
    store.submit(sampleSubmission(s.resident, { itemCode: s.itemCode, channel: s.channel, operatorId: s.channel === 'self' ? null : 'clerk-1', attachments: [] }), new Date(s.at));
  }
  for (let i = 0; i < 90; i++) {
    const q = { at: inMonth(), itemCode: pick(ITEMS), channel: pick(REPORT_CHANNELS), resident: rnd() < 0.7 ? 12 + Math.floor(rnd() * 6) : null };
    g.queries.push(q);
    clock = q.at;
    recorder.query(q.itemCode, { channel: q.channel, operatorId: q.channel === 'self' ? null : 'clerk-2' }, q.resident === null ? null : sampleIdentity(q.resident).idNumber);
  }
  for (let i = 0; i < 70; i++) {
    const p = { at: inMonth(), kind: pick(STORED_PRINT_KINDS), itemCode: pick(ITEMS), channel: pick(REPORT_CHANNELS) };
    g.prints.push(p);
    recordPrint(store.db, { id: `p-${i}`, at: new Date(p.at).toISOString(), kind: p.kind, itemCode: p.kind === 'receipt' ? null : p.itemCode, channel: p.channel, operatorId: p.channel === 'self' ? null : 'clerk-3' });
  }
  // Inquiries (首问负责): help-button calls and contacts a clerk recorded; some closed in the month, one in November.
  const origins = ['helpButton', 'kiosk', 'window', 'phone', 'homeVisit'] as const;
  for (let i = 0; i < 40; i++) {
    const origin = pick(origins);
    const openedAt = inMonth();
    const inquiry = openInquiry(store.db, store.key, { origin, channel: origin === 'helpButton' ? 'self' : 'window', operatorId: origin === 'helpButton' ? null : 'clerk-2', screen: origin === 'helpButton' ? 'home' : null }, new Date(openedAt));
    if (origin === 'helpButton') g.helpCalls.push(openedAt);
    const closedAt = rnd() < 0.6 ? (i === 0 ? END + 60 * MINUTE : Math.min(openedAt + Math.floor(rnd() * 3 * 86_400_000), END - MINUTE)) : null;
    if (closedAt !== null) store.db.prepare("UPDATE inquiries SET closed_at = ?, closed_by = 'clerk-2', outcome = 'answered' WHERE id = ?").run(new Date(closedAt).toISOString(), inquiry.id);
    g.inquiries.push({ openedAt, closedAt });
  }
  // 全程代办 cases through the store's own paths: opened (some in late September), sent, taken at the township, then
  // finished or refused (some after their promised time, some in November) or still open.
  for (let i = 0; i < 30; i++) {
    const openedAt = i < 3 ? START - (i + 1) * 86_400_000 : inMonth();
    const dueAt = openedAt + pick([1, 3, 5, 10, 30]) * 86_400_000;
    const id = `0196f000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    const clerk = { id: 'clerk-4', name: 'clerk' };
    const step = (kind: CaseStep['kind'], state: CaseStep['state'], at: number): CaseStep =>
      caseStep(kind, state, at, clerk, `0196f000-0000-7000-9000-${String(i * 10 + ['open', 'send', 'take', 'finish', 'refuse'].indexOf(kind)).padStart(12, '0')}`);
    const resident = sampleIdentity(i % 12);
    openSampleCase(store, {
      id,
      caseNumber: `DB-${i}`,
      itemCode: pick(ITEMS),
      operatorId: clerk.id,
      ownerName: clerk.name,
      resident: { idNumber: resident.idNumber, name: resident.name, source: 'idCard' },
      residentMasked: 'x',
      promisedDays: 1,
      dueAt: new Date(dueAt).toISOString(),
      openStep: step('open', 'opened', openedAt),
    });
    const c = { openedAt, dueAt, finishedAt: null as number | null, refusedAt: null as number | null };
    // Each kind in turn: finished in time, finished late, refused in time, refused late, sent and still open, never sent.
    const kind = i % 6;
    if (kind !== 5) {
      sendSampleCase(store, id, step('send', 'sent', openedAt + MINUTE), `0196f000-0000-7000-a000-${String(i).padStart(12, '0')}`);
      const upstream = [step('take', 'atTownship', openedAt + 60 * MINUTE)];
      const endAt = kind % 2 === 0 ? openedAt + Math.floor((dueAt - openedAt) / 2) : dueAt + Math.floor(rnd() * 3 * 86_400_000) + MINUTE;
      if (kind === 0 || kind === 1) {
        upstream.push(step('finish', 'done', endAt));
        c.finishedAt = endAt;
      } else if (kind === 2 || kind === 3) {
        upstream.push(step('refuse', 'refused', endAt));
        c.refusedAt = endAt;
      }
      applyCaseOutcome(store.db, id, 1, { state: upstream.at(-1)!.state, steps: upstream });
    }
    g.cases.push(c);
  }
  // Faults: opened in September and closed in October, opened and closed in October, opened in October still open.
  const septemberFault = { openedAt: START - 3 * 86_400_000, closedAt: START + 2 * 86_400_000 };
  insertFaultTicket(store.db, { id: 'f-sep', openedAt: new Date(septemberFault.openedAt).toISOString(), deviceId: 'receipt-printer', summary: 'paper jam' });
  updateFaultTicket(store.db, 'f-sep', 'closed', null, new Date(septemberFault.closedAt).toISOString());
  g.faults.push(septemberFault);
  for (let i = 0; i < 9; i++) {
    const f = { openedAt: inMonth(), closedAt: null as number | null };
    insertFaultTicket(store.db, { id: `f-${i}`, openedAt: new Date(f.openedAt).toISOString(), deviceId: pick(DEVICES).id, summary: 'no answer' });
    if (i % 3 !== 0) {
      f.closedAt = Math.min(f.openedAt + Math.floor(rnd() * 5 * 86_400_000), END - MINUTE);
      updateFaultTicket(store.db, `f-${i}`, 'closed', 'fixed', new Date(f.closedAt).toISOString());
    }
    g.faults.push(f);
  }
  // Device states at whole minutes: the reader was online from September; the printer starts in October;
  // the face camera has no record at all (it never served anybody).
  const changes = new Map<string, Array<{ at: number; state: string }>>([
    ['id-reader', [{ at: START - 86_400_000, state: 'online' }]],
    ['receipt-printer', [{ at: START + 2 * 86_400_000 + 7 * 60 * MINUTE, state: 'online' }]],
  ]);
  const states = ['online', 'busy', 'offline', 'hardwareError', 'userActionRequired'];
  for (const [, list] of changes) {
    for (let i = 0; i < 40; i++) list.push({ at: START + Math.floor(rnd() * ((END - START) / MINUTE)) * MINUTE, state: pick(states) });
    list.sort((a, b) => a.at - b.at);
  }
  for (const [id, list] of changes) {
    for (const c of list) {
      clock = c.at;
      recorder.deviceStatus({ id, kind: DEVICES.find((d) => d.id === id)!.kind as 'idCardReader', state: c.state as 'online' });
    }
  }
  g.deviceChanges = changes;
  return g;
}

/** The report's figures worked out again from the generated list, with none of the counter's code. */
function expectedFigures(g: Generated) {
  const inside = (at: number) => at >= START && at < END;
  const items = new Map<string, Record<string, number>>();
  for (const s of g.submissions) {
    const row = items.get(s.itemCode) ?? { self: 0, assisted: 0, window: 0, homeVisit: 0, proxy: 0 };
    row[s.channel]! += 1;
    items.set(s.itemCode, row);
  }
  const queries: Record<string, number> = { self: 0, assisted: 0, window: 0, homeVisit: 0, proxy: 0 };
  for (const q of g.queries) queries[q.channel]! += 1;
  const prints: Record<string, number> = { receipt: 0, certificate: 0, notification: 0, queryResult: 0 };
  for (const p of g.prints) {
    if (p.kind === 'monthlyReport') continue; // the report's own paper is not a service to a person
    prints[(p.kind === 'queryResult' && PRINT_ITEMS.has(p.itemCode)) || p.kind === 'certificate' ? 'certificate' : p.kind]! += 1;
  }
  const residents = new Set([...g.submissions.map((s) => sampleIdentity(s.resident).idNumber), ...g.queries.filter((q) => q.resident !== null).map((q) => sampleIdentity(q.resident!).idNumber)]);

  let officeMinutes = 0;
  const usable = new Map(DEVICES.map((d) => [d.id, 0]));
  for (let t = START; t < END; t += MINUTE) {
    if (!inOffice(t)) continue;
    officeMinutes += 1;
    for (const [id, list] of g.deviceChanges) {
      // The state in force at minute t: the last change at or before t (later changes at the same minute win).
      let state: string | null = null;
      for (const c of list) if (c.at <= t) state = c.state;
      if (state === 'online' || state === 'busy') usable.set(id, usable.get(id)! + 1);
    }
  }
  return {
    items: [...items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([itemCode, byChannel]) => ({ itemCode, byChannel })),
    queries,
    prints,
    helpCalls: g.helpCalls.length,
    inquiries: { opened: g.inquiries.length, closed: g.inquiries.filter((q) => q.closedAt !== null && inside(q.closedAt)).length },
    cases: {
      opened: g.cases.filter((c) => inside(c.openedAt)).length,
      done: g.cases.filter((c) => c.finishedAt !== null && inside(c.finishedAt)).length,
      overdue: g.cases.filter((c) => inside(c.dueAt) && !((c.finishedAt ?? Infinity) <= c.dueAt || (c.refusedAt ?? Infinity) <= c.dueAt)).length,
    },
    faults: { opened: g.faults.filter((f) => inside(f.openedAt)).length, closed: g.faults.filter((f) => f.closedAt !== null && inside(f.closedAt)).length },
    officeMinutes,
    devices: DEVICES.map((d) => ({ deviceId: d.id, kind: d.kind, usableMinutes: usable.get(d.id)! })),
    distinctResidents: residents.size,
  };
}

describe('monthly report counting at the point', () => {
  const options = { officeHours: OFFICE, devices: DEVICES, now: new Date('2026-11-03T02:00:00Z'), isPrintItem: (code: string) => PRINT_ITEMS.has(code) };

  it('every figure of a month of mixed activity equals an independent count over the same records', () => {
    const store = openTestStore(tempDataDir('report-count-'));
    const g = generateMonth(store, 20261001);
    const figures = countMonth(store.db, MONTH, options);
    const expected = expectedFigures(g);
    expect(figures).toEqual({ month: MONTH, ...expected });
    // Cases of every kind are in the month: opened, done, and overdue ones.
    expect(figures.cases.opened).toBeGreaterThan(0);
    expect(figures.cases.done).toBeGreaterThan(0);
    expect(figures.cases.overdue).toBeGreaterThan(0);
    expect(figures.helpCalls).toBeGreaterThan(0);
    expect(figures.inquiries.opened).toBeGreaterThan(figures.helpCalls);
    // The generated month really is mixed: every submission channel, every print kind, devices both up and down.
    for (const ch of REPORT_CHANNELS) expect(figures.items.some((i) => i.byChannel[ch] > 0)).toBe(true);
    for (const k of ['receipt', 'certificate', 'notification', 'queryResult'] as const) expect(figures.prints[k]).toBeGreaterThan(0);
    const reader = figures.devices.find((d) => d.deviceId === 'id-reader')!;
    expect(reader.usableMinutes).toBeGreaterThan(0);
    expect(reader.usableMinutes).toBeLessThan(figures.officeMinutes);
    store.close();
  });

  it('a month with no activity is a report of zeros, not an error', () => {
    const store = openTestStore(tempDataDir('report-empty-'));
    const figures = countMonth(store.db, '2026-08', options);
    expect(figures).toMatchObject({
      items: [],
      queries: { self: 0, assisted: 0, window: 0, homeVisit: 0, proxy: 0 },
      prints: { receipt: 0, certificate: 0, notification: 0, queryResult: 0 },
      helpCalls: 0,
      faults: { opened: 0, closed: 0 },
      distinctResidents: 0,
    });
    // August 2026 has 21 weekdays of 6.5 office hours; no device recorded a state, so none was usable.
    expect(figures.officeMinutes).toBe(21 * 390);
    expect(figures.devices.map((d) => d.usableMinutes)).toEqual([0, 0, 0]);
    store.close();
  });

  it('the figures survive the retention purge and the closing of the month', () => {
    const store = openTestStore(tempDataDir('report-purge-'));
    generateMonth(store, 7);
    const before = countMonth(store.db, MONTH, options);
    // Acknowledge everything and purge it: the personal data goes, the counts stay.
    const items = claimBatch(store.db, store.key, 1000, 1e9);
    settleBatch(store.db, items.map((i) => ({ id: i.id, outcome: 'acknowledged' as const })), '2026-11-01T00:00:00.000Z');
    expect(store.purge(1, new Date('2026-12-01T00:00:00Z'))).toBeGreaterThan(100);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE payload_enc IS NOT NULL').get() as { n: number }).n).toBe(0);
    // Closing the month keeps the count of residents and forgets who they were: no key, no tag is left.
    expect(closeResidentMonths(store.db, '2026-11', '2026-11-01T00:00:00.000Z')).toContain(MONTH);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM resident_tally WHERE month = ?').get(MONTH)).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM resident_tally_keys WHERE month = ?').get(MONTH)).toEqual({ n: 0 });
    expect(countMonth(store.db, MONTH, options)).toEqual(before);
    store.close();
  });

  it('office hours still to come are not counted against a device', () => {
    const store = openTestStore(tempDataDir('report-now-'));
    const recorder = new ActivityRecorder(store.db, () => new Date('2026-09-01T00:00:00Z'));
    recorder.deviceStatus({ id: 'id-reader', kind: 'idCardReader', state: 'online' });
    // Monday 5 October 2026 at 10:00 point time: 08:30-10:00 of that day has happened, nothing else has.
    const figures = countMonth(store.db, MONTH, { ...options, now: new Date('2026-10-05T02:00:00Z') });
    // Thursday 1 and Friday 2 October whole (390 minutes each), then 08:30-10:00 of Monday 5.
    expect(figures.officeMinutes).toBe(2 * 390 + 90);
    expect(figures.devices.find((d) => d.deviceId === 'id-reader')!.usableMinutes).toBe(figures.officeMinutes);
    store.close();
  });
});
