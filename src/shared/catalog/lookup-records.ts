import type { CategoryCode } from './categories';
import type { ItemRecord } from './define-item';
import { ALL_MODES, AT_POINT_MODES, IDENTIFY_BY_EITHER_CARD } from './fields';
import type { IdentityRequirement, LocalisedText } from './schema';

/**
 * The record of an item that only reads: a lookup shown on screen (query) or a certificate printed on the spot
 * (print). They are alike in all but a few facts: low risk (information), nothing to photograph, the county answers
 * online, the resident identified by either card. The category and the site level follow from the code's prefix.
 * Only what differs is written at the item: a public listing needs no card, a listing kept for offline use.
 */

interface LookupOptions {
  /** A public listing needs no card (NO_IDENTITY). */
  identity?: IdentityRequirement;
  serviceModes?: ItemRecord['serviceModes'];
  /** A listing shown from the last synced copy when the county is unreachable. */
  offlineCache?: true;
}

const CATEGORY_OF_PREFIX: Record<string, CategoryCode> = { JOB: 'job', SKL: 'skill', INS: 'insurance', CARD: 'card', DEMO: 'demo' };

function lookupRecord(type: 'query' | 'print', code: string, name: LocalisedText, summary: LocalisedText, form: ItemRecord['form'], more: LookupOptions, modes: ItemRecord['serviceModes']): ItemRecord {
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
    riskClass: 'information',
    serviceModes: more.serviceModes ?? modes,
    needsCountyOnline: !more.offlineCache,
    ...(more.offlineCache ? { offlineCache: true } : {}),
    form,
    materials: [],
  };
}

/** A lookup shown on screen; anyone may help with it, an agent too. */
export function queryRecord(code: string, name: LocalisedText, summary: LocalisedText, form: ItemRecord['form'] = [], more: LookupOptions = {}): ItemRecord {
  return lookupRecord('query', code, name, summary, form, more, [...ALL_MODES]);
}

/** A certificate printed on the spot at the point's printer (a home visit only where the item says so). */
export function printRecord(code: string, name: LocalisedText, summary: LocalisedText, form: ItemRecord['form'] = [], more: LookupOptions = {}): ItemRecord {
  return lookupRecord('print', code, name, summary, form, more, [...AT_POINT_MODES]);
}
