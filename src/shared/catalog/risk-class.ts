import { z } from 'zod';
import type { IdentitySource } from '../domain/identity';
import type { FormValues } from './validate-form';

/**
 * Risk classes: what a wrong person could do with an item decides who must prove to be the resident, and how.
 * Each catalogue item declares its class; the schema refuses a record that asks for less than its class, the flow
 * engine shows the steps the class needs, and the core refuses a submission whose visit did not meet it, whatever
 * the screen sent. The rule lives here once, as plain functions, so staff screens (typed numbers, proxies) ask the
 * same question the core asks.
 */

export const RISK_CLASSES = ['information', 'application', 'money', 'card', 'identityChange'] as const;
export const RiskClassSchema = z.enum(RISK_CLASSES);
export type RiskClass = z.infer<typeof RiskClassSchema>;

/** A card laid on (or inserted in) a reader at the kiosk. */
export type CardSource = Exclude<IdentitySource, 'typedByClerk'>;

export interface IdentityRule {
  /** The resident must be identified at all. */
  identify: boolean;
  /** Cards read on a reader that identify the resident for this class. */
  cards: readonly CardSource[];
  /** A clerk may type the ID number instead of a card read. */
  typedNumber: boolean;
  /** A live face capture in this visit. */
  faceCheck: boolean;
  /** Someone else may act for the resident (代办). */
  proxy: boolean;
}

const EITHER_CARD: readonly CardSource[] = ['idCard', 'socialSecurityCard'];

export const IDENTITY_RULES: Readonly<Record<RiskClass, IdentityRule>> = {
  // Guides, public lists and lookups: an item may still ask for identity to look up the resident's own record.
  information: { identify: false, cards: EITHER_CARD, typedNumber: true, faceCheck: false, proxy: true },
  // Registrations and applications a clerk reviews before anything happens.
  application: { identify: true, cards: EITHER_CARD, typedNumber: true, faceCheck: false, proxy: true },
  // Money paid to the resident's own social security card account; paying anywhere else escalates (below).
  money: { identify: true, cards: EITHER_CARD, typedNumber: true, faceCheck: false, proxy: true },
  // The card is a bank card: whoever holds it knows the name and number printed on it, so only the holder's ID
  // card on the reader and the holder's face count.
  card: { identify: true, cards: ['idCard'], typedNumber: false, faceCheck: true, proxy: false },
  // Phone, address, name or benefit account: changing them hands the resident's account to whoever changes them.
  identityChange: { identify: true, cards: ['idCard'], typedNumber: false, faceCheck: true, proxy: false },
};

/** The field of a money item saying where the money goes; 社保卡 financial account unless the resident chooses. */
export const PAY_TO_FIELD = 'payTo';
export const PAY_TO_CARD_ACCOUNT = 'socialSecurityCard';
export const PAY_TO_OTHER_ACCOUNT = 'otherAccount';
/** Beside every typed bank account: whose account it is (must be the resident's own name). */
export const ACCOUNT_HOLDER_FIELD = 'accountHolderName';

/** Paying to an account other than the 社保卡's needs the same proof as changing the benefit account. */
const MONEY_TO_OTHER_ACCOUNT: IdentityRule = { identify: true, cards: ['idCard'], typedNumber: false, faceCheck: true, proxy: false };

export function identityRule(riskClass: RiskClass): IdentityRule {
  return IDENTITY_RULES[riskClass];
}

/** Whether a clerk may identify the resident by typing the ID number, for a class. */
export function typedNumberAllowed(riskClass: RiskClass): boolean {
  return IDENTITY_RULES[riskClass].typedNumber;
}

/** Whether someone else may act for the resident (a proxy application), for a class. */
export function proxyAllowed(riskClass: RiskClass): boolean {
  return IDENTITY_RULES[riskClass].proxy;
}

export interface ItemIdentity {
  riskClass: RiskClass;
  identity: {
    required: boolean;
    accepts: readonly IdentitySource[];
    faceCheck: boolean;
    faceWaivedWhen?: { field: string; oneOf: ReadonlyArray<string | boolean> } | undefined;
  };
}

/** The answers choose the clerk-checked path of an item whose own face check a clerk may stand in for. */
export function faceWaiverChosen(item: ItemIdentity, values: FormValues): boolean {
  const waiver = item.identity.faceWaivedWhen;
  if (!waiver || identityRule(item.riskClass).faceCheck) return false;
  const value = values[waiver.field];
  return (typeof value === 'string' || typeof value === 'boolean') && waiver.oneOf.includes(value);
}

/** The identity one item needs once its form is known: its record, never less than its class. */
export interface RequiredIdentity {
  required: boolean;
  accepts: IdentitySource[];
  faceCheck: boolean;
  proxy: boolean;
}

export function requiredIdentity(item: ItemIdentity, values: FormValues = {}): RequiredIdentity {
  const rule = item.riskClass === 'money' && values[PAY_TO_FIELD] === PAY_TO_OTHER_ACCOUNT ? MONEY_TO_OTHER_ACCOUNT : identityRule(item.riskClass);
  const allowed = (source: IdentitySource) => (source === 'typedByClerk' ? rule.typedNumber : rule.cards.includes(source));
  return {
    required: item.identity.required || rule.identify,
    accepts: item.identity.accepts.filter(allowed),
    // The record's own face check gives way to a clerk's check in person when the answers choose that path; the
    // class's face check never does. Whether a clerk is really there is the core's question (identityShortfall).
    faceCheck: rule.faceCheck || (item.identity.faceCheck && !faceWaiverChosen(item, values)),
    proxy: rule.proxy,
  };
}

