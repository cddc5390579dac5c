import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '../shared/locales';
import { channelTotal } from '../shared/report/monthly-figures';
import { reportText } from '../shared/report/report-layout';
import { MONTH_PATTERN, formatPointTime } from '../shared/report/report-month';
import { isPostgresUrl, openCountyDatabase } from './db/connection';
import { countyCatalogue, townshipMonth } from './point-reports';
import { townshipWorkbook } from './township-workbook';

export const REPORT_USAGE = `usage: npm run county -- report --month YYYY-MM [--data-dir DIR] [--database URL] [--xlsx FILE] [--lang zh-CN|en] [--now ISO]
  received / late per point and the township totals of a month, from the county's own store
  --month YYYY-MM   the month reported on
  --data-dir DIR    the county's data directory (default: ./county-data)
  --database URL    the county's PostgreSQL (postgres://...) when it does not keep SQLite in the data directory
  --xlsx FILE       also write the month as one workbook (a summary sheet and a sheet per point)
  --lang L          zh-CN (default) or en
  --now ISO         judge late as of this time (default: now)`;

/** `npm run county -- report ...`: prints the township's month and optionally writes its workbook. Returns the exit code. */
export async function runReportCommand(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { month: { type: 'string' }, 'data-dir': { type: 'string' }, database: { type: 'string' }, xlsx: { type: 'string' }, lang: { type: 'string' }, now: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    out(`${(error as Error).message}\n${REPORT_USAGE}`);
    return 2;
  }
  if (!args.month || !MONTH_PATTERN.test(args.month)) {
    out(`--month wants YYYY-MM, got "${args.month ?? ''}"\n${REPORT_USAGE}`);
    return 2;
  }
  const language = (args.lang ?? 'zh-CN') as Language;
  if (language !== 'zh-CN' && language !== 'en') {
    out(`--lang is zh-CN or en, got "${String(args.lang)}"`);
    return 2;
  }
  const now = args.now ? new Date(args.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    out(`--now wants an ISO time, got "${args.now}"`);
    return 2;
  }
  const dataDir = path.resolve(args['data-dir'] ?? 'county-data');
  if (args.database !== undefined && !isPostgresUrl(args.database)) {
    out(`--database wants a postgres:// URL, got "${String(args.database).slice(0, 40)}"`);
    return 2;
  }
  if (!args.database && !fs.existsSync(path.join(dataDir, 'county.sqlite'))) {
    out(`no county store in ${dataDir} (start the county once with --data-dir ${dataDir})`);
    return 1;
  }
  const database = await openCountyDatabase({ dataDir, ...(args.database ? { database: args.database } : {}) });
  const db = database.query;
  try {
    const month = await townshipMonth(db, args.month, now);
    const text = reportText(language);
    out(`${text('title')} ${month.month}  (${formatPointTime(month.deadline)})`);
    const rows = month.points.map((p) => [
      p.siteName?.[language] ?? p.kioskId,
      p.kioskId,
      text(`township.states.${p.state}`),
      p.firstSubmittedAt ? formatPointTime(p.firstSubmittedAt) : '-',
      p.latest ? formatPointTime(p.latest.receivedAt) : '-',
      String(p.versions),
      String(p.latest ? p.latest.report.figures.items.reduce((s, i) => s + channelTotal(i.byChannel), 0) : 0),
    ]);
    const header = [text('township.point'), 'kiosk', text('township.state'), text('township.submittedAt'), text('township.receivedAt'), text('township.versions'), text('township.items')];
    for (const row of [header, ...rows]) out(row.join('\t'));
    const t = month.totals;
    out(
      [
        text('township.total'),
        `${text('township.items')} ${t.items.reduce((s, i) => s + channelTotal(i.byChannel), 0)}`,
        `${text('service.queries')} ${channelTotal(t.figures.queries)}`,
        `${text('service.helpCalls')} ${t.figures.helpCalls}`,
        `${text('service.faults.opened')} ${t.figures.faults.opened}`,
        `${text('service.residents')} ${t.figures.distinctResidents}`,
      ].join('\t'),
    );
    if (args.xlsx) {
      fs.writeFileSync(args.xlsx, await townshipWorkbook(month, language, await countyCatalogue(db)));
      out(`xlsx: ${path.resolve(args.xlsx)}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
