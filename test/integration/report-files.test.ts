import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { reportPdf } from '../../src/main/report/report-pdf';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { MonthlyFigures } from '../../src/shared/report/monthly-figures';
import { layoutItems } from '../../src/shared/report/report-layout';
import { pointWorkbook, type ReportMeta } from '../../src/shared/report/report-workbook';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-files-'));
afterAll(() => { if (!process.env.KEEP_REPORT_FILES) fs.rmSync(tmp, { recursive: true, force: true }); });

const catalogue = layoutItems(defaultCatalog().items);
const counts = (self: number, assisted: number, window: number, homeVisit: number, proxy: number) => ({ self, assisted, window, homeVisit, proxy });

const figures: MonthlyFigures = {
  month: '2026-10',
  items: [
    { itemCode: 'JOB-01', byChannel: counts(3, 1, 0, 2, 0) },
    { itemCode: 'JOB-05', byChannel: counts(0, 4, 1, 0, 1) },
    { itemCode: 'SKL-01', byChannel: counts(2, 0, 0, 0, 0) },
    { itemCode: 'INS-01', byChannel: counts(1, 1, 1, 1, 1) },
    { itemCode: 'CARD-02', byChannel: counts(0, 0, 7, 0, 0) },
    { itemCode: 'DEMO-03', byChannel: counts(0, 1, 0, 0, 0) },
    // An item the catalogue no longer has still counts.
    { itemCode: 'OLD-09', byChannel: counts(1, 0, 0, 0, 0) },
  ],
  queries: counts(11, 3, 0, 0, 1),
  prints: { receipt: 12, certificate: 4, notification: 6, queryResult: 9 },
  inquiries: { opened: 0, closed: 0 },
  cases: { opened: 0, done: 0, overdue: 0 },
  helpCalls: 5,
  faults: { opened: 2, closed: 1 },
  officeMinutes: 8580,
  devices: [
    { deviceId: 'id-reader', kind: 'idCardReader', usableMinutes: 8580 },
    { deviceId: 'receipt-printer', kind: 'receiptPrinter', usableMinutes: 6435 },
  ],
  distinctResidents: 37,
};
const meta: ReportMeta = {
  pointName: '示范村就业社保服务点',
  divisionCode: '140105001001',
  month: '2026-10',
  version: 2,
  clerk: '李秀英',
  submittedAt: '2026-11-10T01:00:00.000Z',
  notes: '打印机维修两天',
};

const CATEGORY_NAMES: Record<string, string> = { job: '找工作', skill: '学技术', insurance: '办社保', card: '用社保卡', demo: '示范点专办' };
const CHANNELS = ['self', 'assisted', 'window', 'homeVisit', 'proxy'] as const;

/** The rows the township layout must have, worked out here from the catalogue and the figures. */
function expectedRows(): Array<{ code: string; label: string; values: number[]; bold: boolean }> {
  const byCode = new Map(figures.items.map((i) => [i.itemCode, i.byChannel]));
  const rows: Array<{ code: string; label: string; values: number[]; bold: boolean }> = [];
  const grand = [0, 0, 0, 0, 0];
  for (const category of ['job', 'skill', 'insurance', 'card', 'demo']) {
    const sub = [0, 0, 0, 0, 0];
    for (const item of defaultCatalog().items.filter((i) => i.category === category)) {
      const c = byCode.get(item.code);
      const values = CHANNELS.map((ch) => c?.[ch] ?? 0);
      values.forEach((v, i) => (sub[i]! += v));
      rows.push({ code: item.code, label: item.name['zh-CN'], values: [...values, values.reduce((a, b) => a + b, 0)], bold: false });
    }
    sub.forEach((v, i) => (grand[i]! += v));
    rows.push({ code: '', label: `小计：${CATEGORY_NAMES[category]}`, values: [...sub, sub.reduce((a, b) => a + b, 0)], bold: true });
  }
  rows.push({ code: 'OLD-09', label: '其他事项', values: [1, 0, 0, 0, 0, 1], bold: false });
  grand[0]! += 1;
  rows.push({ code: '', label: '总计', values: [...grand, grand.reduce((a, b) => a + b, 0)], bold: true });
  return rows;
}

