import { createHmac, timingSafeEqual } from 'node:crypto';
import { CatalogSchema } from '../shared/catalog/schema';
import { defaultCatalog } from '../shared/catalog/default-catalog';
import { layoutItems, type LayoutItem } from '../shared/report/report-layout';
import { REPORT_CHANNELS, zeroChannels, type ChannelCounts, type MonthlyFigures } from '../shared/report/monthly-figures';
import { MonthlyReportPayloadSchema, reportSigningText, type MonthlyReportPayload } from '../shared/report/monthly-report';
import { reportDeadline } from '../shared/report/report-month';
import type { MonthlyReportItem } from '../shared/sync/protocol';
import type { CountyQuery } from './db/connection';

export type ReportIntake = { id: string; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };

/** The key a kiosk signs its reports with, derived from its secret exactly as the kiosk does (src/main/report/report-signature.ts). */
function reportSignature(secret: string, text: string): Buffer {
  const key = createHmac('sha256', secret).update('village-kiosk monthly report v1').digest();
  return createHmac('sha256', key).update(text).digest();
}

export async function reportSignatureValid(q: CountyQuery, payload: MonthlyReportPayload): Promise<boolean> {
  const kiosk = await q.selectFrom('kiosks').select('secret').where('id', '=', payload.kioskId).executeTakeFirst();
  if (!kiosk) return false;
  const expected = reportSignature(kiosk.secret, reportSigningText(payload));
  const given = Buffer.from(payload.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Keeps a point's report (called inside the batch intake transaction). Every version is kept; the same outbox id
 * again is a duplicate; a version number already held under another id, a report for another kiosk or a bad
 * signature is refused with the reason.
 */
export async function intakeReport(q: CountyQuery, kioskId: string, item: MonthlyReportItem, now: Date): Promise<ReportIntake> {
  const seen = await q.selectFrom('point_reports').select('kiosk_id').where('item_id', '=', item.id).executeTakeFirst();
  if (seen) return seen.kiosk_id === kioskId ? { id: item.id, status: 'duplicate' } : { id: item.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' };
  const p = item.payload;
  if (p.kioskId !== kioskId) return { id: item.id, status: 'rejected', reason: 'reportOfAnotherKiosk' };
  if (!(await reportSignatureValid(q, p))) return { id: item.id, status: 'rejected', reason: 'badReportSignature' };
  if (await q.selectFrom('point_reports').select('item_id').where('kiosk_id', '=', kioskId).where('month', '=', p.month).where('version', '=', p.version).executeTakeFirst()) {
    return { id: item.id, status: 'rejected', reason: 'versionTaken' };
  }
  await q
    .insertInto('point_reports')
    .values({ item_id: item.id, kiosk_id: kioskId, month: p.month, version: p.version, submitted_at: p.submittedAt, received_at: now.toISOString(), body: JSON.stringify(p) })
    .execute();
  return { id: item.id, status: 'accepted' };
}

export interface StoredPointReport {
  report: MonthlyReportPayload;
  receivedAt: string;
}

/** Every version a point sent for a month, oldest first. */
export async function pointReportVersions(q: CountyQuery, kioskId: string, month: string): Promise<StoredPointReport[]> {
  const rows = await q.selectFrom('point_reports').select(['body', 'received_at']).where('kiosk_id', '=', kioskId).where('month', '=', month).orderBy('version').execute();
  return rows.map((r) => ({ report: MonthlyReportPayloadSchema.parse(JSON.parse(r.body)), receivedAt: r.received_at }));
}

export type PointReportState = 'received' | 'receivedLate' | 'late' | 'due';

export interface PointReportRow {
  kioskId: string;
  siteName: { 'zh-CN': string; en: string } | null;
  state: PointReportState;
  /** The latest version's figures and times; null when nothing arrived. */
  latest: StoredPointReport | null;
  /** When the first version was submitted at the point (its true time, even if it arrived later). */
  firstSubmittedAt: string | null;
  versions: number;
}

export interface TownshipMonth {
  month: string;
  deadline: string;
  points: PointReportRow[];
  /** Sum of the latest figures of every point that reported. */
  totals: { items: Array<{ itemCode: string; byChannel: ChannelCounts }>; figures: Omit<MonthlyFigures, 'items' | 'devices' | 'month'> };
}

/**
 * The township's view of a month: every registered point, received / received late / late / still due, and the
 * totals of what arrived. Late is judged by when the point submitted (an offline point's report arrives later but
 * carries its true submission time).
 */
export async function townshipMonth(q: CountyQuery, month: string, now: Date, only?: readonly string[]): Promise<TownshipMonth> {
  const deadline = reportDeadline(month);
  // `only`: the points one console account may see (its township's); otherwise every kiosk that exists or reported.
  const kiosks = only ?? (await everyPoint());
  const points: PointReportRow[] = [];
  for (const kioskId of kiosks) points.push(pointRow(kioskId, await pointReportVersions(q, kioskId, month)));
  return { month, deadline: new Date(deadline).toISOString(), points, totals: sumFigures(points.flatMap((p) => (p.latest ? [p.latest.report.figures] : []))) };

  async function everyPoint(): Promise<string[]> {
    const registered = (await q.selectFrom('kiosks').select('id').execute()).map((r) => r.id);
    const reported = (await q.selectFrom('point_reports').select('kiosk_id').distinct().where('month', '=', month).execute()).map((r) => r.kiosk_id);
    return [...new Set([...registered, ...reported])].sort();
  }

  function pointRow(kioskId: string, versions: StoredPointReport[]): PointReportRow {
    const latest = versions.at(-1) ?? null;
    const first = versions[0] ?? null;
    const state: PointReportState = first
      ? Date.parse(first.report.submittedAt) < deadline
        ? 'received'
        : 'receivedLate'
      : now.getTime() >= deadline
        ? 'late'
        : 'due';
    return { kioskId, siteName: latest?.report.siteName ?? null, state, latest, firstSubmittedAt: first?.report.submittedAt ?? null, versions: versions.length };
  }
}

function sumFigures(all: readonly MonthlyFigures[]): TownshipMonth['totals'] {
  const items = new Map<string, ChannelCounts>();
  const f: TownshipMonth['totals']['figures'] = {
    queries: zeroChannels(),
    prints: { receipt: 0, certificate: 0, notification: 0, queryResult: 0 },
    inquiries: { opened: 0, closed: 0 },
    cases: { opened: 0, done: 0, overdue: 0 },
    helpCalls: 0,
    faults: { opened: 0, closed: 0 },
    officeMinutes: 0,
    distinctResidents: 0,
  };
  for (const g of all) {
    for (const i of g.items) {
      const row = items.get(i.itemCode) ?? zeroChannels();
      for (const ch of REPORT_CHANNELS) row[ch] += i.byChannel[ch];
      items.set(i.itemCode, row);
    }
    for (const ch of REPORT_CHANNELS) f.queries[ch] += g.queries[ch];
    for (const k of ['receipt', 'certificate', 'notification', 'queryResult'] as const) f.prints[k] += g.prints[k];
    f.inquiries.opened += g.inquiries.opened;
    f.inquiries.closed += g.inquiries.closed;
    f.cases.opened += g.cases.opened;
    f.cases.done += g.cases.done;
    f.cases.overdue += g.cases.overdue;
    f.helpCalls += g.helpCalls;
    f.faults.opened += g.faults.opened;
    f.faults.closed += g.faults.closed;
    f.officeMinutes += g.officeMinutes;
    // Residents are distinct per point; the township sum may count a resident served at two points twice.
    f.distinctResidents += g.distinctResidents;
  }
  return { items: [...items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([itemCode, byChannel]) => ({ itemCode, byChannel })), figures: f };
}

/** The catalogue the county published (its items in order), or the shipped one before anything was published. */
export async function countyCatalogue(q: CountyQuery): Promise<LayoutItem[]> {
  const row = await q.selectFrom('config_parts').select('body').where('part', '=', 'catalog').executeTakeFirst();
  const parsed = row ? CatalogSchema.safeParse(JSON.parse(row.body)) : null;
  return layoutItems(parsed?.success ? parsed.data.items : defaultCatalog().items);
}
