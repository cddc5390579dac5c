import { randomUUID } from 'node:crypto';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { PrintJobInfo, PrintJobRequest, ReceiptPrinterDriver } from '../../devices/printer/driver';
import type { CatalogItem } from '../../shared/catalog';
import type { SiteConfig } from '../../shared/config/site-config';
import { KioskError } from '../../shared/contract/errors';
import type { PrintJob } from '../../shared/contract/methods/printing';
import type { SubmissionStatus } from '../../shared/contract/methods/applications';
import type { ResidentCase } from '../../shared/contract/methods/cases';
import type { ResidentIdentity } from '../../shared/domain/identity';
import type { ServiceChannel } from '../../shared/domain/service-channel';
import type { Language } from '../../shared/locales';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { PrintKind } from '../store/prints';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';
import { certificatePdf, notificationPdf, queryResultPdf, type PdfContext, type RenderedPdf } from '../printing/pdf-documents';
import { a4CopyPdf } from '../printing/a4-copy';
import type { ReceiptDocument } from '../../devices/printer/receipt-document';
import type { TFunction } from 'i18next';
import type { CountyDocument } from './county-documents';
import { inquiryRegisterSlip, myRequestsSlip, notificationSlip, type InquiryRegisterData, queryResultSlip, submissionReceipt, testPage } from '../printing/receipt-templates';
import { requestWord } from '../../shared/domain/request-state';
import { cardBlockWords } from '../../shared/domain/card-block';
import { caseHandoverSlip, type CaseHandoverData } from '../printing/case-handover-slip';
import { translatorFor } from '../printing/translator';

/** What the printing service needs to know about a submission (from the store), personal data decrypted. */
export interface SubmissionForReceipt {
  itemCode: string;
  trackingNumber: string;
  submittedAt: string;
  channel: ServiceChannel;
  delivery: 'queued' | 'acknowledged' | 'rejected';
  resident: Pick<ResidentIdentity, 'name' | 'idNumber'>;
  /** A card loss report the county answered: when it blocked the card and when the block lifts by itself. */
  cardBlock?: { blockedAt: string; blockLiftsAt: string } | null;
}

export interface PrintingDeps {
  config: SiteConfig;
  /** The consultation phone in force (the county's or the local file's), printed on slips. */
  hotline: () => string;
  devices: Pick<DeviceManager, 'firstOfKind' | 'driverOf' | 'simulatorOfKind' | 'simulatorControl' | 'list'>;
  catalog: { find(code: string): CatalogItem | undefined };
  submissions: { find(submissionId: string): SubmissionForReceipt | null };
  /** Whether the county answered the last sync (receipts printed offline say the application waits for the network). */
  countyOnline?: () => boolean;
  /** The resident of the current session, if any. */
  currentResident: () => ResidentIdentity | null;
  /** Certificates the county sent in this visit, by the one-time id queries.run handed the screen. */
  countyDocuments?: { get(id: string): { document: CountyDocument; itemCode: string } | null };
  /** The monthly report of a month as an A4 PDF (src/main/report), with a reference such as 2026-10-v2. */
  monthlyReport?: (month: string, language: Language) => Promise<{ bytes: Uint8Array; pages: number; reference: string }>;
  /** The county's answer the kiosk kept for a public listing and these filters, while young enough to show (listing-cache). */
  keptListing?: (itemCode: string, params: Record<string, string | number | boolean>) => { fetchedAt: string; title?: string | undefined; rows: Array<Record<string, string>> } | null;
  /** The current resident's applications at this point, newest first, and when the county last answered. */
  residentRequests?: () => {
    submissions: ReadonlyArray<Pick<SubmissionStatus, 'submissionId' | 'itemCode' | 'trackingNumber' | 'submittedAt' | 'status' | 'outcome'>>;
    /** The resident's 全程代办 cases, as "where is my request" shows them (cases.mine). */
    cases?: ReadonlyArray<ResidentCase>;
    lastSyncAt: string | null;
  };
  events: EventBus;
  log: Logger;
  now: () => Date;
}

