import type { ServiceChannel } from '../../shared/domain/service-channel';
import type { TFunction } from 'i18next';
import type { ReceiptBlock, ReceiptDocument } from '../../devices/printer/receipt-document';
import type { PrinterProfile } from '../../devices/printer/profile';
import type { CatalogItem, LocalisedText } from '../../shared/catalog';
import type { ResidentIdentity } from '../../shared/domain/identity';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import type { Language } from '../../shared/locales';
import type { RequestWord } from '../../shared/domain/request-state';
import type { CaseState } from '../../shared/cases/case-state';
import type { CardBlockWord } from '../../shared/domain/card-block';
import { pointDateTime } from '../../shared/domain/point-day';

/**
 * The slips the receipt printer prints, built from data in the resident's language. Personal data appears masked
 * only: a slip left on the counter must not give a stranger a name and a whole ID number.
 */

const pick = (text: LocalisedText, language: Language): string => text[language];

/** The top of every slip: the point's name, then the slip's title in double size. */
function slipHeading(siteName: string, title: string): ReceiptBlock[] {
  return [
    { kind: 'text', text: siteName, align: 'center', bold: true },
    { kind: 'text', text: title, align: 'center', bold: true, size: 'double' },
  ];
}

/** The top of a slip about one catalogue item (receipt, notification, query result): the heading, then which item. */
function itemSlipHeading(siteName: LocalisedText, title: string, itemLabel: string, itemName: LocalisedText, language: Language): ReceiptBlock[] {
  return [...slipHeading(pick(siteName, language), title), { kind: 'rule' }, { kind: 'pair', label: itemLabel, value: pick(itemName, language) }];
}

export interface SubmissionReceiptData {
  siteName: LocalisedText;
  item: Pick<CatalogItem, 'name'> & { guide?: CatalogItem['guide'] | undefined };
  trackingNumber: string;
  submittedAt: string;
  resident: Pick<ResidentIdentity, 'name' | 'idNumber'>;
  channel: ServiceChannel;
  /** queued = accepted here, not yet acknowledged by the county (offline, or waiting for the next sync). */
  delivery: 'queued' | 'acknowledged' | 'rejected';
  /** Whether the county answered the last sync: a queued receipt printed offline says it waits for the network. */
  countyOnline: boolean;
  hotline: string;
  /** A card loss report the county answered: the block's times, printed so the resident knows when it lifts. */
  cardBlock?: { blockedAt: string; blockLiftsAt: string } | null;
}

export function submissionReceipt(data: SubmissionReceiptData, language: Language, t: TFunction): ReceiptDocument {
  const guide = data.item.guide;
  const blocks: ReceiptBlock[] = [
    ...itemSlipHeading(data.siteName, t('receipt.title'), t('receipt.item'), data.item.name, language),
    { kind: 'pair', label: t('receipt.trackingNumber'), value: data.trackingNumber },
    { kind: 'pair', label: t('receipt.time'), value: pointDateTime(data.submittedAt) },
    { kind: 'pair', label: t('receipt.applicant'), value: maskName(data.resident.name) },
    { kind: 'pair', label: t('receipt.idNumber'), value: maskIdNumber(data.resident.idNumber) },
    { kind: 'pair', label: t('receipt.serviceMode'), value: t(`receipt.serviceModes.${data.channel}`) },
    { kind: 'rule' },
    {
      kind: 'text',
      text:
        data.delivery === 'acknowledged'
          ? t('receipt.sentToCounty')
          : data.delivery === 'rejected'
            ? t('receipt.rejected')
            : data.countyOnline
              ? t('receipt.queued')
              : t('receipt.queuedOffline'),
    },
  ];
  if (data.cardBlock) {
    blocks.push(
      { kind: 'pair', label: t('receipt.blockedAt'), value: pointDateTime(data.cardBlock.blockedAt) },
      { kind: 'pair', label: t('receipt.blockLiftsAt'), value: pointDateTime(data.cardBlock.blockLiftsAt) },
      { kind: 'text', text: t('receipt.blockNote') },
    );
  }
  if (guide) {
    blocks.push(
      { kind: 'text', text: t('receipt.nextSteps'), bold: true },
      { kind: 'pair', label: t('receipt.timeLimit'), value: pick(guide.timeLimit, language) },
      { kind: 'pair', label: t('receipt.handledBy'), value: pick(guide.handledBy, language) },
    );
  }
  blocks.push(
    { kind: 'qr', data: data.trackingNumber },
    { kind: 'text', text: t('receipt.scanToTrack'), align: 'center' },
    { kind: 'pair', label: t('receipt.hotline'), value: data.hotline },
    { kind: 'text', text: t('receipt.keepIt'), align: 'center', bold: true },
    { kind: 'text', text: t('receipt.takeCard'), align: 'center' },
  );
  return { blocks };
}

