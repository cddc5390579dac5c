import ExcelJS from 'exceljs';
import type { PointReportRow, TownshipMonth } from '../../src/county/point-reports';
import { townshipWorkbook } from '../../src/county/township-workbook';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { MonthlyFigures } from '../../src/shared/report/monthly-figures';
import { layoutItems } from '../../src/shared/report/report-layout';
import type { MonthlyReportPayload } from '../../src/shared/report/monthly-report';
import { signedReportItem } from '../support/report-fixtures';

/**
 * The township's month as one workbook (township-workbook.ts), read back cell by cell: the summary sheet (a row per
 * point with its state, times, versions and main figures, then the township total in bold; the header frozen and
 * bold; counts formatted), the township total's items sheet and one items sheet per point that reported, named by
 * the point in the language asked for (unique, cut to Excel's length), laid out by the catalogue given.
 */
const ch = (self: number, assisted: number, window: number, homeVisit: number, proxy: number) => ({ self, assisted, window, homeVisit, proxy });
const NAME = { 'zh-CN': '土沃乡东庄村服务点', en: 'Dongzhuang Village Point' };

function figures(helpCalls: number, items: MonthlyFigures['items']): MonthlyFigures {
  return {
    month: '2026-10',
    items,
    queries: ch(1, 2, 0, 0, 4),
    prints: { receipt: 1, certificate: 0, notification: 0, queryResult: 0 },
    inquiries: { opened: 0, closed: 0 },
    cases: { opened: 0, done: 0, overdue: 0 },
    helpCalls,
    faults: { opened: helpCalls + 1, closed: 0 },
    officeMinutes: 9600,
    devices: [],
    distinctResidents: helpCalls + 2,
  };
}
const reported = (kioskId: string, siteName: PointReportRow['siteName'], f: MonthlyFigures, versions: number): PointReportRow => {
  const payload = signedReportItem('demo-kiosk-2', '2026-10', versions, '2026-11-03T02:00:00.000Z', {}).payload as MonthlyReportPayload;
  return {
    kioskId,
    siteName,
    state: 'received',
    latest: { report: { ...payload, kioskId, ...(siteName ? { siteName } : {}), figures: f }, receivedAt: '2026-11-05T16:30:00.000Z' },
    firstSubmittedAt: '2026-11-01T01:00:00.000Z',
    versions,
  };
};

