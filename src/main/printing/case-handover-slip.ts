import type { TFunction } from 'i18next';
import type { ReceiptBlock, ReceiptDocument } from '../../devices/printer/receipt-document';
import type { CaseStep } from '../../shared/cases/case-record';
import type { CaseState } from '../../shared/cases/case-state';
import type { LocalisedText } from '../../shared/catalog';
import type { Language } from '../../shared/locales';
import { pointDateTime } from '../../shared/domain/point-day';

export interface CaseHandoverData {
  siteName: LocalisedText;
  itemName: LocalisedText;
  caseNumber: string;
  residentMasked: string;
  clerkName: string;
  state: CaseState;
  steps: readonly CaseStep[];
  printedAt: string;
}

/**
 * 全程代办交还回执 on the receipt printer: the case, what became of it (the county's words when it finished or
 * refused it), every step with who and when, and lines for the resident's signature and the date. The clerk keeps
 * the signed slip; the hand-back step is recorded only after it is signed.
 */
export function caseHandoverSlip(data: CaseHandoverData, language: Language, t: TFunction): ReceiptDocument {
  const final = [...data.steps].reverse().find((s) => s.kind === 'finish' || s.kind === 'refuse');
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: data.siteName[language], align: 'center', bold: true },
    { kind: 'text', text: t('cases:receipt.title'), align: 'center', bold: true, size: 'double' },
    { kind: 'rule' },
    { kind: 'pair', label: t('cases:receipt.item'), value: data.itemName[language] },
    { kind: 'pair', label: t('cases:number'), value: data.caseNumber },
    { kind: 'pair', label: t('cases:resident'), value: data.residentMasked },
    { kind: 'pair', label: t('cases:receipt.outcome'), value: t(`cases:state.${data.state}`) },
  ];
  if (final?.note) blocks.push({ kind: 'text', text: final.note[language] });
  blocks.push({ kind: 'rule' }, { kind: 'text', text: t('cases:steps'), bold: true });
  for (const s of data.steps) blocks.push({ kind: 'pair', label: `${pointDateTime(s.at)} ${t(`cases:step.${s.kind}`)}`, value: s.operatorName });
  blocks.push(
    { kind: 'rule' },
    { kind: 'pair', label: t('cases:receipt.clerk'), value: data.clerkName },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: `${t('cases:receipt.signature')}________________` },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: `${t('cases:receipt.date')}________________` },
    { kind: 'pair', label: t('notification.printedAt'), value: pointDateTime(data.printedAt) },
  );
  return { blocks };
}
