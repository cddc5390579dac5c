import { KioskError } from '../../shared/contract/errors';
import type { MethodInput, MethodResult } from '../../shared/contract';
import type { InquiryView } from '../../shared/contract/methods/inquiries';
import { newWorkbook } from '../../shared/report/report-workbook';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { DataKey } from '../crypto/data-key';
import type { Db } from '../store/database';
import { closeInquiry, getInquiry, inquiriesBetween, openInquiry, registerOf, takeInquiry, type Inquiry } from '../store/inquiries';
import { translatorFor } from '../printing/translator';
import { stampOf } from './channel-stamp';
import { recordPrint } from '../store/prints';
import type { InquiryRegisterData } from '../printing/receipt-templates';
import type { PrintJob } from '../../shared/contract/methods/printing';
import type { LocalisedText } from '../../shared/catalog';
import type { Language } from '../../shared/locales';
import { endOfPointDay, POINT_UTC_OFFSET_MS, pointDateTime, startOfPointDay } from '../../shared/domain/point-day';

const DUE_DAYS = { today: 0, threeDays: 3, sevenDays: 7 } as const;

/** The promised days end at the point's local midnight. */
export function dueAt(now: Date, due: keyof typeof DUE_DAYS): string {
  return endOfPointDay(now, DUE_DAYS[due]);
}

function view(i: Inquiry, now: Date): InquiryView {
  const { takenAt: _taken, closedBy: _closedBy, ...rest } = i;
  return { ...rest, overdue: i.closedAt === null && i.dueAt !== null && i.dueAt < now.toISOString() };
}

/**
 * 首问负责: the inquiry register. Every contact is an inquiry stamped with the channel and operator of the clerk's
 * login; the first clerk owns it until it is closed with what was done, and only the owner closes it.
 */
export class InquiriesService {
  constructor(
    private readonly deps: {
      store: { db: Db; key: DataKey };
      now: () => Date;
      catalog: { find(code: string): { name: LocalisedText } | undefined };
      /** The receipt printer's register slip (PrintingService.inquiryRegister). */
      printRegister?: (rows: InquiryRegisterData['rows'], clerkName: string, language: Language | undefined) => PrintJob;
      /** The same register as an A4 copy on the document printer (PrintingService.inquiryRegisterA4). */
      printRegisterA4?: (rows: InquiryRegisterData['rows'], clerkName: string, language: Language | undefined) => Promise<PrintJob>;
      /** The item's 一次性告知 slip on the receipt printer (PrintingService.notification). */
      printNotification?: (itemCode: string, language: Language | undefined) => Promise<PrintJob>;
      /** An inquiry was opened, taken or closed (the clerk's day counts them). */
      afterChange?: () => void;
    },
  ) {}

  private clerk(ctx: CallContext): { id: string; name: string } {
    const staff = ctx.connection.staff;
    if (!staff?.roles.includes('clerk')) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
    return { id: staff.id, name: staff.displayName };
  }

  open(input: MethodInput<'inquiries.open'>, ctx: CallContext): InquiryView {
    const clerk = this.clerk(ctx);
    if (input.itemCode && !this.deps.catalog.find(input.itemCode)) throw new KioskError('not_found', { details: { itemCode: input.itemCode } });
    const now = this.deps.now();
    const inquiry = openInquiry(
      this.deps.store.db,
      this.deps.store.key,
      {
        origin: input.origin,
        ...stampOf(ctx.connection),
        itemCode: input.itemCode ?? null,
        topic: input.topic ?? null,
        askerMasked: input.askerMasked ?? null,
        // On the home-visit laptop the login carries the village group the clerk chose (home-visit.ts).
        villageGroup: ctx.connection.staff?.channel === 'homeVisit' ? (ctx.connection.staff.villageGroup ?? null) : null,
        owner: clerk,
        dueAt: dueAt(now, input.due),
      },
      now,
    );
    this.deps.afterChange?.();
    return view(inquiry, now);
  }

  list(limit: number, ctx: CallContext): MethodResult<'inquiries.list'> {
    const clerk = this.clerk(ctx);
    const now = this.deps.now();
    return { inquiries: registerOf(this.deps.store.db, this.deps.store.key, clerk.id, now, startOfPointDay(now), limit).map((i) => view(i, now)) };
  }

  take(id: string, ctx: CallContext): InquiryView {
    const clerk = this.clerk(ctx);
    const now = this.deps.now();
    if (!takeInquiry(this.deps.store.db, id, clerk, now)) throw this.refusal(id, 'alreadyOwned');
    this.deps.afterChange?.();
    return view(getInquiry(this.deps.store.db, this.deps.store.key, id)!, now);
  }

