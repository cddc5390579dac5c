import { REPORT_CHANNELS, zeroChannels, type ChannelCounts, type MonthlyFigures, type ReportChannel } from '../../shared/report/monthly-figures';
import { monthBounds, monthRangeIso, officeIntervals, type OfficeHours } from '../../shared/report/report-month';
import type { Db } from '../store/database';
import { countCases, countFaults, countInquiries, countPrints, countSubmissionsByItemAndChannel, deviceStatesFor } from '../store/report-counting';
import { distinctResidents } from '../store/resident-tally';
import { countServiceEvents } from '../store/service-events';
import { usableMinutes } from './device-availability';

export interface CountOptions {
  officeHours: readonly OfficeHours[];
  /** Configured devices: listed even when they never recorded a state (then 0 minutes usable). */
  devices: ReadonlyArray<{ id: string; kind: string }>;
  /** Office hours after this instant have not happened yet and are not counted. */
  now: Date;
  /** Whether an item is a print item (its printed result is a certificate, 参保证明 and the like). */
  isPrintItem: (itemCode: string) => boolean;
}

const isChannel = (c: string): c is ReportChannel => (REPORT_CHANNELS as readonly string[]).includes(c);

/**
 * Counts one month at the point from its own records: submissions, prints, queries, inquiries (help calls are
 * inquiries from the help button), 全程代办 cases and their steps (countCases), fault tickets, device
 * state changes and the month's resident tally. Nothing is kept as a second tally (docs/monthly-report.md).
 */
export function countMonth(db: Db, month: string, options: CountOptions): MonthlyFigures {
  const { from, to } = monthRangeIso(month);
  const bump = (counts: ChannelCounts, channel: string, n: number) => {
    if (!isChannel(channel)) throw new Error(`unknown channel "${channel}" in the records`);
    counts[channel] += n;
  };

  const items = new Map<string, ChannelCounts>();
  for (const row of countSubmissionsByItemAndChannel(db, from, to)) {
    const counts = items.get(row.itemCode) ?? zeroChannels();
    bump(counts, row.channel, row.n);
    items.set(row.itemCode, counts);
  }

  const queries = zeroChannels();
  for (const row of countServiceEvents(db, from, to)) if (row.kind === 'query') bump(queries, row.channel, row.n);
  const inquiries = countInquiries(db, from, to);

  // Prints for a person: a certificate the county composed, or a query result of a print item, is a certificate.
  // The report's own PDF is not a service to anybody and is not counted.
  const prints = { receipt: 0, certificate: 0, notification: 0, queryResult: 0 };
  for (const row of countPrints(db, from, to)) {
    if (row.kind === 'receipt' || row.kind === 'notification' || row.kind === 'certificate') prints[row.kind] += row.n;
    else if (row.kind === 'caseHandover') prints.receipt += row.n; // the 全程代办 handover receipt is a receipt the resident signs
    else if (row.kind === 'queryResult') prints[row.itemCode && options.isPrintItem(row.itemCode) ? 'certificate' : 'queryResult'] += row.n;
  }

  const bounds = monthBounds(month);
  const until = Math.min(bounds.end, options.now.getTime());
  const office = officeIntervals(month, options.officeHours)
    .filter((o) => o.start < until)
    .map((o) => ({ start: o.start, end: Math.min(o.end, until) }));
  const officeMs = office.reduce((sum, o) => sum + (o.end - o.start), 0);

  const changes = new Map<string, { kind: string; list: Array<{ at: number; state: string }> }>();
  for (const d of options.devices) changes.set(d.id, { kind: d.kind, list: [] });
  for (const e of deviceStatesFor(db, from, to)) {
    const entry = changes.get(e.deviceId) ?? { kind: e.kind, list: [] };
    entry.list.push({ at: Date.parse(e.at), state: e.state });
    changes.set(e.deviceId, entry);
  }

  return {
    month,
    items: [...items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([itemCode, byChannel]) => ({ itemCode, byChannel })),
    queries,
    prints,
    inquiries: { opened: inquiries.opened, closed: inquiries.closed },
    cases: countCases(db, from, to),
    helpCalls: inquiries.helpCalls,
    faults: countFaults(db, from, to),
    officeMinutes: Math.floor(officeMs / 60_000),
    devices: [...changes.entries()].map(([deviceId, { kind, list }]) => ({ deviceId, kind, usableMinutes: usableMinutes(list, office) })),
    distinctResidents: distinctResidents(db, month),
  };
}