type PdfJob = PrintJob;

/**
 * Everything printed: slips on the receipt printer (through its driver's job queue) and A4 documents through the
 * host printer. Every job's state goes to the screens as `print.changed` with the message a person should see.
 */
export class PrintingService {
  private readonly pdfJobs: PdfJob[] = [];
  private readonly subscribed = new Set<string>();
  /** Receipt-printer jobs made while a resident was identified: cancelled if still waiting when the visit ends. */
  private readonly visitJobs = new Set<string>();
  private sessionWatched = false;

  constructor(private readonly deps: PrintingDeps) {}

  /** Subscribes to every receipt printer's job changes (call once the device manager is built). */
  attach(): void {
    if (!this.sessionWatched) {
      this.sessionWatched = true;
      this.deps.events.subscribe((event, data) => {
        if (event === 'session.changed' && (data as { state?: string }).state === 'none') this.cancelVisitJobs();
      });
    }
    for (const status of this.deps.devices.list()) {
      if (status.kind !== 'receiptPrinter' || this.subscribed.has(status.id)) continue;
      const driver = this.driverOrNull(status.id);
      if (!driver) continue;
      this.subscribed.add(status.id);
      driver.onJob((job) => {
        const view = toView(status.id, job);
        this.deps.events.emit('print.changed', { jobId: job.id, state: view.state, messageKey: view.messageKey });
        if (job.state === 'waitingForPaper' || job.state === 'waitingForCover') this.deps.log.warn({ deviceId: status.id, jobId: job.id, state: job.state }, 'print job waits for staff');
        if (job.state === 'done' && job.unprintable.length > 0) this.deps.log.warn({ deviceId: status.id, jobId: job.id, count: job.unprintable.length }, 'printed with unprintable characters replaced');
      });
    }
  }

  receipt(submissionId: string, language: Language | undefined, asClerk: boolean): PrintJob {
    const submission = this.deps.submissions.find(submissionId);
    if (!submission) throw new KioskError('not_found', { details: { submissionId } });
    if (!asClerk) {
      // A resident may print only their own receipt.
      const resident = this.deps.currentResident();
      if (!resident) throw new KioskError('session_required');
      if (resident.idNumber !== submission.resident.idNumber) throw new KioskError('forbidden', { details: { reason: 'notYourSubmission' } });
    }
    const item = this.item(submission.itemCode);
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const document = submissionReceipt(
      {
        siteName: this.deps.config.site.name,
        item,
        trackingNumber: submission.trackingNumber,
        submittedAt: submission.submittedAt,
        resident: submission.resident,
        channel: submission.channel,
        delivery: submission.delivery,
        countyOnline: this.deps.countyOnline?.() ?? false,
        hotline: this.deps.hotline(),
        cardBlock: submission.cardBlock ?? null,
      },
      lang,
      t,
    );
    return this.submit(undefined, { label: 'receipt', document, reprintBanner: t('reprint') });
  }

  notification(itemCode: string, language: Language | undefined): PrintJob {
    const item = this.item(itemCode);
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const document = notificationSlip({ siteName: this.deps.config.site.name, item, printedAt: this.deps.now().toISOString(), hotline: this.deps.hotline() }, lang, t);
    return this.submit(undefined, { label: 'notification', document, reprintBanner: t('reprint') });
  }

  queryResult(input: { itemCode: string; fetchedAt: string; title?: string | undefined; rows: Array<Record<string, string>> }, language: Language | undefined): PrintJob {
    const item = this.item(input.itemCode);
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const document = queryResultSlip(
      { siteName: this.deps.config.site.name, itemName: item.name, ...(input.title ? { title: input.title } : {}), fetchedAt: input.fetchedAt, resident: this.deps.currentResident(), rows: input.rows },
      lang,
      t,
    );
    return this.submit(undefined, { label: 'queryResult', document, reprintBanner: t('reprint') });
  }