const dong = figures(3, [
  { itemCode: 'JOB-01', byChannel: ch(1, 2, 3, 4, 5) },
  { itemCode: 'CARD-01', byChannel: ch(10, 0, 0, 0, 0) },
]);
const twin = figures(5, [{ itemCode: 'JOB-01', byChannel: ch(0, 0, 7, 0, 0) }]);
const MONTH: TownshipMonth = {
  month: '2026-10',
  deadline: '2026-11-15T16:00:00.000Z',
  points: [
    reported('demo-kiosk-2', NAME, dong, 2),
    { kioskId: 'demo-kiosk-9', siteName: null, state: 'late', latest: null, firstSubmittedAt: null, versions: 0 },
    // The same name again (a point renamed like another): its sheet gets a number.
    { ...reported('demo-kiosk-3', NAME, twin, 1), state: 'receivedLate', firstSubmittedAt: '2026-11-16T00:00:00.000Z' },
  ],
  totals: {
    items: [
      { itemCode: 'CARD-01', byChannel: ch(10, 0, 0, 0, 0) },
      { itemCode: 'JOB-01', byChannel: ch(1, 2, 10, 4, 5) },
    ],
    figures: { ...figures(8, []), faults: { opened: 10, closed: 0 }, distinctResidents: 12, queries: ch(2, 4, 0, 0, 8) } as TownshipMonth['totals']['figures'],
  },
};

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}
const values = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe("the township's month as a workbook", () => {
  it('writes the summary in Chinese by default: a row per point, the total in bold, the header frozen and bold', async () => {
    const book = await read(await townshipWorkbook(MONTH));
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '乡镇合计', NAME['zh-CN'], `${NAME['zh-CN']}-2`]);
    const summary = book.getWorksheet('汇总')!;
    expect(values(summary)).toEqual([
      ['服务点', '状态', '上报时间', '接收时间', '版本数', '办件量', '查询', '呼叫帮办', '故障报修', '服务群众（人）'],
      [NAME['zh-CN'], '已上报', '2026-11-01 09:00', '2026-11-06 00:30', 2, 25, 7, 3, 4, 5],
      ['demo-kiosk-9', '逾期未报', '', '', 0, 0, 0, 0, 0, 0],
      [NAME['zh-CN'], '逾期上报', '2026-11-16 08:00', '2026-11-06 00:30', 1, 7, 7, 5, 6, 7],
      ['乡镇合计', undefined, undefined, undefined, undefined, 32, 14, 8, 10, 12],
    ]);
    expect(summary.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1 })]);
    expect([1, 2, 3, 4, 5].map((r) => Boolean(summary.getRow(r).font?.bold))).toEqual([true, false, false, false, true]);
    expect(['E', 'F', 'G', 'H', 'I', 'J'].map((c) => summary.getCell(`${c}2`).numFmt)).toEqual(['0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0']);
  });

  it("lays the township total's items and each reporting point's items out by the shipped catalogue by default", async () => {
    const book = await read(await townshipWorkbook(MONTH));
    const shipped = layoutItems(defaultCatalog().items);
    const rowOf = (sheet: string, code: string) => values(book.getWorksheet(sheet)!).find((r) => r[0] === code)!;
    expect(values(book.getWorksheet('乡镇合计')!)[0]).toEqual(['事项编码', '事项名称', '自助', '帮办', '窗口', '上门', '代理办', '合计']);
    expect(rowOf('乡镇合计', 'JOB-01').slice(2)).toEqual([1, 2, 10, 4, 5, 22]);
    expect(rowOf(NAME['zh-CN'], 'JOB-01').slice(2)).toEqual([1, 2, 3, 4, 5, 15]);
    expect(rowOf(NAME['zh-CN'], 'CARD-01').slice(2)).toEqual([10, 0, 0, 0, 0, 10]);
    expect(rowOf(`${NAME['zh-CN']}-2`, 'JOB-01').slice(2)).toEqual([0, 0, 7, 0, 0, 7]);
    // Every shipped item has its row on the total's sheet.
    const codes = values(book.getWorksheet('乡镇合计')!).map((r) => r[0]);
    for (const item of shipped) expect(codes).toContain(item.code);
  });

  it('writes in English when asked, by the catalogue given, with a nameless point under its kiosk id', async () => {
    const nameless: TownshipMonth = { ...MONTH, points: [{ ...MONTH.points[0]!, siteName: null }, MONTH.points[1]!] };
    const catalogue = layoutItems(defaultCatalog().items.filter((i) => i.code === 'JOB-01'));
    const book = await read(await townshipWorkbook(nameless, 'en', catalogue));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Township total', 'demo-kiosk-2']);
    const summary = values(book.getWorksheet('Summary')!);
    expect(summary[0]).toEqual(['Service point', 'State', 'Submitted', 'Received', 'Versions', 'Items handled', 'Queries', 'Help calls', 'Faults reported', 'Residents served (people)']);
    expect(summary.slice(1, 3).map((r) => r.slice(0, 2))).toEqual([
      ['demo-kiosk-2', 'Received'],
      ['demo-kiosk-9', 'Late'],
    ]);
    expect(summary.at(-1)![0]).toBe('Township total');
    const codes = values(book.getWorksheet('demo-kiosk-2')!).map((r) => r[0]);
    expect(codes).toContain('JOB-01');
    expect(codes).not.toContain('CARD-02');

    const named = await read(await townshipWorkbook(MONTH, 'en'));
    expect(named.worksheets.map((w) => w.name)).toEqual(['Summary', 'Township total', NAME.en, `${NAME.en}-2`]);
  });
});