export interface NotificationData {
  siteName: LocalisedText;
  item: Pick<CatalogItem, 'code' | 'name' | 'guide' | 'materials'>;
  printedAt: string;
  hotline: string;
}

/** 一次性告知单: everything the resident must bring, at once, so nobody is sent home twice. */
export function notificationSlip(data: NotificationData, language: Language, t: TFunction): ReceiptDocument {
  const guide = data.item.guide;
  const blocks: ReceiptBlock[] = [
    ...itemSlipHeading(data.siteName, t('notification.title'), t('notification.item'), data.item.name, language),
  ];
  const list = (heading: string, entries: string[]) => {
    if (entries.length === 0) return;
    blocks.push({ kind: 'text', text: heading, bold: true });
    entries.forEach((entry, i) => blocks.push({ kind: 'text', text: `${i + 1}. ${entry}` }));
  };
  if (guide) {
    list(t('notification.conditions'), guide.conditions.map((c) => pick(c, language)));
    list(t('notification.materials'), guide.materials.map((m) => pick(m, language)));
    list(t('notification.steps'), guide.steps.map((s) => pick(s, language)));
    blocks.push(
      { kind: 'pair', label: t('notification.timeLimit'), value: pick(guide.timeLimit, language) },
      { kind: 'pair', label: t('notification.fee'), value: pick(guide.fee, language) },
      { kind: 'pair', label: t('notification.handledBy'), value: pick(guide.handledBy, language) },
    );
    list(t('notification.basis'), guide.basis.map((b) => pick(b, language)));
  } else {
    list(t('notification.materials'), data.item.materials.map((m) => pick(m.name, language)));
    blocks.push({ kind: 'text', text: t('notification.noGuide') });
  }
  blocks.push(
    { kind: 'rule' },
    { kind: 'pair', label: t('notification.hotline'), value: guide?.hotline ?? data.hotline },
    { kind: 'pair', label: t('notification.printedAt'), value: pointDateTime(data.printedAt) },
  );
  return { blocks };
}

export interface QueryResultData {
  siteName: LocalisedText;
  itemName: LocalisedText;
  title?: string;
  fetchedAt: string;
  resident: Pick<ResidentIdentity, 'name'> | null;
  rows: Array<Record<string, string>>;
}

export function queryResultSlip(data: QueryResultData, language: Language, t: TFunction): ReceiptDocument {
  const blocks: ReceiptBlock[] = [
    ...itemSlipHeading(data.siteName, data.title ?? t('queryResult.title'), t('queryResult.item'), data.itemName, language),
    { kind: 'pair', label: t('queryResult.fetchedAt'), value: pointDateTime(data.fetchedAt) },
  ];
  if (data.resident) blocks.push({ kind: 'pair', label: t('queryResult.applicant'), value: maskName(data.resident.name) });
  blocks.push({ kind: 'rule' });
  if (data.rows.length === 0) blocks.push({ kind: 'text', text: t('queryResult.noRows'), align: 'center' });
  data.rows.forEach((row, i) => {
    if (i > 0) blocks.push({ kind: 'feed', lines: 1 });
    // The county's column keys in words, as the screen shows them (never a field key on paper).
    for (const [key, value] of Object.entries(row)) blocks.push({ kind: 'pair', label: t(`screens:lookup.column.${key}`, { defaultValue: key }), value });
  });
  blocks.push({ kind: 'rule' }, { kind: 'text', text: t('queryResult.notProof'), align: 'center' });
  return { blocks };
}