  /**
   * A public listing on the receipt printer: printed from the county's answer the core kept (the screen cannot slip
   * other rows onto the paper), with the time the county gave it, and no one named on it.
   */
  listing(input: { itemCode: string; params: Record<string, string | number | boolean> }, language: Language | undefined): PrintJob {
    const item = this.item(input.itemCode);
    if (!item.offlineCache || item.identity.required) throw new KioskError('invalid_params', { details: { itemCode: input.itemCode, reason: 'notAPublicListing' } });
    const kept = this.deps.keptListing?.(input.itemCode, input.params) ?? null;
    if (!kept) throw new KioskError('not_found', { details: { itemCode: input.itemCode, reason: 'noListingKept' } });
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const document = queryResultSlip(
      { siteName: this.deps.config.site.name, itemName: item.name, ...(kept.title ? { title: kept.title } : {}), fetchedAt: kept.fetchedAt, resident: null, rows: kept.rows },
      lang,
      t,
    );
    return this.submit(undefined, { label: 'listing', document, reprintBanner: t('reprint') });
  }

  /** "Where is my request" on the receipt printer, for the resident of this visit only. */
  myRequests(language: Language | undefined): PrintJob {
    const { document, t } = this.myRequestsDocument(language);
    return this.submit(undefined, { label: 'myRequests', document, reprintBanner: t('reprint') });
  }

  /** The A4 copy of "where is my request": the slip's own blocks on A4 (printing/a4-copy.ts). */
  async myRequestsA4(language: Language | undefined): Promise<PrintJob> {
    const a4 = this.documentPrinter();
    const { document, t, lang } = this.myRequestsDocument(language);
    const ctx = this.pdfContext(lang);
    return (await this.sendA4(a4, await a4CopyPdf(document, t('requests:title'), ctx), 'myRequests', 'myRequests', ctx.printedAt)).job;
  }

  /** The A4 copy of the clerk's inquiry register, the same rows as the slip. */
  async inquiryRegisterA4(rows: InquiryRegisterData['rows'], clerkName: string, language: Language | undefined): Promise<PrintJob> {
    const a4 = this.documentPrinter();
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const ctx = this.pdfContext(lang);
    const document = inquiryRegisterSlip({ siteName: this.deps.config.site.name, clerkName, rows, printedAt: ctx.printedAt }, lang, t);
    return (await this.sendA4(a4, await a4CopyPdf(document, t('staff:register.title'), ctx), 'inquiryRegister', 'inquiryRegister', ctx.printedAt)).job;
  }

  private myRequestsDocument(language: Language | undefined): { document: ReceiptDocument; t: TFunction; lang: Language } {
    const resident = this.deps.currentResident();
    if (!resident) throw new KioskError('session_required');
    if (!this.deps.residentRequests) throw new KioskError('internal', { details: { reason: 'noRequestSource' } });
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const { submissions, cases = [], lastSyncAt } = this.deps.residentRequests();
    // Only the newest answer of a card item speaks for the card's block (a later cancellation supersedes a report).
    const blocks = cardBlockWords(submissions, this.deps.now().getTime());
    const requests = submissions.map((s) => {
      const word = requestWord(s);
      const detail = word === 'returned' ? (s.outcome?.missing?.text ?? null) : word === 'refused' ? (s.outcome?.reason ?? null) : null;
      const name = this.deps.catalog.find(s.itemCode)?.name ?? { 'zh-CN': s.itemCode, en: s.itemCode };
      return { itemName: name, trackingNumber: s.trackingNumber, submittedAt: s.submittedAt, word, detail, countyAt: s.outcome?.at ?? null, cardBlock: blocks.get(s.submissionId) ?? null };
    });
    const residentCases = cases.map((c) => ({ ...c, itemName: this.deps.catalog.find(c.itemCode)?.name ?? { 'zh-CN': c.itemCode, en: c.itemCode } }));
    const document = myRequestsSlip(
      { siteName: this.deps.config.site.name, resident, requests, cases: residentCases, lastSyncAt, printedAt: this.deps.now().toISOString(), hotline: this.deps.hotline() },
      lang,
      t,
    );
    return { document, t, lang };
  }

