import type { DeviceKind } from '../domain/devices';
import type { CatalogItemInput, FaqEntry, Guide, LocalisedText } from './schema';
import { FREE, HOTLINE, STEPS } from './guide-texts';
import { zhEn } from './bilingual';

/**
 * How one catalogue item is written: its record, its guide, its FAQ and its search keywords in one `defineItem` call
 * (items/<category>.ts). What can be read off the record is not written again: the materials list of the guide
 * (一次性告知) and the devices the item needs.
 */

/** The parts of a guide only a person can write; the materials list and the hotline come from the record. */
export interface GuideText {
  conditions: readonly LocalisedText[];
  /**
   * The first step, identifying the resident, where the item words it its own way (whose card, why this one);
   * otherwise it is read off the record's identity (identifyStepFor).
   */
  identify?: LocalisedText;
  /** The steps after the resident is identified. */
  steps: readonly LocalisedText[];
  timeLimit: LocalisedText;
  basis: readonly LocalisedText[];
  handledBy: LocalisedText;
  /** Things to bring that the document camera does not capture (originals to show, a bank card to carry...). */
  alsoBring?: readonly LocalisedText[];
  /** Where the resident pays something (a contribution), the fee line says so instead of "free of charge". */
  fee?: LocalisedText;
}

export type ItemDefinition = Omit<CatalogItemInput, 'guide' | 'faq' | 'keywords' | 'requiresDevices'> & {
  /** Written only where the record cannot tell (none today); otherwise derived by `devicesFor`. */
  requiresDevices?: DeviceKind[];
  /** Everyday words residents type when the official name is long (社会保障卡 → 社保卡); search adds pinyin initials. */
  keywords: readonly string[];
  guide: GuideText;
  faq: readonly FaqEntry[];
};

/** The record part of a definition, for helpers that build several alike records (query and print items). */
export type ItemRecord = Omit<ItemDefinition, 'keywords' | 'guide' | 'faq'>;

/** Card operations that work on the card itself, so the social security card must sit on its reader. */
const ON_CARD_OPERATIONS: ReadonlySet<string> = new Set(['activate', 'changePin', 'resetPin']);

/** The devices an item's steps use (the schema checks the same rules on a county download). */
export function devicesFor(item: Pick<CatalogItemInput, 'type' | 'identity' | 'materials' | 'cardOperations'>): DeviceKind[] {
  const devices: DeviceKind[] = [];
  if ((item.cardOperations ?? []).some((operation) => ON_CARD_OPERATIONS.has(operation))) devices.push('socialSecurityCardReader');
  if (item.type === 'apply' || item.type === 'card') devices.push('receiptPrinter');
  if (item.materials.length > 0) devices.push('documentCamera');
  if (item.identity.faceCheck) devices.push('faceCamera');
  if (item.type === 'print') devices.push('documentPrinter');
  return devices;
}

/** What to bring, from the record: the card that identifies the resident, then each paper the camera captures. */
export function materialsFor(item: Pick<CatalogItemInput, 'identity' | 'materials'>, alsoBring: readonly LocalisedText[] = []): LocalisedText[] {
  const out: LocalisedText[] = [];
  const accepts = item.identity.accepts;
  if (item.identity.required) {
    if (accepts.includes('idCard') && accepts.includes('socialSecurityCard')) {
      out.push(zhEn('本人居民身份证或社会保障卡（带一张就行）', 'Your resident ID card or your social security card (either one)'));
    } else if (accepts.includes('socialSecurityCard')) {
      out.push(zhEn('本人社会保障卡', 'Your social security card'));
    } else {
      out.push(zhEn('本人居民身份证', 'Your resident ID card'));
    }
  }
  for (const material of item.materials) {
    const condition = material.visibleWhen ? zhEn('（符合情况的才需要）', ' (only if it applies to you)') : zhEn('', '');
    const optional = material.required ? zhEn('', '') : zhEn('（有就带）', ' (if you have it)');
    out.push(zhEn(`${material.name['zh-CN']}${condition['zh-CN']}${optional['zh-CN']}`, `${material.name.en}${condition.en}${optional.en}`));
  }
  out.push(...alsoBring);
  if (out.length === 0) out.push(zhEn('不用带任何证件和材料', 'Nothing: no card or papers are needed'));
  return out;
}

/** How the guide's first step says the resident is identified, from the record: none for a public item. */
export function identifyStepFor(identity: CatalogItemInput['identity']): LocalisedText[] {
  if (!identity.required) return [];
  return [identity.accepts.includes('socialSecurityCard') ? STEPS.identify : STEPS.identifyByIdCard];
}

export function defineItem(definition: ItemDefinition): CatalogItemInput {
  const { keywords, guide, faq, requiresDevices, ...record } = definition;
  const full: Guide = {
    conditions: [...guide.conditions],
    materials: materialsFor(record, guide.alsoBring),
    steps: [...(guide.identify ? [guide.identify] : identifyStepFor(record.identity)), ...guide.steps],
    timeLimit: guide.timeLimit,
    fee: guide.fee ?? FREE,
    basis: [...guide.basis],
    hotline: HOTLINE,
    handledBy: guide.handledBy,
  };
  return { ...record, requiresDevices: requiresDevices ?? devicesFor(record), keywords: [...keywords], guide: full, faq: [...faq] };
}
