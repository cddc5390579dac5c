import { resolvePrinterProfile } from '../../src/devices/printer/profile';
import { encodeReceipt, type ReceiptDocument } from '../../src/devices/printer/receipt-document';
import { ReceiptPrinterSimulator } from '../../src/devices/printer/simulator';
import { myRequestsSlip, submissionReceipt } from '../../src/main/printing/receipt-templates';
import { pointDateTime } from '../../src/shared/domain/point-day';
import { translatorFor } from '../../src/main/printing/translator';
import { cardBlockWords } from '../../src/shared/domain/card-block';
import type { Language } from '../../src/shared/locales';

/**
 * A card loss report's paper says when the block lifts by itself: the receipt (blocked at, lifts at) and "where is
 * my request" (lifts on DATE, or lifted on DATE once past), in the resident's language, read back from the printer
 * simulator's GB18030 bytes.
 */
const blockedAt = '2026-12-01T01:00:00.000Z';
const blockLiftsAt = '2026-12-11T01:00:00.000Z';
const when = pointDateTime(blockLiftsAt);
const site = { 'zh-CN': '示范村就业社保服务点', en: 'Demo Village Service Point' };
const resident = { name: '王建国', idNumber: '140102196805121234' };

/** The paper as the printer simulator renders it, each line's text joined (a long sentence wraps over lines). */
function paper(document: ReceiptDocument): string {
  const sim = new ReceiptPrinterSimulator({ columns: 48 });
  sim.receive(encodeReceipt(document, resolvePrinterProfile('generic-80mm', {})).bytes);
  return sim
    .transcript()
    .split('\n')
    .map((line) => line.slice(line.indexOf('|') + 1))
    .join('')
    .replace(/\s+/g, '');
}
/** Compared without spaces: a pair pads its label and value apart, and a wrapped sentence loses its spaces. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

const receipt = (language: Language, cardBlock: { blockedAt: string; blockLiftsAt: string } | null) =>
  paper(
    submissionReceipt(
      { siteName: site, item: { name: { 'zh-CN': '社会保障卡临时挂失与解挂', en: 'Report a lost card' } }, trackingNumber: 'SX20261201-000007', submittedAt: blockedAt, resident, channel: 'self', delivery: 'acknowledged', countyOnline: true, hotline: '12333', cardBlock },
      language,
      translatorFor(language),
    ),
  );

/** The loss report as the kiosk keeps it, with the county's answer. */
const answered = { submissionId: 'loss', itemCode: 'CARD-02', submittedAt: blockedAt, outcome: { state: 'done', blockLiftsAt } };

const requests = (language: Language, printedAt: string) =>
  paper(
    myRequestsSlip(
      {
        siteName: site,
        resident,
        requests: [{ itemName: { 'zh-CN': '社会保障卡临时挂失与解挂', en: 'Report a lost card' }, trackingNumber: 'SX20261201-000007', submittedAt: blockedAt, word: 'done', detail: null, countyAt: blockedAt, cardBlock: cardBlockWords([answered], Date.parse(printedAt)).get('loss') ?? null }],
        lastSyncAt: blockedAt,
        printedAt,
        hotline: '12333',
      },
      language,
      translatorFor(language),
    ),
  );

describe('a card block on paper', () => {
  it('the receipt prints when the card was blocked and when the block lifts, in Chinese and English', () => {
    expect(when).toBe('2026-12-11 09:00');
    const zh = receipt('zh-CN', { blockedAt, blockLiftsAt });
    expect(zh).toContain(squeeze(`挂失时间 ${pointDateTime(blockedAt)}`));
    expect(zh).toContain(squeeze(`自动解除时间 ${when}`));
    expect(zh).toContain('卡找不回来的，请在自动解除之前办理补卡。');
    const en = receipt('en', { blockedAt, blockLiftsAt });
    expect(en).toContain(squeeze(`Block lifts by itself at ${when}`));
    // A receipt without the county's answer claims no block.
    expect(receipt('zh-CN', null)).not.toContain('自动解除时间');
  });

  it('"where is my request" says the day it lifts while it holds, and that it lifted once that day has passed', () => {
    expect(requests('zh-CN', '2026-12-05T02:00:00.000Z')).toContain(squeeze(`社保卡已临时挂失，到 ${when} 自动解除。`));
    expect(requests('en', '2026-12-05T02:00:00.000Z')).toContain(squeeze(`Your card is blocked; the block lifts by itself on ${when}.`));
    expect(requests('zh-CN', '2026-12-12T02:00:00.000Z')).toContain(squeeze(`临时挂失已在 ${when} 到期，自动解除。`));
  });
});
