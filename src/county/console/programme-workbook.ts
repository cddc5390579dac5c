import { PROGRAMME_STAGES, type Programme } from '../../shared/console/api';
import { resources, type Language } from '../../shared/locales';
import { newWorkbook } from '../../shared/report/report-workbook';

/** The programme table as xlsx: one row per point, a column per stage (the date reached), then the county's dates. */
export async function programmeWorkbook(data: Programme, language: Language = 'zh-CN'): Promise<Uint8Array> {
  const text = resources[language].console.programme;
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.addRow([text.point, text.divisionCode, ...PROGRAMME_STAGES.map((s) => text.stages[s]), text.behind]);
  sheet.getRow(1).font = { bold: true };
  for (const row of data.rows) {
    sheet.addRow([
      row.point.name[language],
      row.point.divisionCode,
      ...PROGRAMME_STAGES.map((s) => row.stages[s]?.doneAt.slice(0, 10) ?? ''),
      row.behind.map((s) => text.stages[s]).join(', '),
    ]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 30 : 14));
  const dates = workbook.addWorksheet(text.datesSheet);
  dates.addRow([text.stage, text.due, text.target, text.reached, text.state]);
  dates.getRow(1).font = { bold: true };
  for (const m of data.milestones) dates.addRow([text.stages[m.stage], m.due, m.share, m.reached, text.states[m.state]]);
  dates.getColumn(3).numFmt = '0%';
  dates.getColumn(4).numFmt = '0%';
  dates.columns.forEach((c) => (c.width = 16));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
