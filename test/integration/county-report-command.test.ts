import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { intakeBatch, registerKiosk } from '../../src/county/county-state';
import { openCountyDatabase } from '../../src/county/db/connection';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import { REPORT_USAGE, runReportCommand } from '../../src/county/report-cli';
import { freshCountyDatabase, sessionsLeftOn } from '../support/county-database';
import { signedReportItem } from '../support/report-fixtures';
import { tempDataDir } from '../support/store-fixtures';

/**
 * `npm run county -- report` (report-cli.ts) line by line: each argument refused with its exit code and words, a data
 * dir without a store, and the month printed (title with the deadline, a row per point, the township total) in either
 * language, judged as of --now, with the workbook written where asked. report-submit.test.ts runs it once after a
 * kiosk's whole month.
 */
const DEMO_NAME = DEMO_POINTS[0]!.name;
const DONGZHUANG = DEMO_POINTS[1]!;

describe('the county report command', () => {
  const dataDir = tempDataDir('report-cli-');
  let database: string | undefined;
  const store = () => [`--data-dir`, dataDir, ...(database ? ['--database', database] : [])];
  // The command closes the store it opened: on SQLite the last connection's close removes the WAL files; on
  // PostgreSQL no session is left on the database.
  const storeLeftOpen = async (): Promise<boolean> => {
    if (!database) return fs.readdirSync(dataDir).some((f) => f.startsWith('county.sqlite-'));
    return (await sessionsLeftOn(database)) > 0;
  };
  const run = async (argv: string[]) => {
    const lines: string[] = [];
    const code = await runReportCommand(argv, (l) => lines.push(l));
    return { code, lines };
  };

  beforeAll(async () => {
    database = await freshCountyDatabase();
    const county = await openCountyDatabase({ dataDir, ...(database ? { database } : {}) });
    try {
      await registerKiosk(county.query, DEMO_KIOSK_ID, DEMO_KIOSK_SECRET);
      await registerKiosk(county.query, DONGZHUANG.kioskId, DONGZHUANG.secret);
      const results = await intakeBatch(
        county.query,
        DEMO_KIOSK_ID,
        [signedReportItem(DEMO_KIOSK_ID, '2026-10', 1, '2026-11-03T02:00:00.000Z', { 'CARD-01': 5 }), signedReportItem(DEMO_KIOSK_ID, '2026-10', 2, '2026-11-05T02:00:00.000Z', { 'CARD-01': 6, 'JOB-01': 2 })],
        new Date('2026-11-06T00:00:00.000Z'),
      );
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    } finally {
      await county.close();
    }
  });

  it('refuses each argument it cannot use with exit code 2 and says which', async () => {
    const unknown = await run(['--month', '2026-10', '--colour', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.lines).toHaveLength(1);
    expect(unknown.lines[0]).toMatch(/--colour/);
    expect(unknown.lines[0]!.endsWith(`\n${REPORT_USAGE}`)).toBe(true);
    expect(await run([])).toEqual({ code: 2, lines: [`--month wants YYYY-MM, got ""\n${REPORT_USAGE}`] });
    expect(await run(['--month', '2026-13'])).toEqual({ code: 2, lines: [`--month wants YYYY-MM, got "2026-13"\n${REPORT_USAGE}`] });
    expect(await run(['--month', '2026-10', '--lang', 'fr'])).toEqual({ code: 2, lines: ['--lang is zh-CN or en, got "fr"'] });
    expect(await run(['--month', '2026-10', '--now', 'yesterday'])).toEqual({ code: 2, lines: ['--now wants an ISO time, got "yesterday"'] });
    const long = `mysql://county@db.example:3306/${'x'.repeat(40)}`;
    expect(await run(['--month', '2026-10', '--database', long])).toEqual({ code: 2, lines: [`--database wants a postgres:// URL, got "${long.slice(0, 40)}"`] });
  });

  it('answers 1 for a data dir without a county store, ./county-data by default', async () => {
    const empty = tempDataDir('report-cli-empty-');
    expect(await run(['--month', '2026-10', '--data-dir', empty])).toEqual({ code: 1, lines: [`no county store in ${empty} (start the county once with --data-dir ${empty})`] });
    const cwd = process.cwd();
    process.chdir(empty);
    try {
      const here = path.join(fs.realpathSync(empty), 'county-data');
      const { code, lines } = await run(['--month', '2026-10']);
      expect([code, lines.map((l) => l.replace(empty, fs.realpathSync(empty)))]).toEqual([1, [`no county store in ${here} (start the county once with --data-dir ${here})`]]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('prints the month in Chinese as of --now: title and deadline, a row per point, the township total', async () => {
    const { code, lines } = await run(['--month', '2026-10', ...store(), '--now', '2026-11-15T15:59:59.999Z']);
    expect(code).toBe(0);
    expect(lines).toEqual([
      '服务点月度工作报表 2026-10  (2026-11-16 00:00)',
      '服务点\tkiosk\t状态\t上报时间\t接收时间\t版本数\t办件量',
      `${DEMO_NAME['zh-CN']}\t${DEMO_KIOSK_ID}\t已上报\t2026-11-03 10:00\t2026-11-06 08:00\t2\t10`,
      `${DONGZHUANG.kioskId}\t${DONGZHUANG.kioskId}\t待上报\t-\t-\t0\t0`,
      '乡镇合计\t办件量 10\t查询 4\t呼叫帮办 2\t故障报修 1\t服务群众（人） 7',
    ]);
    expect(await storeLeftOpen()).toBe(false);
    const late = await run(['--month', '2026-10', ...store(), '--now', '2026-11-15T16:00:00.000Z']);
    expect(late.lines[3]).toBe(`${DONGZHUANG.kioskId}\t${DONGZHUANG.kioskId}\t逾期未报\t-\t-\t0\t0`);
    // Without --now: today, long after October's deadline.
    expect((await run(['--month', '2026-10', ...store()])).lines[3]).toBe(`${DONGZHUANG.kioskId}\t${DONGZHUANG.kioskId}\t逾期未报\t-\t-\t0\t0`);
  });

  it('prints in English when asked and writes the month as a workbook in that language', async () => {
    const file = path.join(tempDataDir('report-cli-out-'), 'october.xlsx');
    const { code, lines } = await run(['--month', '2026-10', ...store(), '--now', '2026-11-20T00:00:00.000Z', '--lang', 'en', '--xlsx', file]);
    expect(code).toBe(0);
    expect(lines[0]).toBe('Service point monthly report 2026-10  (2026-11-16 00:00)');
    expect(lines[2]).toBe(`${DEMO_NAME.en}\t${DEMO_KIOSK_ID}\tReceived\t2026-11-03 10:00\t2026-11-06 08:00\t2\t10`);
    expect(lines.at(-1)).toBe(`xlsx: ${path.resolve(file)}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Township total', DEMO_NAME.en.slice(0, 28)]);
    // Without --xlsx nothing is written and no file line is printed.
    expect((await run(['--month', '2026-10', ...store()])).lines.some((l) => l.startsWith('xlsx:'))).toBe(false);
  });
});
