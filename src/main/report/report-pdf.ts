import { REPORT_CHANNELS, type MonthlyFigures } from '../../shared/report/monthly-figures';
import type { Language } from '../../shared/locales';
import { formatServiceValue, itemRows, reportText, serviceRows, type LayoutItem } from '../../shared/report/report-layout';
import { formatPointTime } from '../../shared/report/report-month';
import type { ReportMeta } from '../../shared/report/report-workbook';
import { PdfComposer } from '../printing/pdf-composer';

const NUMBER = new Intl.NumberFormat('en-US');

/**
 * The monthly report on A4 (CJK font embedded): the point, month, clerk and submission time, then the same two
 * tables as the workbook (items by channel in the township layout; the service figures) and the notes.
 */
export async function reportPdf(input: { figures: MonthlyFigures; catalogue: readonly LayoutItem[]; meta: ReportMeta; language: Language }): Promise<{ bytes: Uint8Array; pages: number }> {
  const { figures, meta, language } = input;
  const text = reportText(language);
  const composer = await PdfComposer.create({ title: `${text('title')} ${meta.month}`, subject: meta.pointName });
  composer.heading(text('title'), 16);
  composer.pair(text('meta.point'), `${meta.pointName} (${meta.divisionCode})`, 10);
  composer.pair(text('meta.month'), meta.month, 10);
  composer.pair(text('meta.version'), String(meta.version), 10);
  composer.pair(text('meta.clerk'), meta.clerk ?? '', 10);
  composer.pair(text('meta.submittedAt'), meta.submittedAt ? formatPointTime(meta.submittedAt) : text('meta.notSubmitted'), 10);
  composer.space(6);
  composer.table(
    [
      { header: text('columns.code'), width: 50 },
      { header: text('columns.item'), width: 205 },
      ...REPORT_CHANNELS.map((ch) => ({ header: text(`channels.${ch}`), width: 38, align: 'right' as const })),
      { header: text('columns.total'), width: 38, align: 'right' },
    ],
    itemRows(figures, input.catalogue, language).map((row) => ({
      cells: [row.code, row.label, ...REPORT_CHANNELS.map((ch) => NUMBER.format(row.counts[ch])), NUMBER.format(row.total)],
      bold: row.kind === 'subtotal' || row.kind === 'total',
    })),
  );
  composer.space(10);
  composer.table(
    [
      { header: text('service.heading'), width: 300 },
      { header: text('service.value'), width: 80, align: 'right' },
    ],
    serviceRows(figures, language).map((row) => ({ cells: [row.label, formatServiceValue(row)] })),
  );
  if (meta.notes) {
    composer.space(6);
    composer.pair(text('meta.notes'), meta.notes, 10);
  }
  const bytes = await composer.save((page, pages) => `${meta.pointName} ${meta.month}  ${page}/${pages}`);
  return { bytes, pages: composer.pageCount };
}
