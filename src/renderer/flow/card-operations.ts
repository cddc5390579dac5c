import type { CardOperation, CatalogItem } from '../../shared/catalog/schema';
import type { FormValues } from '../../shared/catalog/validate-form';
import type { KioskClient } from '../../shared/contract/client';
import { KioskError } from '../../shared/contract/errors';
import type { FaceResult, SubmissionReceipt } from './flow-state';

export type PinName = 'oldPin' | 'newPin' | 'repeatPin';

/** Which PINs the resident types for an operation. Loss reports need none: the card is not in the reader. */
export function pinsNeeded(operation: CardOperation): PinName[] {
  switch (operation) {
    // Activating a new card means leaving its starting PIN (printed in the card's letter) for one of the holder's own.
    case 'changePin':
    case 'activate':
      return ['oldPin', 'newPin', 'repeatPin'];
    case 'resetPin':
    // A forgotten PIN is reset by the county after it checks who asks; nobody types a PIN for it here.
    case 'reportLoss':
    case 'cancelLossReport':
      return [];
  }
}

/** Operations on the card in the reader: the core checks that card is the identified resident's own. */
export function onCardInHand(operation: CardOperation): boolean {
  return operation === 'activate' || operation === 'changePin' || operation === 'resetPin';
}

/** Six equal digits or a straight run are refused: they are the first ones a thief tries. */
export function isTooSimplePin(pin: string): boolean {
  if (/^(\d)\1{5}$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const up = digits.every((d, i) => i === 0 || d === digits[i - 1]! + 1);
  const down = digits.every((d, i) => i === 0 || d === digits[i - 1]! - 1);
  return up || down;
}

/**
 * Does the operation: on the card itself where the card changes (the card reader methods), then hands the record
 * of it in (applications.submit, without any PIN) so the county knows and a receipt can be printed.
 */
export async function runCardOperation(
  client: KioskClient,
  item: CatalogItem,
  operation: CardOperation,
  pins: Partial<Record<PinName, string>>,
  values: FormValues,
  face: FaceResult | null = null,
): Promise<SubmissionReceipt> {
  let answer: { outcome: 'ok' | 'pinWrong' | 'pinBlocked'; triesLeft?: number } = { outcome: 'ok' };
  switch (operation) {
    case 'changePin':
    case 'activate':
      answer = await client.invoke('socialSecurityCard.changePin', { oldPin: pins.oldPin!, newPin: pins.newPin! });
      break;
    case 'resetPin':
    case 'reportLoss':
    case 'cancelLossReport':
      break;
  }
  if (answer.outcome === 'pinWrong') throw new KioskError('pin_wrong', { details: { triesLeft: answer.triesLeft ?? 0 } });
  if (answer.outcome === 'pinBlocked') throw new KioskError('pin_blocked');
  const form: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(values)) form[k] = v === undefined ? null : v;
  // The core stamps the channel and operator from this connection's staff login.
  return client.invoke('applications.submit', {
    itemCode: item.code,
    form,
    attachments: [],
    // The face capture of this visit goes with the record, so the county can compare it with its photo.
    ...(face ? { face } : {}),
  });
}
