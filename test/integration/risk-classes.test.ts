import type { CallContext } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { FaceCaptures } from '../../src/main/services/face-captures';
import { ApplicationsService } from '../../src/main/services/applications';
import { QueriesService } from '../../src/main/services/queries';
import type { VisitIdentity } from '../../src/main/services/identity-guard';
import type { CountyClient } from '../../src/main/sync/county-client';
import { planFlow } from '../../src/renderer/flow/plan';
import { defaultCatalog, defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { CatalogItemSchema, type CatalogItem } from '../../src/shared/catalog/schema';
import { identityShortfall, mayActByProxy, mayIdentifyByTypedNumber, type RiskClass } from '../../src/shared/catalog/risk-class';
import { KioskError } from '../../src/shared/contract/errors';
import type { IdentitySource, ResidentIdentity } from '../../src/shared/domain/identity';
import { openTestStore, sampleIdentity, tempDataDir } from '../support/store-fixtures';

/**
 * Every one of the 44 items against the identity rule of its risk class, on the screen (the flow plan and the ways
 * the identify step offers) and in the core (ApplicationsService / QueriesService refuse whatever the screen sends).
 * The expectations are written out per class here, not computed by the code under test.
 */

const log = createMemoryLogger().logger;
const catalog = defaultCatalog();
const SOURCES: IdentitySource[] = ['idCard', 'socialSecurityCard', 'typedByClerk'];
const SUBMITTABLE = new Set(['apply', 'certify', 'card']);

/** What each class lets through, as the issue states it (face: a live capture in this visit). */
function classAllows(item: CatalogItem, source: IdentitySource, face: boolean, payTo: 'socialSecurityCard' | 'otherAccount'): boolean {
  const recordAccepts = item.identity.accepts.includes(source);
  const recordFace = !item.identity.faceCheck || face;
  switch (item.riskClass) {
    case 'information':
    case 'application':
      return recordAccepts && recordFace;
    case 'money':
      // Paid to the 社保卡 account: any way of identifying the record allows; another account: ID card + face.
      return payTo === 'socialSecurityCard' ? recordAccepts && recordFace : source === 'idCard' && face && recordAccepts;
    case 'card':
    case 'identityChange':
      return source === 'idCard' && face;
  }
}

const EXPECTED_CLASSES: Record<RiskClass, string[]> = {
  information: ['JOB-02', 'JOB-03', 'JOB-11', 'JOB-15', 'SKL-03', 'SKL-04', 'INS-05', 'INS-06', 'INS-07', 'INS-08', 'INS-09', 'INS-17', 'INS-18', 'DEMO-01'],
  application: ['JOB-01', 'JOB-04', 'JOB-05', 'JOB-06', 'JOB-07', 'JOB-08', 'JOB-12', 'JOB-14', 'SKL-01', 'INS-01', 'INS-02', 'INS-04', 'INS-12', 'INS-13', 'INS-16', 'DEMO-02', 'DEMO-03', 'DEMO-04'],
  money: ['JOB-09', 'JOB-10', 'JOB-13', 'SKL-02', 'INS-03', 'INS-14', 'INS-15'],
  card: ['CARD-01', 'CARD-02', 'CARD-03'],
  identityChange: ['INS-10', 'INS-11'],
};

function visitOf(resident: ResidentIdentity | null, facePassed: boolean): VisitIdentity {
  return { current: () => resident, evidence: () => ({ source: resident?.source ?? null, facePassed: resident !== null && facePassed }) };
}

const ctx: CallContext = { connection: { id: 'c', carrier: 'internal', staff: { id: 'clerk-li', displayName: '李', roles: ['clerk'] } }, roles: new Set(['public', 'resident', 'clerk']), log };
const county: CountyClient = { query: async () => ({ rows: [] }) } as unknown as CountyClient;

/** A live capture held in the core for this connection, and the id a screen would send with its submission. */
function heldFace(context: CallContext): { faceCaptures: FaceCaptures; face: { captureId: string } } {
  const faceCaptures = new FaceCaptures({ now: () => new Date('2026-11-29T09:00:00Z') });
  const captureId = faceCaptures.hold({ image: Buffer.from('face jpeg'), livenessScore: 0.99, qualityScore: 0.99, purpose: 'certification' }, context.connection.id);
  return { faceCaptures, face: { captureId } };
}

/** The core's answer for one item and one visit: 'refused' when identity fell short, else 'passed' (any later outcome). */
const catalogService = new CatalogService({ level: 'demonstration', log });
const store = openTestStore(tempDataDir());
afterAll(() => store.close());

async function coreAnswer(item: CatalogItem, visit: VisitIdentity, form: Record<string, string>): Promise<'refused' | 'passed'> {
  try {
    if (SUBMITTABLE.has(item.type)) {
      const { faceCaptures, face } = heldFace(ctx);
      const service = new ApplicationsService({ store, catalog: catalogService, session: visit, faceCaptures, afterSubmit: () => undefined, now: () => new Date('2026-11-29T09:00:00Z'), readCardHolder: async () => visit.current()!.idNumber });
      // A capture is held whether or not the visit's evidence counts it as a face check: the evidence decides.
      await service.submitChecked({ itemCode: item.code, form, attachments: [], face }, ctx);
    } else if (item.type === 'query' || item.type === 'print') {
      await new QueriesService({ client: county, catalog: catalogService, session: visit }).run(item.code, form);
    }
    return 'passed';
  } catch (error) {
    const code = (error as KioskError).code;
    if (code === 'identity_insufficient' || code === 'session_required') return 'refused';
    return 'passed'; // a form or material problem comes after the identity rule was met
  }
}

describe('risk classes over the 44 items', () => {
  it('every item declares the class its service calls for', () => {
    expect(catalog.items).toHaveLength(44);
    const actual: Record<string, string[]> = {};
    for (const item of catalog.items) (actual[item.riskClass] ??= []).push(item.code);
    expect(actual).toEqual(EXPECTED_CLASSES);
  });

  it('the schema refuses each record weakened below its class', () => {
    for (const input of defaultCatalogInput().items) {
      expect(CatalogItemSchema.safeParse(input).success).toBe(true);
      const weaker: Array<[string, unknown]> = [];
      const identity = input.identity;
      switch (input.riskClass) {
        case 'card':
        case 'identityChange':
          weaker.push(['typed number', { ...input, identity: { ...identity, accepts: [...identity.accepts, 'typedByClerk'] } }]);
          weaker.push(['social security card', { ...input, identity: { ...identity, accepts: [...identity.accepts, 'socialSecurityCard'] } }]);
          weaker.push(['no face', { ...input, identity: { ...identity, faceCheck: false } }]);
          break;
        case 'money':
        case 'application':
          weaker.push(['no identity', { ...input, identity: { required: false, accepts: [], faceCheck: false } }]);
          break;
        case 'information':
          break;
      }
      if (input.riskClass === 'money') {
        // The account must hide behind "pay to another account"; shown to everyone it would be the default.
        const ungated = { ...input, form: input.form.map((step) => ({ ...step, fields: step.fields.map((f) => (f.kind === 'bankAccount' ? { ...f, visibleWhen: undefined } : f)) })) };
        if (JSON.stringify(ungated) !== JSON.stringify(input)) weaker.push(['ungated account', ungated]);
      }
      for (const [what, record] of weaker) {
        expect({ code: input.code, what, accepted: CatalogItemSchema.safeParse(record).success }).toEqual({ code: input.code, what, accepted: false });
      }
    }
    // A bank account on an application item would let money move without the money rule.
    const job01 = defaultCatalogInput().items.find((i) => i.code === 'JOB-01')!;
    const withBank = { ...job01, form: [...job01.form, { key: 'bank', title: job01.name, fields: [{ kind: 'bankAccount', name: 'bankAccount', label: job01.name, required: true }] }] };
    expect(CatalogItemSchema.safeParse(withBank).success).toBe(false);
  });

  it('on screen: the identify step offers only what the class allows, and the face step appears when the class needs it', () => {
    for (const item of catalog.items) {
      const steps = (values: Record<string, string>) => planFlow(item, values).map((s) => s.kind);
      const identifying = item.identity.required;
      if (item.type !== 'info') expect({ code: item.code, identify: steps({}).includes('identify') }).toEqual({ code: item.code, identify: identifying });
      const strict = item.riskClass === 'card' || item.riskClass === 'identityChange';
      if (strict) {
        expect({ code: item.code, accepts: item.identity.accepts }).toEqual({ code: item.code, accepts: ['idCard'] });
        expect({ code: item.code, face: steps({}).includes('face') }).toEqual({ code: item.code, face: true });
        // The face comes before anything happens to a card, and before review elsewhere.
        const plan = steps({});
        expect(plan.indexOf('face')).toBeLessThan(plan.indexOf(item.type === 'card' ? 'card' : 'review'));
      }
      if (item.riskClass === 'money') {
        expect({ code: item.code, face: steps({ payTo: 'socialSecurityCard' }).includes('face') }).toEqual({ code: item.code, face: item.identity.faceCheck });
        expect({ code: item.code, face: steps({ payTo: 'otherAccount' }).includes('face') }).toEqual({ code: item.code, face: true });
      }
      if (item.riskClass === 'information' || item.riskClass === 'application') {
        expect({ code: item.code, face: steps({}).includes('face') }).toEqual({ code: item.code, face: item.identity.faceCheck });
      }
      // The staff screens ask the same rule: a typed number and a proxy only where the class allows them.
      expect({ code: item.code, typed: mayIdentifyByTypedNumber(item) }).toEqual({ code: item.code, typed: !strict && item.identity.accepts.includes('typedByClerk') });
      expect({ code: item.code, proxy: mayActByProxy(item) }).toEqual({ code: item.code, proxy: !strict });
      if (item.riskClass === 'money') expect(mayIdentifyByTypedNumber(item, { payTo: 'otherAccount' })).toBe(false);
    }
  });

  it('in the core: each item is refused for every visit its class does not allow, whatever the screen sent', async () => {
    let checked = 0;
    for (const item of catalog.items) {
      if (item.type === 'info') continue;
      const payTos = item.riskClass === 'money' ? (['socialSecurityCard', 'otherAccount'] as const) : (['socialSecurityCard'] as const);
      for (const payTo of payTos) {
        const form: Record<string, string> = item.riskClass === 'money' ? { payTo } : {};
        if (item.identity.required || item.riskClass !== 'information') {
          expect({ code: item.code, none: await coreAnswer(item, visitOf(null, false), form) }).toEqual({ code: item.code, none: 'refused' });
        }
        for (const source of SOURCES) {
          for (const face of [false, true]) {
            const resident = { ...sampleIdentity(0), source };
            const expected = !item.identity.required && item.riskClass === 'information' ? 'passed' : classAllows(item, source, face, payTo) ? 'passed' : 'refused';
            const answer = await coreAnswer(item, visitOf(resident, face), form);
            expect({ code: item.code, payTo, source, face, answer }).toEqual({ code: item.code, payTo, source, face, answer: expected });
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40 * 6);
  });

  it('proxy: card and identity-change items refuse someone acting for the resident', () => {
    for (const item of catalog.items) {
      const resident = { source: 'idCard' as const, facePassed: true, channel: 'proxy' };
      const strict = item.riskClass === 'card' || item.riskClass === 'identityChange';
      expect({ code: item.code, shortfall: identityShortfall(item, {}, resident) }).toEqual({ code: item.code, shortfall: strict ? 'proxy' : null });
    }
  });

  it('money goes only to the resident: another account in someone else’s name is refused, the own name passes', async () => {
    const item = catalog.items.find((i) => i.code === 'JOB-10')!;
    const resident = { ...sampleIdentity(0), source: 'idCard' as const };
    const attempt = (holder: string) => {
      const { faceCaptures, face } = heldFace(ctx);
      const service = new ApplicationsService({ store, catalog: catalogService, session: visitOf(resident, true), faceCaptures, afterSubmit: () => undefined, now: () => new Date('2026-11-29T09:00:00Z') });
      try {
        service.submit({ itemCode: item.code, form: { payTo: 'otherAccount', bankName: 'rcc', bankAccount: '6228480012345670', accountHolderName: holder }, attachments: [], face }, ctx);
        return [];
      } catch (error) {
        return ((error as KioskError).details?.fields as Array<{ field: string }>).map((f) => f.field);
      }
    };
    expect(attempt('王小明')).toContain('accountHolderName');
    expect(attempt(resident.name)).not.toContain('accountHolderName');
  });
});

describe('DEMO-02: a clerk checking in person stands in for the face of someone whose face checks keep failing', () => {
  const item = catalog.items.find((i) => i.code === 'DEMO-02')!;
  const resident = { ...sampleIdentity(0), source: 'idCard' as const };
  const clerkPath = { reason: 'repeatedFailure', how: 'clerkChecked', clerkCheckedInPerson: true };
  const selfCtx: CallContext = { connection: { id: 's', carrier: 'internal' }, roles: new Set(['public', 'resident']), log };

  it('the flow drops the face step only on the clerk-checked path', () => {
    expect(planFlow(item, { how: 'camera' }).map((s) => s.kind)).toContain('face');
    expect(planFlow(item, clerkPath).map((s) => s.kind)).not.toContain('face');
  });

  it('the core accepts it without a face from a clerk, refuses it from a resident alone, and never lets a card item waive', async () => {
    const service = new ApplicationsService({ store, catalog: catalogService, session: visitOf(resident, false), faceCaptures: new FaceCaptures({ now: () => new Date() }), afterSubmit: () => undefined, now: () => new Date('2026-11-29T09:00:00Z') });
    const receipt = await service.submitChecked({ itemCode: 'DEMO-02', form: clerkPath, attachments: [] }, ctx);
    expect(receipt.trackingNumber).toMatch(/\S{6,}/);
    await expect(service.submitChecked({ itemCode: 'DEMO-02', form: clerkPath, attachments: [] }, selfCtx)).rejects.toMatchObject({ code: 'identity_insufficient', details: { reason: 'clerkCheck' } });
    // Without the clerk path, no face in the visit is still a refusal.
    await expect(service.submitChecked({ itemCode: 'DEMO-02', form: { reason: 'repeatedFailure', how: 'camera' }, attachments: [] }, ctx)).rejects.toMatchObject({ code: 'identity_insufficient', details: { reason: 'face' } });
    const card03 = defaultCatalogInput().items.find((i) => i.code === 'CARD-03')!;
    const waived = { ...card03, identity: { ...card03.identity, faceWaivedWhen: { field: 'operation', oneOf: ['resetPin'] } } };
    expect(CatalogItemSchema.safeParse(waived).success).toBe(false);
  });
});