describe('the report as files people use', () => {
  it('xlsx: the items sheet in the township layout, read back cell by cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await pointWorkbook({ figures, catalogue, meta, language: 'zh-CN' })) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['事项办理', '服务情况']);
    const sheet = workbook.getWorksheet('事项办理')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '事项编码', '事项名称', '自助', '帮办', '窗口', '上门', '代理办', '合计']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.map((c) => c.width)).toEqual([12, 44, 10, 10, 10, 10, 10, 10]);

    const rows = expectedRows();
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((want, i) => {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value ?? '', row.getCell(2).value]).toEqual([want.code, want.label]);
      for (let c = 0; c < 6; c++) {
        const cell = row.getCell(3 + c);
        expect([want.label, c, cell.value]).toEqual([want.label, c, want.values[c]]);
        expect(cell.numFmt).toBe('#,##0');
      }
      expect(Boolean(row.font?.bold)).toBe(want.bold);
    });
    // The figures add up: the total row is every item of the month.
    expect(sheet.getRow(rows.length + 1).getCell(8).value).toBe(28);
  });

  it('xlsx: the service sheet (queries, prints, inquiries, cases, help calls, faults, residents, availability) and who submitted', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await pointWorkbook({ figures, catalogue, meta, language: 'zh-CN' })) as never);
    const sheet = workbook.getWorksheet('服务情况')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const cells: Array<[unknown, unknown, string | undefined]> = [];
    sheet.eachRow((row, n) => {
      if (n > 1) cells.push([row.getCell(1).value, row.getCell(2).value, row.getCell(2).numFmt]);
    });
    expect(cells).toEqual([
      ['查询', 15, '#,##0'],
      ['打印回执', 12, '#,##0'],
      ['打印证明', 4, '#,##0'],
      ['一次性告知单', 6, '#,##0'],
      ['打印查询结果', 9, '#,##0'],
      ['首问登记', 0, '#,##0'],
      ['首问办结', 0, '#,##0'],
      ['全程代办受理', 0, '#,##0'],
      ['全程代办办结', 0, '#,##0'],
      ['全程代办超期', 0, '#,##0'],
      ['呼叫帮办', 5, '#,##0'],
      ['故障报修', 2, '#,##0'],
      ['故障修复', 1, '#,##0'],
      ['服务群众（人）', 37, '#,##0'],
      ['办公时长（小时）', 143, '#,##0.0'],
      ['设备可用率：id-reader', 1, '0.0%'],
      ['设备可用率：receipt-printer', 0.75, '0.0%'],
      ['服务点', '示范村就业社保服务点', undefined],
      ['区划代码', '140105001001', undefined],
      ['月份', '2026-10', undefined],
      ['版本', '2', undefined],
      ['经办人', '李秀英', undefined],
      ['上报时间', '2026-11-10 09:00', undefined],
      ['备注', '打印机维修两天', undefined],
    ]);
  });

  it('PDF: A4 with the embedded CJK font; pdftotext reads the point, month, clerk, submission time and every row', async () => {
    const { bytes, pages } = await reportPdf({ figures, catalogue, meta, language: 'zh-CN' });
    expect(pages).toBe(2);
    const file = path.join(tmp, 'report.pdf');
    fs.writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file]).toString('utf8');
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(execFileSync('pdffonts', [file]).toString('utf8')).toMatch(/CID TrueType\s+Identity-H\s+yes/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).toString('utf8');
    const flat = text.replace(/\s+/g, '');
    for (const want of ['服务点月度工作报表', '示范村就业社保服务点(140105001001)', '月份2026-10', '经办人李秀英', '上报时间2026-11-1009:00', '备注打印机维修两天']) expect(flat).toContain(want);
    // Every row of the layout, in order, with its figures (names too long for the column are cut with "...").
    const lines = text.split('\n').map((l) => l.trim().split(/\s{2,}|\s(?=\d)/).join(' '));
    let from = 0;
    for (const row of expectedRows()) {
      const at = lines.findIndex((l, i) => i >= from && l.replace(/\s+/g, '').startsWith(row.code + (row.label.length > 14 ? row.label.slice(0, 8) : row.label)));
      expect([row.code, row.label, at >= 0]).toEqual([row.code, row.label, true]);
      expect(lines[at]!.match(/(\d[\d,]*)(?=\s|$)/g)!.slice(-6).map((n) => Number(n.replace(/,/g, '')))).toEqual(row.values);
      from = at + 1;
    }
    expect(flat).toContain('设备可用率：receipt-printer75.0%');
    expect(flat).toContain('服务群众（人）37');
  });
});
