import type { CategoryCode } from './categories';
import type { ItemRecord } from './define-item';
import { ALL_MODES, AT_POINT_MODES, IDENTIFY_BY_EITHER_CARD, IDENTIFY_BY_ID_CARD_WITH_FACE, IDENTIFY_WITH_FACE, IN_PERSON_MODES, NO_IDENTITY } from './fields';
import type { IdentityRequirement, LocalisedText } from './schema';

/**
 * The head of an item's record, for the kinds of item that share it: what only differs between them is written at
 * the item. The category and the site level follow from the code's prefix (demo items are the demonstration
 * point's).
 * - lookups (query, print): low risk (information), nothing to photograph, the county answers online, the resident
 *   identified by either card; a public listing needs no card, a listing may be kept for offline use.
 * - applications (apply): handed in here and queued when the network is down, the resident identified by either card
 *   (the risk class may ask more: risk-class.ts), by every channel at a village point, at the point itself at the
 *   demonstration point.
 * - card items (risk class card): the holder's own ID card on the reader and the holder's face, at the point only.
 * - certifications (certify): a live face at the county, online, wherever a clerk can be but never by an agent.
 * - guides (info): read by anyone, no card, nothing sent.
 */

type Header = Pick<ItemRecord, 'code' | 'category' | 'name' | 'summary' | 'type' | 'siteLevel' | 'identity' | 'riskClass' | 'serviceModes' | 'needsCountyOnline'>;

/** What an item may set differently from its kind's head. */
interface HeaderOptions {
  /** A public listing needs no card (NO_IDENTITY); a riskier item asks more (risk-class.ts). */
  identity?: IdentityRequirement;
  riskClass?: ItemRecord['riskClass'];
  serviceModes?: ItemRecord['serviceModes'];
}

const CATEGORY_OF_PREFIX: Record<string, CategoryCode> = { JOB: 'job', SKL: 'skill', INS: 'insurance', CARD: 'card', DEMO: 'demo' };

function header(type: Header['type'], code: string, name: LocalisedText, summary: LocalisedText, defaults: Pick<Header, 'riskClass' | 'serviceModes' | 'needsCountyOnline'>, more: HeaderOptions): Header {
  const category = CATEGORY_OF_PREFIX[code.split('-')[0]!];
  if (!category) throw new Error(`no category for item code ${code}`);
  return {
    code,
    category,
    name,
    summary,
    type,
    siteLevel: category === 'demo' ? 'demonstration' : 'village',
    identity: more.identity ?? IDENTIFY_BY_EITHER_CARD,
    riskClass: more.riskClass ?? defaults.riskClass,
    serviceModes: more.serviceModes ?? defaults.serviceModes,
    needsCountyOnline: defaults.needsCountyOnline,
  };
}

/** A lookup shown on screen; anyone may help with it, an agent too. A listing may be kept for offline use. */
export function queryRecord(code: string, name: LocalisedText, summary: LocalisedText, form: ItemRecord['form'] = [], more: HeaderOptions & { offlineCache?: true } = {}): ItemRecord {
  const online: Pick<Header, 'riskClass' | 'serviceModes' | 'needsCountyOnline'> = { riskClass: 'information', serviceModes: [...ALL_MODES], needsCountyOnline: !more.offlineCache };
  return { ...header('query', code, name, summary, online, more), ...(more.offlineCache ? { offlineCache: true } : {}), form, materials: [] };
}

/** A certificate printed on the spot at the point's printer (a home visit only where the item says so). */
export function printRecord(code: string, name: LocalisedText, summary: LocalisedText, form: ItemRecord['form'] = [], more: HeaderOptions = {}): ItemRecord {
  return { ...header('print', code, name, summary, { riskClass: 'information', serviceModes: [...AT_POINT_MODES], needsCountyOnline: true }, more), form, materials: [] };
}

/** The head of an application's record; its form and papers follow at the item. */
export function applicationHeader(code: string, name: LocalisedText, summary: LocalisedText, more: HeaderOptions = {}): Header {
  const atPoint = code.startsWith('DEMO-');
  return header('apply', code, name, summary, { riskClass: 'application', serviceModes: atPoint ? [...AT_POINT_MODES] : [...ALL_MODES], needsCountyOnline: false }, more);
}

/**
 * The head of a card item's record (risk class card, risk-class.ts): the card is a bank card, so only the holder's
 * ID card and face count, at the point itself. An application for a new card is queued offline like any other.
 */
export function cardHeader(type: 'apply' | 'card', code: string, name: LocalisedText, summary: LocalisedText, { needsCountyOnline }: { needsCountyOnline: boolean }): Header {
  return header(type, code, name, summary, { riskClass: 'card', serviceModes: [...AT_POINT_MODES], needsCountyOnline }, { identity: IDENTIFY_BY_ID_CARD_WITH_FACE });
}

/** The head of a certification's record: the resident's live face checked by the county, so online and in person. */
export function certificationHeader(code: string, name: LocalisedText, summary: LocalisedText, more: HeaderOptions = {}): Header {
  return header('certify', code, name, summary, { riskClass: 'application', serviceModes: [...IN_PERSON_MODES], needsCountyOnline: true }, { identity: IDENTIFY_WITH_FACE, ...more });
}

/** A guide anyone may read on screen (and print): no card, nothing to send. */
export function infoRecord(code: string, name: LocalisedText, summary: LocalisedText): ItemRecord {
  return { ...header('info', code, name, summary, { riskClass: 'information', serviceModes: [...ALL_MODES], needsCountyOnline: false }, { identity: NO_IDENTITY }), form: [], materials: [] };
}
