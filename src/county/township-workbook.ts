import { defaultCatalog } from '../shared/catalog/default-catalog';
import type { Language } from '../shared/locales';
import { channelTotal } from '../shared/report/monthly-figures';
import { layoutItems, reportText, type LayoutItem } from '../shared/report/report-layout';
import { formatPointTime } from '../shared/report/report-month';
import { addItemsSheet, newWorkbook, sheetName } from '../shared/report/report-workbook';
import type { TownshipMonth } from './point-reports';

/**
 * The township's month as one workbook: a summary sheet (one row per point: state, times, versions, the main
 * figures; then the township total) and, for every point that reported, its items sheet in the township layout.
 */
export async function townshipWorkbook(month: TownshipMonth, language: Language = 'zh-CN', catalogue: readonly LayoutItem[] = layoutItems(defaultCatalog().items)): Promise<Uint8Array> {
  const text = reportText(language);
  const workbook = newWorkbook();
  const taken = new Set<string>();
  const summary = workbook.addWorksheet(sheetName(text('sheet.summary'), taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: text('township.point'), key: 'point', width: 28 },
    { header: text('township.state'), key: 'state', width: 12 },
    { header: text('township.submittedAt'), key: 'submittedAt', width: 18 },
    { header: text('township.receivedAt'), key: 'receivedAt', width: 18 },
    { header: text('township.versions'), key: 'versions', width: 8, style: { numFmt: '0' } },
    { header: text('township.items'), key: 'items', width: 10, style: { numFmt: '#,##0' } },
    { header: text('service.queries'), key: 'queries', width: 10, style: { numFmt: '#,##0' } },
    { header: text('service.helpCalls'), key: 'helpCalls', width: 10, style: { numFmt: '#,##0' } },
    { header: text('service.faults.opened'), key: 'faults', width: 10, style: { numFmt: '#,##0' } },
    { header: text('service.residents'), key: 'residents', width: 14, style: { numFmt: '#,##0' } },
  ];
  summary.getRow(1).font = { bold: true };
  for (const p of month.points) {
    const f = p.latest?.report.figures;
    summary.addRow({
      point: p.siteName?.[language] ?? p.kioskId,
      state: text(`township.states.${p.state}`),
      submittedAt: p.firstSubmittedAt ? formatPointTime(p.firstSubmittedAt) : '',
      receivedAt: p.latest ? formatPointTime(p.latest.receivedAt) : '',
      versions: p.versions,
      items: f ? f.items.reduce((sum, i) => sum + channelTotal(i.byChannel), 0) : 0,
      queries: f ? channelTotal(f.queries) : 0,
      helpCalls: f?.helpCalls ?? 0,
      faults: f?.faults.opened ?? 0,
      residents: f?.distinctResidents ?? 0,
    });
  }
  const t = month.totals;
  summary.addRow({
    point: text('township.total'),
    items: t.items.reduce((sum, i) => sum + channelTotal(i.byChannel), 0),
    queries: channelTotal(t.figures.queries),
    helpCalls: t.figures.helpCalls,
    faults: t.figures.faults.opened,
    residents: t.figures.distinctResidents,
  }).font = { bold: true };
  addItemsSheet(workbook, sheetName(text('township.total'), taken), { items: t.items }, catalogue, language);
  for (const p of month.points) {
    if (!p.latest) continue;
    addItemsSheet(workbook, sheetName(p.siteName?.[language] ?? p.kioskId, taken), p.latest.report.figures, catalogue, language);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