export interface TestPageData {
  deviceId: string;
  profile: PrinterProfile;
  printedAt: string;
}

/** What a technician prints to check a printer: both code paths for text, every style, the QR command and the cut. */
export function testPage(data: TestPageData, t: TFunction): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: t('testPage.title'), align: 'center', bold: true, size: 'double' },
      { kind: 'rule' },
      { kind: 'pair', label: t('testPage.device'), value: data.deviceId },
      { kind: 'pair', label: t('testPage.model'), value: data.profile.name },
      { kind: 'pair', label: t('testPage.paper'), value: `${data.profile.widthDots} dots / ${data.profile.columns} cols` },
      { kind: 'pair', label: t('testPage.time'), value: pointDateTime(data.printedAt) },
      { kind: 'rule' },
      { kind: 'text', text: t('testPage.chinese') },
      { kind: 'text', text: t('testPage.symbols') },
      { kind: 'text', text: t('testPage.ascii') },
      { kind: 'text', text: t('testPage.bold'), bold: true },
      { kind: 'text', text: t('testPage.double'), size: 'double' },
      { kind: 'text', text: t('testPage.left'), align: 'left' },
      { kind: 'text', text: t('testPage.center'), align: 'center' },
      { kind: 'text', text: t('testPage.right'), align: 'right' },
      { kind: 'text', text: t('testPage.qr') },
      { kind: 'qr', data: `TEST ${data.deviceId} ${data.printedAt}` },
      { kind: 'text', text: t('testPage.end'), align: 'center' },
    ],
  };
}

export interface MyRequestsData {
  siteName: LocalisedText;
  resident: Pick<ResidentIdentity, 'name' | 'idNumber'>;
  /** Newest first, as the screen shows them. */
  requests: Array<{ itemName: LocalisedText; trackingNumber: string; submittedAt: string; word: RequestWord; detail: LocalisedText | null; countyAt: string | null; cardBlock?: CardBlockWord | null }>;
  /** The resident's 全程代办 cases, newest first, in the words the screen uses (cases namespace). */
  cases?: Array<{ itemName: LocalisedText; caseNumber: string; openedAt: string; state: CaseState; overdue: boolean; missing: LocalisedText | null }>;
  /** When the county last answered this kiosk (null: never): the slip says how old its word is. */
  lastSyncAt: string | null;
  printedAt: string;
  hotline: string;
}

