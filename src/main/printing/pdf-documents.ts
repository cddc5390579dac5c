import { createHash, randomBytes } from 'node:crypto';
import type { TFunction } from 'i18next';
import type { CatalogItem, LocalisedText } from '../../shared/catalog';
import type { ResidentIdentity } from '../../shared/domain/identity';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import type { Language } from '../../shared/locales';
import { PdfComposer } from './pdf-composer';
import { pointDateTime } from '../../shared/domain/point-day';

/** An A4 document ready for the host printer. */
export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  verificationCode: string;
}

/**
 * A verification code for a printed document: random, so it cannot be guessed from the content, bound to the
 * kiosk and the content hash so the county can check a presented copy against what this kiosk printed.
 * The QR carries `kiosk-verify:<kioskId>:<code>:<hash prefix>`.
 */
export function verificationFor(kioskId: string, content: string): { code: string; qr: string } {
  const code = randomBytes(6).toString('hex').toUpperCase();
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  return { code, qr: `kiosk-verify:${kioskId}:${code}:${hash}` };
}

const pick = (text: LocalisedText, language: Language): string => text[language];

export interface PdfContext {
  language: Language;
  t: TFunction;
  siteName: LocalisedText;
  kioskId: string;
  printedAt: string;
  hotline: string;
}

/**
 * The foot of a document the kiosk composes itself (notification, query result): who printed it and when, and a
 * print reference for the point's records. It says plainly that it is not a certificate: nothing can check a
 * kiosk-made code, so the paper does not invite anyone to "scan to verify" (certificates carry the county's code).
 */
export async function finish(composer: PdfComposer, ctx: PdfContext, verification: { code: string; qr: string }): Promise<RenderedPdf> {
  const { t } = ctx;
  composer.space(12);
  composer.pair(t('pdf.issuedBy'), pick(ctx.siteName, ctx.language));
  composer.pair(t('pdf.printedAt'), pointDateTime(ctx.printedAt));
  composer.pair(t('pdf.reference'), verification.code);
  composer.paragraph(t('pdf.notACertificate'), { size: 10 });
  const bytes = await composer.save((page, pages) => `${t('pdf.page', { page, pages })}   ${t('pdf.reference')} ${verification.code}`);
  return { bytes, pages: composer.pageCount, verificationCode: verification.code };
}

/** The one-time notification on A4: conditions, every material, steps, time limit, fee, basis. */
export async function notificationPdf(item: Pick<CatalogItem, 'code' | 'name' | 'guide' | 'materials'>, ctx: PdfContext): Promise<RenderedPdf> {
  const { t, language } = ctx;
  const composer = await PdfComposer.create({ title: `${t('pdf.notificationTitle')} ${item.code}` });
  composer.paragraph(pick(ctx.siteName, language), { size: 12, align: 'center' });
  composer.heading(t('pdf.notificationTitle'));
  composer.pair(t('notification.item'), `${pick(item.name, language)} (${item.code})`);
  composer.rule();
  const guide = item.guide;
  if (guide) {
    composer.list(t('notification.conditions'), guide.conditions.map((c) => pick(c, language)));
    composer.list(t('notification.materials'), guide.materials.map((m) => pick(m, language)));
    composer.list(t('notification.steps'), guide.steps.map((s) => pick(s, language)));
    composer.space(6);
    composer.pair(t('notification.timeLimit'), pick(guide.timeLimit, language));
    composer.pair(t('notification.fee'), pick(guide.fee, language));
    composer.pair(t('notification.handledBy'), pick(guide.handledBy, language));
    composer.list(t('notification.basis'), guide.basis.map((b) => pick(b, language)));
    composer.pair(t('notification.hotline'), guide.hotline);
  } else {
    composer.list(t('notification.materials'), item.materials.map((m) => pick(m.name, language)));
    composer.paragraph(t('notification.noGuide'));
    composer.pair(t('notification.hotline'), ctx.hotline);
  }
  composer.rule();
  return finish(composer, ctx, verificationFor(ctx.kioskId, JSON.stringify({ item: item.code, at: ctx.printedAt })));
}

export interface QueryResultInput {
  itemName: LocalisedText;
  itemCode: string;
  title?: string;
  fetchedAt: string;
  rows: Array<Record<string, string>>;
  resident: Pick<ResidentIdentity, 'name' | 'idNumber'> | null;
}

/** A county answer (certificate, rights statement, query) printed on A4 with a verification QR. */
export async function queryResultPdf(input: QueryResultInput, ctx: PdfContext): Promise<RenderedPdf> {
  const { t, language } = ctx;
  const title = input.title ?? t('pdf.queryResultTitle');
  const composer = await PdfComposer.create({ title: `${title} ${input.itemCode}` });
  composer.paragraph(pick(ctx.siteName, language), { size: 12, align: 'center' });
  composer.heading(title);
  composer.pair(t('queryResult.item'), pick(input.itemName, language));
  composer.pair(t('queryResult.fetchedAt'), pointDateTime(input.fetchedAt));
  if (input.resident) {
    composer.pair(t('queryResult.applicant'), `${maskName(input.resident.name)}  ${maskIdNumber(input.resident.idNumber)}`);
  }
  composer.rule();
  if (input.rows.length === 0) composer.paragraph(t('queryResult.noRows'), { align: 'center' });
  input.rows.forEach((row, i) => {
    if (i > 0) composer.space(8);
    for (const [label, value] of Object.entries(row)) composer.pair(label, value);
  });
  composer.rule();
  return finish(composer, ctx, verificationFor(ctx.kioskId, JSON.stringify({ item: input.itemCode, rows: input.rows, at: input.fetchedAt })));
}

/**
 * A certificate exactly as the county composed it: its title and lines, the county's verification code (one per
 * document, stored at the county with the hash of this content), a QR of the county's /verify address and the
 * county's note on how to check it. The kiosk adds only where and when it was printed; it makes no code of its own
 * and claims no seal.
 */
export async function certificatePdf(doc: CountyDocumentInput, ctx: PdfContext): Promise<RenderedPdf> {
  const { t, language } = ctx;
  const composer = await PdfComposer.create({ title: doc.title });
  composer.paragraph(pick(ctx.siteName, language), { size: 12, align: 'center' });
  composer.heading(doc.title);
  composer.rule();
  for (const line of doc.lines) composer.paragraph(line, { size: 12 });
  composer.rule();
  composer.pair(t('pdf.printedAt'), pointDateTime(ctx.printedAt));
  if (!doc.verification) {
    composer.paragraph(t('pdf.notVerifiable'));
    const bytes = await composer.save((page, pages) => t('pdf.page', { page, pages }));
    return { bytes, pages: composer.pageCount, verificationCode: '' };
  }
  const v = doc.verification;
  composer.pair(t('pdf.verifyCode'), v.code);
  composer.paragraph(v.note, { size: 10 });
  composer.qr(v.url, t('pdf.verify'));
  composer.paragraph(`SHA-256 ${v.contentSha256.slice(0, 16)}`, { size: 8 });
  const bytes = await composer.save((page, pages) => `${t('pdf.page', { page, pages })}   ${t('pdf.verifyCode')} ${v.code}`);
  return { bytes, pages: composer.pageCount, verificationCode: v.code };
}

export interface CountyDocumentInput {
  title: string;
  lines: string[];
  verification?: { code: string; contentSha256: string; url: string; note: string } | undefined;
}

