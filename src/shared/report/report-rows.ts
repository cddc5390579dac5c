import { CATEGORY_CODES, type CategoryCode } from '../catalog/categories';
import type { Language, LanguageTexts } from '../locales';
import { REPORT_CHANNELS, availability, channelTotal, zeroChannels, type ChannelCounts, type MonthlyFigures } from './monthly-figures';

/**
 * The township's table layout of a monthly report, shared by the kiosk's files and screen and by the township's
 * workbook: one row per catalogue item in catalogue order, a subtotal after each category, then items the
 * catalogue no longer has, then the total; one column per channel and a total column. Laid out in the `wording` a
 * caller hands in, so the kiosk's screen brings only the language it has loaded (report-layout.ts takes a language).
 */
export interface LayoutItem {
  code: string;
  category: CategoryCode;
  name: { 'zh-CN': string; en: string };
}

export interface ItemRow {
  kind: 'item' | 'subtotal' | 'other' | 'total';
  code: string;
  label: string;
  counts: ChannelCounts;
  total: number;
}

export interface ServiceRow {
  label: string;
  value: number;
  /** count: a whole number; hours: office hours; share: 0..1 shown as a percentage. */
  format: 'count' | 'hours' | 'share';
}

/** The texts a report is laid out in: one language's `report` namespace and its category names. */
export interface ReportWording {
  language: Language;
  texts: Pick<LanguageTexts, 'report' | 'common'>;
}

/** A report text: `report:` keys by dotted path, with {{name}} filled in. */
export function wordingText(wording: ReportWording): (key: string, values?: Record<string, string | number>) => string {
  const root = wording.texts.report as unknown as Record<string, unknown>;
  return (key, values = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
    if (typeof found !== 'string') throw new Error(`missing report text ${key}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
  };
}

function categoryWording(wording: ReportWording, code: CategoryCode): string {
  return (wording.texts.common as unknown as { categories: Record<string, string> }).categories[code] ?? code;
}

export function itemRows(figures: Pick<MonthlyFigures, 'items'>, catalogue: readonly LayoutItem[], wording: ReportWording): ItemRow[] {
  const text = wordingText(wording);
  const { language } = wording;
  const counted = new Map(figures.items.map((i) => [i.itemCode, i.byChannel]));
  const rows: ItemRow[] = [];
  const grand = zeroChannels();
  const add = (into: ChannelCounts, from: ChannelCounts) => {
    for (const ch of REPORT_CHANNELS) into[ch] += from[ch];
  };
  for (const category of CATEGORY_CODES) {
    const items = catalogue.filter((i) => i.category === category);
    if (items.length === 0) continue;
    const sub = zeroChannels();
    for (const item of items) {
      const counts = { ...(counted.get(item.code) ?? zeroChannels()) };
      add(sub, counts);
      rows.push({ kind: 'item', code: item.code, label: item.name[language], counts, total: channelTotal(counts) });
    }
    rows.push({ kind: 'subtotal', code: '', label: text('rows.subtotal', { category: categoryWording(wording, category) }), counts: sub, total: channelTotal(sub) });
    add(grand, sub);
  }
  const known = new Set(catalogue.map((i) => i.code));
  for (const [code, counts] of counted) {
    if (known.has(code)) continue;
    rows.push({ kind: 'other', code, label: text('rows.other'), counts: { ...counts }, total: channelTotal(counts) });
    add(grand, counts);
  }
  rows.push({ kind: 'total', code: '', label: text('rows.total'), counts: grand, total: channelTotal(grand) });
  return rows;
}

export function serviceRows(figures: MonthlyFigures, wording: ReportWording): ServiceRow[] {
  const text = wordingText(wording);
  const rows: ServiceRow[] = [
    { label: text('service.queries'), value: channelTotal(figures.queries), format: 'count' },
    ...(['receipt', 'certificate', 'notification', 'queryResult'] as const).map((k) => ({ label: text(`service.prints.${k}`), value: figures.prints[k], format: 'count' as const })),
    { label: text('service.inquiries.opened'), value: figures.inquiries.opened, format: 'count' },
    { label: text('service.inquiries.closed'), value: figures.inquiries.closed, format: 'count' },
    { label: text('service.cases.opened'), value: figures.cases.opened, format: 'count' },
    { label: text('service.cases.done'), value: figures.cases.done, format: 'count' },
    { label: text('service.cases.overdue'), value: figures.cases.overdue, format: 'count' },
    { label: text('service.helpCalls'), value: figures.helpCalls, format: 'count' },
    { label: text('service.faults.opened'), value: figures.faults.opened, format: 'count' },
    { label: text('service.faults.closed'), value: figures.faults.closed, format: 'count' },
    { label: text('service.residents'), value: figures.distinctResidents, format: 'count' },
    { label: text('service.officeHours'), value: figures.officeMinutes / 60, format: 'hours' },
  ];
  for (const d of figures.devices) rows.push({ label: text('service.device', { device: d.deviceId }), value: availability(figures, d), format: 'share' });
  return rows;
}

/** The catalogue's items as the layout needs them, in catalogue order. */
export function layoutItems(items: ReadonlyArray<{ code: string; category: string; name: { 'zh-CN': string; en: string } }>): LayoutItem[] {
  return items.filter((i): i is LayoutItem => (CATEGORY_CODES as readonly string[]).includes(i.category));
}

/** A service figure as text: a count as is, hours with one decimal, a share as a percentage with one decimal. */
export function formatServiceValue(row: Pick<ServiceRow, 'value' | 'format'>): string {
  if (row.format === 'share') return `${(row.value * 100).toFixed(1)}%`;
  if (row.format === 'hours') return row.value.toFixed(1);
  return row.value.toLocaleString('en-US');
}