  /** The inquiry register (首问负责登记簿) as a clerk's screen lists it, on the receipt printer. */
  inquiryRegister(rows: InquiryRegisterData['rows'], clerkName: string, language: Language | undefined): PrintJob {
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const document = inquiryRegisterSlip({ siteName: this.deps.config.site.name, clerkName, rows, printedAt: this.deps.now().toISOString() }, lang, t);
    return this.submit(undefined, { label: 'inquiryRegister', document, reprintBanner: t('reprint') });
  }

  /** The 全程代办 handover receipt the resident signs (printing/case-handover-slip.ts). */
  caseHandover(data: Omit<CaseHandoverData, 'siteName' | 'printedAt'>, language: Language | undefined): PrintJob {
    const lang = language ?? this.deps.config.kiosk.defaultLanguage;
    const t = translatorFor(lang);
    const document = caseHandoverSlip({ ...data, siteName: this.deps.config.site.name, printedAt: this.deps.now().toISOString() }, lang, t);
    return this.submit(undefined, { label: 'caseHandover', document, reprintBanner: t('reprint') });
  }

  testPage(deviceId: string | undefined, language: Language | undefined): PrintJob {
    const t = translatorFor(language ?? this.deps.config.kiosk.defaultLanguage);
    const driver = this.printer(deviceId);
    const document = testPage({ deviceId: driver.id, profile: driver.profile, printedAt: this.deps.now().toISOString() }, t);
    return this.submit(driver.id, { label: 'testPage', document, reprintBanner: t('reprint') });
  }

  /** Where A4 documents go: the document printer's queue (CUPS through the host's spooler, or the simulated one). */
  private documentPrinter(): { id: string; destination: string; print: (pdf: Uint8Array, title: string) => Promise<void> } {
    const driver = this.deps.devices.firstOfKind('documentPrinter');
    if (!driver) throw new KioskError('device_not_configured', { details: { kind: 'documentPrinter' } });
    return { id: driver.id, destination: driver.destination, print: (pdf, title) => driver.printPdf(pdf, title) };
  }

  async document(input: {
    kind: 'notification' | 'queryResult' | 'monthlyReport' | 'certificate';
    itemCode?: string | undefined;
    documentId?: string | undefined;
    month?: string | undefined;
    language?: Language | undefined;
    result?: { fetchedAt: string; title?: string | undefined; rows: Array<Record<string, string>> } | undefined;
  }): Promise<{ jobId: string; pages: number; verificationCode: string; destination: string }> {
    const a4 = this.documentPrinter();
    const lang = input.language ?? this.deps.config.kiosk.defaultLanguage;
    const ctx = this.pdfContext(lang);
    let pdf: RenderedPdf;
    let subject: string;
    if (input.kind === 'monthlyReport') {
      if (!input.month) throw new KioskError('invalid_params', { details: { issues: [{ path: 'month', message: 'required for monthlyReport' }] } });
      if (!this.deps.monthlyReport) throw new KioskError('storage_error', { details: { reason: 'noMonthlyReport' } });
      const report = await this.deps.monthlyReport(input.month, lang);
      pdf = { bytes: report.bytes, pages: report.pages, verificationCode: report.reference };
      subject = `monthlyReport ${input.month}`;
    } else if (input.kind === 'certificate') {
      // Exactly what the county composed, taken from the core by its id: a screen cannot hand in other content.
      const held = input.documentId ? this.deps.countyDocuments?.get(input.documentId) : null;
      if (!held) throw new KioskError('not_found', { details: { reason: 'documentNotHeld' } });
      pdf = await certificatePdf(held.document, ctx);
      subject = `certificate ${held.itemCode}`;
    } else if (input.kind === 'notification') {
      const item = this.item(input.itemCode ?? '');
      pdf = await notificationPdf(item, ctx);
      subject = `notification ${item.code}`;
    } else {
      const item = this.item(input.itemCode ?? '');
      subject = `queryResult ${item.code}`;
      if (!input.result) throw new KioskError('invalid_params', { details: { issues: [{ path: 'result', message: 'required for queryResult' }] } });
      const resident = this.deps.currentResident();
      pdf = await queryResultPdf({ itemName: item.name, itemCode: item.code, ...(input.result.title ? { title: input.result.title } : {}), fetchedAt: input.result.fetchedAt, rows: input.result.rows, resident }, ctx);
    }
    const { job } = await this.sendA4(a4, pdf, input.kind, subject, ctx.printedAt);
    return { jobId: job.jobId, pages: pdf.pages, verificationCode: pdf.verificationCode, destination: a4.destination };
  }