  async close(id: string, outcome: MethodInput<'inquiries.close'>['outcome'], ctx: CallContext, language?: Language): Promise<InquiryView> {
    const clerk = this.clerk(ctx);
    // "一次性告知 slip printed" is a record of a slip that exists: it prints here, and only a slip on paper closes it.
    if (outcome === 'slipPrinted') await this.printSlip(id, clerk.id, language, ctx);
    const now = this.deps.now();
    if (!closeInquiry(this.deps.store.db, id, clerk.id, outcome, now)) throw this.refusal(id, 'notYours');
    this.deps.afterChange?.();
    return view(getInquiry(this.deps.store.db, this.deps.store.key, id)!, now);
  }

  private async printSlip(id: string, clerkId: string, language: Language | undefined, ctx: CallContext): Promise<void> {
    const inquiry = getInquiry(this.deps.store.db, this.deps.store.key, id);
    if (!inquiry || inquiry.closedAt !== null || inquiry.ownerId !== clerkId) throw this.refusal(id, 'notYours');
    if (!inquiry.itemCode) throw new KioskError('validation_failed', { details: { fields: [{ field: 'outcome', messageKey: 'staff:register.slipNeedsItem' }] } });
    if (!this.deps.printNotification) throw new KioskError('device_not_configured', { details: { kind: 'receiptPrinter' } });
    const job = await this.deps.printNotification(inquiry.itemCode, language);
    recordPrint(this.deps.store.db, { id: job.jobId, at: this.deps.now().toISOString(), kind: 'notification', itemCode: inquiry.itemCode, ...stampOf(ctx.connection) });
  }

  /** The caller's register on paper, exactly the rows their screen lists; the print is stamped like any other. */
  async print(language: Language | undefined, paper: 'receipt' | 'a4', ctx: CallContext): Promise<PrintJob> {
    const clerk = this.clerk(ctx);
    const printer = paper === 'a4' ? this.deps.printRegisterA4 : this.deps.printRegister;
    if (!printer) throw new KioskError('device_not_configured', { details: { kind: paper === 'a4' ? 'documentPrinter' : 'receiptPrinter' } });
    const { inquiries } = this.list(200, ctx);
    const rows = inquiries.map((i) => ({ ...i, itemName: i.itemCode ? (this.deps.catalog.find(i.itemCode)?.name ?? null) : null }));
    const job = await printer(rows, clerk.name, language);
    recordPrint(this.deps.store.db, { id: job.jobId, at: this.deps.now().toISOString(), kind: 'inquiryRegister', itemCode: null, ...stampOf(ctx.connection) });
    return job;
  }

  async export(month: string, ctx: CallContext): Promise<MethodResult<'inquiries.export'>> {
    this.clerk(ctx);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1) - POINT_UTC_OFFSET_MS).toISOString();
    const to = new Date(Date.UTC(y, m, 1) - POINT_UTC_OFFSET_MS).toISOString();
    const rows = inquiriesBetween(this.deps.store.db, this.deps.store.key, from, to);
    const t = translatorFor('zh-CN');
    const workbook = newWorkbook();
    const sheet = workbook.addWorksheet(t('staff:register.sheet'));
    const columns = ['openedAt', 'origin', 'channel', 'owner', 'item', 'topic', 'asker', 'villageGroup', 'dueAt', 'outcome', 'closedAt'] as const;
    sheet.addRow(columns.map((c) => t(`staff:register.column.${c}`)));
    const local = (iso: string | null) => (iso ? pointDateTime(iso) : '');
    for (const i of rows) {
      sheet.addRow([
        local(i.openedAt),
        t(`staff:register.origin.${i.origin}`),
        t(`catalog:serviceModes.${i.channel}`),
        i.ownerName ?? '',
        i.itemCode ?? '',
        i.topic ?? '',
        i.askerMasked ?? '',
        i.villageGroup ?? '',
        local(i.dueAt),
        i.outcome ? t(`staff:register.outcome.${i.outcome}`) : '',
        local(i.closedAt),
      ]);
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return { filename: `inquiries-${month}.xlsx`, xlsxBase64: bytes.toString('base64'), rows: rows.length };
  }

  private refusal(id: string, reason: 'alreadyOwned' | 'notYours'): KioskError {
    const inquiry = getInquiry(this.deps.store.db, this.deps.store.key, id);
    if (!inquiry) return new KioskError('not_found', { details: { inquiryId: id } });
    return new KioskError('conflict', { details: { reason, owner: inquiry.ownerName ?? '', closed: inquiry.closedAt !== null } });
  }
}

export function inquiriesHandlers(service: InquiriesService): HandlerMap<'inquiries.open' | 'inquiries.list' | 'inquiries.take' | 'inquiries.close' | 'inquiries.print' | 'inquiries.export'> {
  return {
    'inquiries.open': (input, ctx) => service.open(input, ctx),
    'inquiries.list': (input, ctx) => service.list(input.limit, ctx),
    'inquiries.take': (input, ctx) => service.take(input.id, ctx),
    'inquiries.close': (input, ctx) => service.close(input.id, input.outcome, ctx, input.language),
    'inquiries.print': (input, ctx) => service.print(input.language, input.paper, ctx),
    'inquiries.export': (input, ctx) => service.export(input.month, ctx),
  };
}