/** "Where is my request" on paper: the same plain words as the screen (requests:state.*), the resident masked. */
export function myRequestsSlip(data: MyRequestsData, language: Language, t: TFunction): ReceiptDocument {
  const blocks: ReceiptBlock[] = [
    ...slipHeading(pick(data.siteName, language), t('requests:title')),
    { kind: 'rule' },
    { kind: 'pair', label: t('receipt.applicant'), value: maskName(data.resident.name) },
    { kind: 'pair', label: t('receipt.idNumber'), value: maskIdNumber(data.resident.idNumber) },
    { kind: 'rule' },
  ];
  const cases = data.cases ?? [];
  if (data.requests.length === 0 && cases.length === 0) blocks.push({ kind: 'text', text: t('requests:empty') });
  data.requests.forEach((r, i) => {
    if (i > 0) blocks.push({ kind: 'feed', lines: 1 });
    blocks.push(
      { kind: 'text', text: pick(r.itemName, language), bold: true },
      { kind: 'pair', label: t('receipt.trackingNumber'), value: r.trackingNumber },
      { kind: 'pair', label: t('receipt.time'), value: pointDateTime(r.submittedAt) },
      { kind: 'text', text: `${t(`requests:state.${r.word}`)}${r.detail ? ` ${pick(r.detail, language)}` : ''}` },
    );
    if (r.cardBlock) blocks.push({ kind: 'text', text: t(`requests:cardBlock.${r.cardBlock.word}`, { time: pointDateTime(r.cardBlock.liftsAt) }) });
    if (r.countyAt) blocks.push({ kind: 'text', text: t('requests:countySaid', { time: pointDateTime(r.countyAt) }) });
  });
  if (cases.length > 0) blocks.push({ kind: 'rule' }, { kind: 'text', text: t('cases:mine.title'), bold: true });
  cases.forEach((c) => {
    blocks.push(
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: pick(c.itemName, language), bold: true },
      { kind: 'text', text: t('cases:mine.number', { number: c.caseNumber, time: pointDateTime(c.openedAt) }) },
      { kind: 'text', text: `${t(`cases:mine.state.${c.state}`)}${c.missing ? ` ${pick(c.missing, language)}` : ''}` },
    );
    if (c.overdue) blocks.push({ kind: 'text', text: t('cases:mine.overdue') });
  });
  blocks.push(
    { kind: 'rule' },
    { kind: 'text', text: data.lastSyncAt ? t('myRequests.countyAt', { time: pointDateTime(data.lastSyncAt) }) : t('requests:county.never') },
    { kind: 'pair', label: t('notification.hotline'), value: data.hotline },
    { kind: 'pair', label: t('notification.printedAt'), value: pointDateTime(data.printedAt) },
  );
  return { blocks };
}

export interface InquiryRegisterData {
  siteName: LocalisedText;
  clerkName: string;
  /** The register as the clerk's screen lists it (open first, overdue at the top); askers already masked. */
  rows: ReadonlyArray<{ openedAt: string; origin: string; ownerName: string | null; topic: string | null; itemName: LocalisedText | null; askerMasked: string | null; dueAt: string | null; outcome: string | null; closedAt: string | null; overdue: boolean }>;
  printedAt: string;
}

/** 首问负责登记簿 on the receipt printer: today's register as the clerk sees it (askers masked as registered). */
export function inquiryRegisterSlip(data: InquiryRegisterData, language: Language, t: TFunction): ReceiptDocument {
  const blocks: ReceiptBlock[] = [
    ...slipHeading(pick(data.siteName, language), t('staff:register.title')),
    { kind: 'pair', label: t('inquiryRegister.printedBy'), value: data.clerkName },
    { kind: 'rule' },
  ];
  if (data.rows.length === 0) blocks.push({ kind: 'text', text: t('staff:register.empty') });
  data.rows.forEach((r, i) => {
    if (i > 0) blocks.push({ kind: 'feed', lines: 1 });
    const topic = [r.itemName ? pick(r.itemName, language) : null, r.topic].filter(Boolean).join(' · ');
    blocks.push(
      { kind: 'text', text: `${r.overdue ? `${t('staff:register.overdue')} ` : ''}${topic}`, bold: true },
      { kind: 'pair', label: t('staff:register.column.openedAt'), value: pointDateTime(r.openedAt) },
      { kind: 'pair', label: t('staff:register.column.origin'), value: t(`staff:register.origin.${r.origin}`) },
      { kind: 'pair', label: t('staff:register.column.owner'), value: r.ownerName ?? t('staff:register.nobody') },
    );
    if (r.askerMasked) blocks.push({ kind: 'pair', label: t('staff:register.column.asker'), value: r.askerMasked });
    if (r.dueAt) blocks.push({ kind: 'pair', label: t('staff:register.column.dueAt'), value: pointDateTime(r.dueAt) });
    blocks.push({
      kind: 'pair',
      label: t('staff:register.column.outcome'),
      value: r.outcome && r.closedAt ? `${t(`staff:register.outcome.${r.outcome}`)} ${pointDateTime(r.closedAt)}` : t('inquiryRegister.open'),
    });
  });
  blocks.push({ kind: 'rule' }, { kind: 'pair', label: t('notification.printedAt'), value: pointDateTime(data.printedAt) });
  return { blocks };
}