  private pdfContext(lang: Language): PdfContext {
    return {
      language: lang,
      t: translatorFor(lang),
      siteName: this.deps.config.site.name,
      kioskId: this.deps.config.county?.kioskId ?? this.deps.config.site.divisionCode,
      printedAt: this.deps.now().toISOString(),
      hotline: this.deps.hotline(),
    };
  }

  /** One A4 job: remembered for print.jobs, its states told to the screens, failures in words. */
  private async sendA4(a4: ReturnType<PrintingService['documentPrinter']>, pdf: RenderedPdf, kind: string, subject: string, at: string): Promise<{ job: PdfJob }> {
    const job: PdfJob = {
      jobId: randomUUID(),
      deviceId: a4.id,
      label: `a4:${kind}`,
      state: 'printing',
      attempts: 1,
      createdAt: at,
      messageKey: 'printing:job.printing',
      unprintableCount: 0,
    };
    this.rememberPdfJob(job);
    this.deps.events.emit('print.changed', { jobId: job.jobId, state: 'printing', messageKey: job.messageKey });
    try {
      await a4.print(pdf.bytes, subject);
      Object.assign(job, { state: 'done', finishedAt: this.deps.now().toISOString(), messageKey: 'printing:job.done' });
    } catch (error) {
      Object.assign(job, { state: 'failed', finishedAt: this.deps.now().toISOString(), messageKey: 'printing:job.failed' });
      this.deps.events.emit('print.changed', { jobId: job.jobId, state: 'failed', messageKey: job.messageKey });
      throw error instanceof KioskError ? error : new KioskError('device_error', { cause: error });
    }
    this.deps.events.emit('print.changed', { jobId: job.jobId, state: 'done', messageKey: job.messageKey });
    return { job };
  }

