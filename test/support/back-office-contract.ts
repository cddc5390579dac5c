import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { OUTCOME_STATES, OutcomeTextSchema, type OutcomeState } from '../../src/shared/sync/outcomes';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import type { BackOffice, BackOfficeItem, OutcomeSink } from '../../src/county/back-office/port';
import type { OutcomeChange } from '../../src/county/outcomes';
import { testUuid } from './county-items';

/** Moves the port allows (docs/back-office.md): from each state, the states that may follow. */
const ALLOWED: Record<OutcomeState | 'start', readonly OutcomeState[]> = {
  start: ['accepted', 'inProgress', 'returned', 'refused', 'done'],
  accepted: ['inProgress', 'returned', 'refused', 'done'],
  inProgress: ['inProgress', 'done', 'returned', 'refused'],
  returned: ['inProgress', 'returned', 'refused', 'done'],
  done: [],
  refused: [],
};

/** A sink that records what an adapter reports and checks each move against the port's rules. */
export class RecordingSink implements OutcomeSink {
  readonly changes = new Map<string, OutcomeChange[]>();
  readonly violations: string[] = [];

  async record(applicationId: string, change: OutcomeChange): Promise<void> {
    const list = this.changes.get(applicationId) ?? [];
    const from = list.at(-1)?.state ?? 'start';
    if (!OUTCOME_STATES.includes(change.state)) this.violations.push(`${applicationId}: unknown state ${change.state}`);
    if (!ALLOWED[from].includes(change.state)) this.violations.push(`${applicationId}: ${from} -> ${change.state}`);
    if (!OutcomeTextSchema.safeParse(change.text).success) this.violations.push(`${applicationId}: text not in both languages`);
    if (change.state === 'returned' && (!change.missing || change.missing.materials.length === 0 || !OutcomeTextSchema.safeParse(change.missing.text).success)) {
      this.violations.push(`${applicationId}: returned without saying what is missing`);
    }
    if (change.state === 'refused' && !OutcomeTextSchema.safeParse(change.reason).success) this.violations.push(`${applicationId}: refused without a reason in words`);
    list.push(change);
    this.changes.set(applicationId, list);
  }
}

function deliveryOf(itemCode: string, options: { form?: SubmissionPayload['form']; materials?: string[]; face?: SubmissionPayload['face']; resident?: number } = {}): BackOfficeItem {
  const id = testUuid();
  const r = SAMPLE_RESIDENTS[options.resident ?? 0]!;
  return {
    applicationId: id,
    deliveryId: id,
    round: 1,
    kioskId: 'contract-kiosk',
    itemCode,
    trackingNumber: `20261130-${id.slice(-8).toUpperCase()}`,
    receivedAt: new Date('2026-11-30T09:00:00.000Z'),
    payload: {
      submissionId: id,
      trackingNumber: `20261130-${id.slice(-8).toUpperCase()}`,
      itemCode,
      serviceMode: 'self',
      operatorId: null,
      submittedAt: '2026-11-30T09:00:00.000Z',
      resident: { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, source: 'idCard' },
      form: options.form ?? {},
      attachments: (options.materials ?? []).map((code, i) => ({ sha256: `${String(i).padStart(2, '0')}${'a'.repeat(62)}`, materialCode: code, mime: 'image/jpeg', size: 1 })),
      ...(options.face ? { face: options.face } : {}),
    },
  };
}

/**
 * The contract every back office must pass (the reference one, a provincial adapter): run it from a test file with a
 * factory that gives a fresh back office. It feeds one delivery of every submittable item kind of the catalogue,
 * each twice (delivery is at least once), advances time by a week, and checks the outcomes the adapter reported:
 * only allowed moves, words in both languages, what is missing when returned, why when refused, and nothing more
 * from a repeated delivery.
 */
export function describeBackOfficeContract(name: string, make: () => Promise<BackOffice> | BackOffice): void {
  describe(`back-office contract: ${name}`, () => {
    it('takes every kind of item the catalogue sends, reports only allowed moves in words, and ignores a repeated delivery', async () => {
      const backOffice = await make();
      const sink = new RecordingSink();
      const items = defaultCatalog().items.filter((i) => ['apply', 'certify', 'card'].includes(i.type));
      const deliveries = items.map((i) =>
        deliveryOf(i.code, {
          form: i.type === 'card' ? { operation: i.cardOperations[0]! } : {},
          materials: i.materials.map((m) => m.code),
          ...(i.type === 'certify' ? { face: { sha256: 'f'.repeat(64), livenessScore: 0.95, qualityScore: 0.9 } } : {}),
        }),
      );
      for (const d of deliveries) await backOffice.receive(d, sink);
      const afterFirst = new Map([...sink.changes].map(([id, list]) => [id, list.length]));
      for (const d of deliveries) await backOffice.receive(d, sink);
      expect(new Map([...sink.changes].map(([id, list]) => [id, list.length]))).toEqual(afterFirst);
      await backOffice.advance(new Date('2026-12-07T09:00:00.000Z'), sink);
      expect(sink.violations).toEqual([]);
      // Every card operation and certification is decided at once: a resident waiting at the kiosk gets an answer.
      for (const d of deliveries.filter((x) => ['card', 'certify'].includes(items.find((i) => i.code === x.itemCode)!.type))) {
        expect([d.itemCode, sink.changes.get(d.applicationId)?.at(-1)?.state]).toEqual([d.itemCode, expect.stringMatching(/^(done|refused)$/)]);
      }
    });

    it('returns an application that lacks a material the form made required, naming it', async () => {
      const backOffice = await make();
      const sink = new RecordingSink();
      const d = deliveryOf('JOB-05', { form: { leaveReason: 'landLost' } });
      await backOffice.receive(d, sink);
      expect(sink.violations).toEqual([]);
      expect(sink.changes.get(d.applicationId)?.at(-1)).toMatchObject({ state: 'returned', missing: { materials: ['landRequisitionProof'] } });
    });
  });
}
