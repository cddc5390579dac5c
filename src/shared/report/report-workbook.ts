import ExcelJS from 'exceljs';
import type { Language } from '../locales';
import { REPORT_CHANNELS, type MonthlyFigures } from './monthly-figures';
import { itemRows, reportText, serviceRows, type LayoutItem } from './report-layout';
import { formatPointTime } from './report-month';

export interface ReportMeta {
  pointName: string;
  divisionCode: string;
  month: string;
  version: number;
  clerk: string | null;
  submittedAt: string | null;
  notes: string;
}

const COUNT = '#,##0';
const FORMATS = { count: COUNT, hours: '#,##0.0', share: '0.0%' } as const;

/**
 * The items sheet in the township's layout: header row frozen, one row per catalogue item, a subtotal per category
 * (bold), the total; a column per channel and a total column, all as numbers.
 */
export function addItemsSheet(workbook: ExcelJS.Workbook, sheetName: string, figures: Pick<MonthlyFigures, 'items'>, catalogue: readonly LayoutItem[], language: Language): ExcelJS.Worksheet {
  const text = reportText(language);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: text('columns.code'), key: 'code', width: 12 },
    { header: text('columns.item'), key: 'label', width: 44 },
    ...REPORT_CHANNELS.map((ch) => ({ header: text(`channels.${ch}`), key: ch, width: 10, style: { numFmt: COUNT } })),
    { header: text('columns.total'), key: 'total', width: 10, style: { numFmt: COUNT } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of itemRows(figures, catalogue, language)) {
    const added = sheet.addRow({ code: row.code, label: row.label, ...row.counts, total: row.total });
    if (row.kind === 'subtotal' || row.kind === 'total') added.font = { bold: true };
  }
  return sheet;
}

/** The service sheet: queries, prints, inquiries, cases, help calls, faults, residents, device availability; then who and when. */
export function addServiceSheet(workbook: ExcelJS.Workbook, sheetName: string, figures: MonthlyFigures, meta: ReportMeta, language: Language): ExcelJS.Worksheet {
  const text = reportText(language);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: text('service.heading'), key: 'label', width: 36 },
    { header: text('service.value'), key: 'value', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of serviceRows(figures, language)) {
    const added = sheet.addRow({ label: row.label, value: row.value });
    added.getCell('value').numFmt = FORMATS[row.format];
  }
  sheet.addRow({});
  const metaRows: Array<[string, string]> = [
    [text('meta.point'), meta.pointName],
    [text('meta.division'), meta.divisionCode],
    [text('meta.month'), meta.month],
    [text('meta.version'), String(meta.version)],
    [text('meta.clerk'), meta.clerk ?? ''],
    [text('meta.submittedAt'), meta.submittedAt ? formatPointTime(meta.submittedAt) : text('meta.notSubmitted')],
    [text('meta.notes'), meta.notes],
  ];
  for (const [label, value] of metaRows) sheet.addRow({ label, value }).getCell('value').alignment = { wrapText: true, vertical: 'top' };
  return sheet;
}

/** A point's report as one workbook: the items sheet and the service sheet. */
export async function pointWorkbook(input: { figures: MonthlyFigures; catalogue: readonly LayoutItem[]; meta: ReportMeta; language: Language }): Promise<Uint8Array> {
  const text = reportText(input.language);
  const workbook = newWorkbook();
  addItemsSheet(workbook, text('sheet.items'), input.figures, input.catalogue, input.language);
  addServiceSheet(workbook, text('sheet.service'), input.figures, input.meta, input.language);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'village-kiosk';
  // A fixed date keeps the file the same for the same report (exceljs would stamp "now").
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'sheet';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