  jobs(): PrintJob[] {
    const receiptJobs = this.deps.devices
      .list()
      .filter((s) => s.kind === 'receiptPrinter')
      .flatMap((s) => (this.driverOrNull(s.id)?.jobs() ?? []).map((j) => toView(s.id, j)));
    return [...receiptJobs, ...this.pdfJobs].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  cancel(jobId: string): boolean {
    for (const s of this.deps.devices.list()) {
      if (s.kind === 'receiptPrinter' && this.driverOrNull(s.id)?.cancel(jobId)) return true;
    }
    return false;
  }

  /** Asks the printer for its status now (the simulator's paper changed: screens should not wait for the next poll). */
  async refresh(deviceId: string | undefined): Promise<void> {
    const driver = deviceId ? this.driverOrNull(deviceId) : this.deps.devices.firstOfKind('receiptPrinter');
    await driver?.refreshStatus();
  }

  private submit(deviceId: string | undefined, request: PrintJobRequest): PrintJob {
    const driver = this.printer(deviceId);
    this.attach();
    const { info } = driver.submit(request);
    if (this.deps.currentResident()) this.visitJobs.add(info.id);
    return toView(driver.id, info);
  }

  /**
   * The visit ended: a slip of it still waiting (for paper, for the cover, in the queue) would print later for
   * whoever stands there, so it is cancelled. A job already printing finishes.
   */
  private cancelVisitJobs(): void {
    for (const jobId of this.visitJobs) {
      for (const s of this.deps.devices.list()) {
        if (s.kind !== 'receiptPrinter') continue;
        const driver = this.driverOrNull(s.id);
        const job = driver?.jobs().find((j) => j.id === jobId);
        if (job && (job.state === 'queued' || job.state === 'waitingForPaper' || job.state === 'waitingForCover') && driver?.cancel(jobId)) {
          this.deps.log.info({ jobId, state: job.state }, 'print job of an ended visit cancelled');
        }
      }
    }
    this.visitJobs.clear();
  }

  private printer(deviceId: string | undefined): ReceiptPrinterDriver {
    const driver = deviceId ? this.driverOrNull(deviceId) : this.deps.devices.firstOfKind('receiptPrinter');
    if (!driver) throw new KioskError('device_not_configured', { details: { kind: 'receiptPrinter' } });
    return driver;
  }

  private driverOrNull(id: string): ReceiptPrinterDriver | null {
    try {
      return this.deps.devices.driverOf(id, 'receiptPrinter');
    } catch {
      return null;
    }
  }

  private item(code: string): CatalogItem {
    const item = this.deps.catalog.find(code);
    if (!item) throw new KioskError('not_found', { details: { itemCode: code } });
    return item;
  }

  private rememberPdfJob(job: PdfJob): void {
    this.pdfJobs.push(job);
    if (this.pdfJobs.length > 50) this.pdfJobs.splice(0, this.pdfJobs.length - 50);
  }
}

/** The job as screens see it, with the message a person should read. */
function toView(deviceId: string, job: PrintJobInfo): PrintJob {
  const waiting = job.state === 'waitingForPaper' || job.state === 'waitingForCover';
  const messageKey = waiting || job.state === 'queued' || job.state === 'printing' || job.state === 'done' || job.state === 'cancelled' ? `printing:job.${job.state}` : (job.detailKey ?? 'printing:job.failed');
  return {
    jobId: job.id,
    deviceId,
    label: job.label,
    state: job.state,
    attempts: job.attempts,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    messageKey,
    unprintableCount: job.unprintable.length,
  };
}

export type PrintingMethod =
  | 'print.receipt'
  | 'print.notification'
  | 'print.queryResult'
  | 'print.listing'
  | 'print.testPage'
  | 'print.myRequests'
  | 'print.document'
  | 'print.jobs'
  | 'print.cancel';

/** Told of every document printed for a person (not test pages), with the call's connection to stamp it by. */
export type PrintRecorder = (print: { jobId: string; kind: PrintKind; itemCode: string | null }, ctx: CallContext) => void;

export function printingHandlers(service: PrintingService, record: PrintRecorder = () => undefined): HandlerMap<PrintingMethod> {
  const recorded = <T extends { jobId: string }>(job: T, kind: PrintKind, itemCode: string | null, ctx: CallContext): T => {
    record({ jobId: job.jobId, kind, itemCode }, ctx);
    return job;
  };
  return {
    'print.receipt': (input, ctx) => recorded(service.receipt(input.submissionId, input.language, ctx.roles.has('clerk')), 'receipt', null, ctx),
    'print.notification': (input, ctx) => recorded(service.notification(input.itemCode, input.language), 'notification', input.itemCode, ctx),
    'print.queryResult': (input, ctx) => recorded(service.queryResult(input, input.language), 'queryResult', input.itemCode, ctx),
    'print.listing': (input, ctx) => recorded(service.listing(input, input.language), 'queryResult', input.itemCode, ctx),
    'print.myRequests': async (input, ctx) => recorded(input.paper === 'a4' ? await service.myRequestsA4(input.language) : service.myRequests(input.language), 'myRequests', null, ctx),
    'print.testPage': (input) => service.testPage(input.deviceId, input.language),
    'print.document': async (input, ctx) => {
      if (input.kind === 'monthlyReport' && !ctx.roles.has('clerk')) throw new KioskError('forbidden', { details: { reason: 'clerksOnly' } });
      return recorded(await service.document(input), input.kind, input.itemCode ?? null, ctx);
    },
    'print.jobs': () => ({ jobs: service.jobs() }),
    'print.cancel': (input) => ({ cancelled: service.cancel(input.jobId) }),
  };
}
