import { v7 as uuidv7 } from 'uuid';
import type { SiteConfig } from '../../shared/config/site-config';
import { KioskError } from '../../shared/contract/errors';
import type { ReportStatus, ReportView } from '../../shared/contract/methods/report';
import type { MonthlyFigures } from '../../shared/report/monthly-figures';
import type { OfficeHours } from '../../shared/domain/office-hours';
import { reportSigningText, type MonthlyReportPayload } from '../../shared/report/monthly-report';
import { dayOfMonth, monthOf, previousMonth, reportDeadline } from '../../shared/report/report-month';
import type { HandlerMap } from '../dispatcher';
import type { KioskStore } from '../store/kiosk-store';
import { insertReportDraft, latestReport, refreshReportDraft, reportVersions, submitReport, type StoredReport } from '../store/monthly-reports';
import { closeResidentMonths } from '../store/resident-tally';
import { countMonth } from './report-counter';
import { reportPdf } from './report-pdf';
import type { Language } from '../../shared/locales';
import { layoutItems, type LayoutItem } from '../../shared/report/report-layout';
import { pointWorkbook, type ReportMeta } from '../../shared/report/report-workbook';

/** From this day of the month the clerk's screen reminds that last month's report is due. */
export const REMINDER_DAY = 10;

export interface ReportServiceDeps {
  store: Pick<KioskStore, 'db' | 'key'>;
  config: SiteConfig;
  /** The office hours in force (the county's or the local file's), read when the month is counted. */
  officeHours: () => readonly OfficeHours[];
  catalog: { find(code: string): { type: string } | undefined; list(): { items: ReadonlyArray<{ code: string; category: string; name: { 'zh-CN': string; en: string } }> } };
  /** HMAC-SHA256 with the kiosk's county secret, hex; null when no county is configured (nothing can be submitted). */
  sign: ((text: string) => string) | null;
  /** A report was queued: sync now rather than at the next interval. */
  afterSubmit: () => void;
  now: () => Date;
}

/**
 * The monthly report at the point: made on the 1st for the month before (and on demand for any past month),
 * reviewed by a clerk who adds notes, submitted signed through the outbox, corrected by a new version.
 */
