import { KioskError } from '../../shared/contract/errors';
import type { CardOperation, CatalogItem } from '../../shared/catalog/schema';
import { ACCOUNT_HOLDER_FIELD, IDENTITY_RULES, identityShortfall, type IdentityShortfall } from '../../shared/catalog/risk-class';
import type { FormValues } from '../../shared/catalog/validate-form';
import type { IdentitySource, ResidentIdentity } from '../../shared/domain/identity';
import type { DeviceManager } from '../../devices/manager/device-manager';

/**
 * The core's side of the risk classes (shared/catalog/risk-class.ts): whatever a screen sends, an act goes ahead
 * only when this visit proved who the resident is as the item's class asks. The evidence is the session's own
 * (which card was read, whether the face module gave a live capture), never anything the screen reports.
 */

export interface VisitIdentity {
  current(): ResidentIdentity | null;
  evidence(): { source: IdentitySource | null; facePassed: boolean };
}

function refusal(reason: IdentityShortfall | 'cardHolder' | 'cardAbsent'): KioskError {
  return new KioskError(reason === 'identify' ? 'session_required' : 'identity_insufficient', {
    details: { reason, messageKey: `catalog:identity.shortfall.${reason}` },
  });
}

/** Throws identity_insufficient (or session_required) when the visit falls short of the item's class. */
export function requireIdentityFor(item: Pick<CatalogItem, 'riskClass' | 'identity'>, form: FormValues, visit: VisitIdentity, channel: string): void {
  const shortfall = identityShortfall(item, form, { ...visit.evidence(), channel });
  if (shortfall) throw refusal(shortfall);
}

/** Money goes only to the resident's own account: the name typed beside an account must be the name read. */
export function accountHolderProblem(form: FormValues, resident: ResidentIdentity): { field: string; messageKey: string } | null {
  const holder = form[ACCOUNT_HOLDER_FIELD];
  if (typeof holder !== 'string') return null;
  return holder.trim() === resident.name.trim() ? null : { field: ACCOUNT_HOLDER_FIELD, messageKey: 'catalog:validation.accountHolderNotResident' };
}

/** Operations on the social security card in the reader: that card must be the resident's own. */
const ON_CARD_IN_HAND: ReadonlySet<CardOperation> = new Set(['activate', 'changePin', 'resetPin']);

export function operationOf(item: Pick<CatalogItem, 'cardOperations'>, form: FormValues): CardOperation | undefined {
  const chosen = form.operation;
  return typeof chosen === 'string' && (item.cardOperations as string[]).includes(chosen) ? (chosen as CardOperation) : item.cardOperations[0];
}

export function needsCardInHand(item: Pick<CatalogItem, 'type' | 'cardOperations'>, form: FormValues): boolean {
  const operation = item.type === 'card' ? operationOf(item, form) : undefined;
  return operation !== undefined && ON_CARD_IN_HAND.has(operation);
}

/**
 * The card in the reader belongs to the identified resident (its social security number is the ID number).
 * `readCardHolder` reads the card's number from the reader (throws card_absent when there is none).
 */
export async function requireOwnCard(visit: VisitIdentity, readCardHolder: () => Promise<string>): Promise<void> {
  const resident = visit.current();
  if (!resident) throw refusal('identify');
  let holder: string;
  try {
    holder = await readCardHolder();
  } catch (error) {
    if (error instanceof KioskError && error.code === 'card_absent') throw refusal('cardAbsent');
    throw error;
  }
  if (holder.toUpperCase() !== resident.idNumber.toUpperCase()) throw refusal('cardHolder');
}

/** PIN operations on the card itself follow the card class's rule (the holder's ID card and face in this visit). */
export function requireCardHolderIdentity(visit: VisitIdentity): void {
  const rule = IDENTITY_RULES.card;
  requireIdentityFor({ riskClass: 'card', identity: { required: true, accepts: [...rule.cards], faceCheck: rule.faceCheck } }, {}, visit, 'self');
}

/** Reads the ID number on the social security card in the first card reader (for requireOwnCard). */
export function cardHolderReader(devices: Pick<DeviceManager, 'firstOfKind'>): () => Promise<string> {
  return async () => {
    const reader = devices.firstOfKind('socialSecurityCardReader');
    if (!reader) throw new KioskError('device_not_configured', { details: { kind: 'socialSecurityCardReader' } });
    return (await reader.readBasicInfo()).socialSecurityNumber;
  };
}