/** Whether a clerk may type this resident's ID number for this item (staff screens ask this before offering it). */
export function mayIdentifyByTypedNumber(item: ItemIdentity, values: FormValues = {}): boolean {
  return requiredIdentity(item, values).accepts.includes('typedByClerk');
}

/** Whether this item may be done for the resident by someone else. */
export function mayActByProxy(item: ItemIdentity, values: FormValues = {}): boolean {
  return requiredIdentity(item, values).proxy;
}

/** Whether the catalogue offers an agent for this item (代理办): its class allows one and it lists the proxy channel. */
export function proxyOffered(item: ItemIdentity & { serviceModes: readonly string[] }): boolean {
  return mayActByProxy(item) && item.serviceModes.includes('proxy');
}

/** Whether the flow needs a face step, given the answers so far. */
export function faceCheckNeeded(item: ItemIdentity, values: FormValues = {}): boolean {
  return requiredIdentity(item, values).faceCheck;
}

/** Whether the item can need a face step for some answer (the flow plans one; `faceCheckNeeded` decides). */
export function faceCheckPossible(item: ItemIdentity): boolean {
  return item.identity.faceCheck || identityRule(item.riskClass).faceCheck || item.riskClass === 'money';
}

/** What the core knows about this visit: how the resident was identified, whether a face passed, the channel. */
export interface IdentityEvidence {
  source: IdentitySource | null;
  facePassed: boolean;
  /** The service channel of the act ('proxy' when someone acts for the resident). */
  channel: string;
}

/** Why a visit does not meet an item's identity rule; each has words under catalog:identity.shortfall.<reason>. */
export type IdentityShortfall = 'identify' | 'idCard' | 'typedNumber' | 'face' | 'proxy' | 'clerkCheck';

export function identityShortfall(item: ItemIdentity, values: FormValues, evidence: IdentityEvidence): IdentityShortfall | null {
  const needed = requiredIdentity(item, values);
  if (evidence.channel === 'proxy' && !needed.proxy) return 'proxy';
  if (!needed.required) return null;
  if (!evidence.source) return 'identify';
  if (!needed.accepts.includes(evidence.source)) return evidence.source === 'typedByClerk' ? 'typedNumber' : 'idCard';
  if (needed.faceCheck && !evidence.facePassed) return 'face';
  // The clerk-checked path needs a clerk: a resident alone choosing it is still asked for the face.
  if (faceWaiverChosen(item, values) && item.identity.faceCheck && evidence.channel === 'self' && !evidence.facePassed) return 'clerkCheck';
  return null;
}

/**
 * Where a record asks for less than its class (the catalogue schema refuses it). Money may only move through
 * money or identity-change items, and a money item pays to the 社保卡 account unless the resident chooses another.
 */
export interface RecordForRule extends ItemIdentity {
  form: ReadonlyArray<{ fields: ReadonlyArray<{ kind: string; name: string; visibleWhen?: { field: string; oneOf: ReadonlyArray<string | boolean> } | undefined; options?: ReadonlyArray<{ value: string }> }> }>;
  serviceModes: readonly string[];
}

export function classProblems(item: RecordForRule): string[] {
  const problems: string[] = [];
  const rule = identityRule(item.riskClass);
  if (rule.identify && !item.identity.required) problems.push(`${item.riskClass} items identify the resident`);
  for (const source of item.identity.accepts) {
    if (source === 'typedByClerk' ? !rule.typedNumber : !rule.cards.includes(source)) problems.push(`${item.riskClass} items do not accept ${source}`);
  }
  if (rule.faceCheck && !item.identity.faceCheck) problems.push(`${item.riskClass} items need a face check`);
  if (rule.faceCheck && item.identity.faceWaivedWhen) problems.push(`${item.riskClass} items cannot waive the face check`);
  if (!rule.proxy && item.serviceModes.includes('proxy')) problems.push(`${item.riskClass} items cannot be done by proxy`);
  // A face check proves who stands before the camera: with an agent there, it would prove the wrong person.
  if (item.identity.faceCheck && item.serviceModes.includes('proxy')) problems.push('items with a face check cannot be done by proxy');

  const fields = item.form.flatMap((step) => step.fields);
  const banks = fields.filter((f) => f.kind === 'bankAccount');
  if (banks.length > 0 && item.riskClass !== 'money' && item.riskClass !== 'identityChange') {
    problems.push('a bank account belongs to a money or identityChange item');
  }
  const holder = fields.find((f) => f.name === ACCOUNT_HOLDER_FIELD);
  if (banks.length > 0 && holder?.kind !== 'personName') problems.push(`a bank account needs the ${ACCOUNT_HOLDER_FIELD} field`);
  if (item.riskClass === 'money' && banks.length > 0) {
    const payTo = fields.find((f) => f.name === PAY_TO_FIELD);
    const values = payTo?.kind === 'choice' ? (payTo.options ?? []).map((o) => o.value) : [];
    if (values[0] !== PAY_TO_CARD_ACCOUNT || !values.includes(PAY_TO_OTHER_ACCOUNT)) {
      problems.push(`money items offer ${PAY_TO_FIELD}: ${PAY_TO_CARD_ACCOUNT} first, ${PAY_TO_OTHER_ACCOUNT} after`);
    }
    for (const field of [...banks, ...(holder ? [holder] : [])]) {
      const gate = field.visibleWhen;
      if (!gate || gate.field !== PAY_TO_FIELD || gate.oneOf.length !== 1 || gate.oneOf[0] !== PAY_TO_OTHER_ACCOUNT) {
        problems.push(`${field.name} shows only when ${PAY_TO_FIELD} is ${PAY_TO_OTHER_ACCOUNT}`);
      }
    }
  }
  return problems;
}