export class ReportService {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ReportServiceDeps) {}

  /** Makes last month's report now if it is not made yet, then checks again every hour (the 1st may come while running). */
  start(): void {
    this.makeDue();
    this.timer = setInterval(() => this.makeDue(), 60 * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  makeDue(): void {
    const month = previousMonth(monthOf(this.deps.now()));
    if (!latestReport(this.deps.store.db, month)) this.open(month);
  }

  status(): ReportStatus {
    const now = this.deps.now();
    const month = previousMonth(monthOf(now));
    const latest = latestReport(this.deps.store.db, month);
    const submitted = reportVersions(this.deps.store.db, month).find((r) => r.submittedAt !== null) ?? null;
    const deadline = reportDeadline(month);
    return {
      month,
      state: !latest ? 'notMade' : submitted ? 'submitted' : 'draft',
      reminder: !submitted && dayOfMonth(now) >= REMINDER_DAY,
      late: submitted ? Date.parse(submitted.submittedAt!) >= deadline : now.getTime() >= deadline,
      deadline: new Date(deadline).toISOString(),
    };
  }

  open(month: string): ReportView {
    this.assertPast(month);
    const { db } = this.deps.store;
    const latest = latestReport(db, month);
    const at = this.deps.now().toISOString();
    if (!latest) insertReportDraft(db, month, this.count(month), '', at);
    else if (!latest.submittedAt) refreshReportDraft(db, month, latest.version, this.count(month), at);
    return this.view(month);
  }

  submit(input: { month: string; version: number; notes: string }, clerk: { id: string; displayName: string }): ReportView {
    this.assertPast(input.month);
    const latest = latestReport(this.deps.store.db, input.month);
    if (!latest || latest.version !== input.version || latest.submittedAt) {
      throw new KioskError('conflict', { details: { month: input.month, version: input.version, reason: 'notTheOpenDraft' } });
    }
    if (!this.deps.sign || !this.deps.config.county) throw new KioskError('county_unreachable', { details: { reason: 'notConfigured' } });
    const unsigned: Omit<MonthlyReportPayload, 'signature'> = {
      kioskId: this.deps.config.county.kioskId,
      divisionCode: this.deps.config.site.divisionCode,
      siteName: { 'zh-CN': this.deps.config.site.name['zh-CN'].slice(0, 100), en: this.deps.config.site.name.en.slice(0, 100) },
      month: input.month,
      version: latest.version,
      madeAt: latest.madeAt,
      submittedAt: this.deps.now().toISOString(),
      submittedBy: { id: clerk.id, name: clerk.displayName },
      notes: input.notes.trim(),
      // The figures the clerk reviewed, exactly as shown.
      figures: latest.figures,
    };
    const payload: MonthlyReportPayload = { ...unsigned, signature: this.deps.sign(reportSigningText(unsigned)) };
    submitReport(this.deps.store.db, this.deps.store.key, { outboxId: uuidv7(), payload });
    this.deps.afterSubmit();
    return this.view(input.month);
  }

  /** A corrected version: counted again, the notes of the last version carried over, to be submitted again. */
  correct(month: string): ReportView {
    this.assertPast(month);
    const latest = latestReport(this.deps.store.db, month);
    if (!latest?.submittedAt) throw new KioskError('conflict', { details: { month, reason: 'nothingSubmittedToCorrect' } });
    insertReportDraft(this.deps.store.db, month, this.count(month), latest.notes, this.deps.now().toISOString());
    return this.view(month);
  }

  /** The stored version (latest when not given), for the files. */
  stored(month: string, version?: number): StoredReport {
    const versions = reportVersions(this.deps.store.db, month);
    const found = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
    if (!found) throw new KioskError('not_found', { details: { month, ...(version === undefined ? {} : { version }) } });
    return found;
  }

  /** A version as the files people use: the township's xlsx layout or the A4 PDF. */
  async file(input: { month: string; version?: number | undefined; format: 'xlsx' | 'pdf'; language: Language }): Promise<{ fileName: string; mime: string; base64: string }> {
    const report = this.stored(input.month, input.version);
    const site = this.deps.config.site;
    const files = this.fileInput(report, input.language);
    const base = `report-${site.divisionCode}-${report.month}-v${report.version}`;
    if (input.format === 'xlsx') {
      return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(await pointWorkbook(files)).toString('base64') };
    }
    return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: Buffer.from((await reportPdf(files)).bytes).toString('base64') };
  }

  /** The A4 PDF of a month's latest version for the document printer (made now if the month has none yet). */
  async printable(month: string, language: Language): Promise<{ bytes: Uint8Array; pages: number; reference: string }> {
    if (!latestReport(this.deps.store.db, month)) this.open(month);
    const report = this.stored(month);
    const pdf = await reportPdf(this.fileInput(report, language));
    return { ...pdf, reference: `${month}-v${report.version}` };
  }

  private fileInput(report: StoredReport, language: Language): { figures: MonthlyFigures; catalogue: LayoutItem[]; meta: ReportMeta; language: Language } {
    const site = this.deps.config.site;
    const meta: ReportMeta = {
      pointName: site.name[language],
      divisionCode: site.divisionCode,
      month: report.month,
      version: report.version,
      clerk: report.submittedBy?.name ?? null,
      submittedAt: report.submittedAt,
      notes: report.notes,
    };
    return { figures: report.figures, catalogue: layoutItems(this.deps.catalog.list().items), meta, language };
  }

  private count(month: string): MonthlyFigures {
    const now = this.deps.now();
    // A month that is over has its residents counted once and for all, and forgotten.
    closeResidentMonths(this.deps.store.db, monthOf(now), now.toISOString());
    return countMonth(this.deps.store.db, month, {
      officeHours: this.deps.officeHours(),
      devices: this.deps.config.devices.map((d) => ({ id: d.id, kind: d.kind })),
      now,
      isPrintItem: (code) => this.deps.catalog.find(code)?.type === 'print',
    });
  }

  private view(month: string): ReportView {
    const versions = reportVersions(this.deps.store.db, month);
    const latest = versions.at(-1)!;
    const deadline = reportDeadline(month);
    const firstSubmitted = versions.find((v) => v.submittedAt !== null);
    return {
      month,
      version: latest.version,
      madeAt: latest.madeAt,
      figures: latest.figures,
      notes: latest.notes,
      submittedAt: latest.submittedAt,
      submittedBy: latest.submittedBy,
      deliveredAt: latest.deliveredAt,
      deadline: new Date(deadline).toISOString(),
      late: firstSubmitted ? Date.parse(firstSubmitted.submittedAt!) >= deadline : this.deps.now().getTime() >= deadline,
      versions: versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt, submittedBy: v.submittedBy?.name ?? null })),
    };
  }

  private assertPast(month: string): void {
    if (month >= monthOf(this.deps.now())) throw new KioskError('invalid_params', { details: { issues: [{ path: 'month', message: 'only a month that is over can be reported' }] } });
  }
}

export function reportHandlers(service: ReportService): HandlerMap<'report.status' | 'report.open' | 'report.submit' | 'report.correct' | 'report.file'> {
  return {
    'report.status': () => service.status(),
    'report.open': (input) => service.open(input.month),
    'report.submit': (input, ctx) => {
      const staff = ctx.connection.staff;
      if (!staff) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
      return service.submit(input, staff);
    },
    'report.correct': (input) => service.correct(input.month),
    'report.file': (input) => service.file(input),
  };
}
