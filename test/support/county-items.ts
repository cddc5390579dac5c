import { createHash } from 'node:crypto';
import type { SampleResident } from '../../src/shared/samples/residents';
import type { SubmissionItem, SubmissionPayload } from '../../src/shared/sync/protocol';

let counter = 0;
/** A fresh UUID (v7 layout) per call, so tests never collide on idempotency keys. */
export function testUuid(): string {
  counter += 1;
  const rand = createHash('sha256').update(`${process.pid}-${Date.now()}-${counter}`).digest('hex');
  return `0196f${rand.slice(0, 3)}-${rand.slice(3, 7)}-7${rand.slice(7, 10)}-8${rand.slice(10, 13)}-${rand.slice(13, 25)}`;
}

/** A batch item as a kiosk sends it, for one resident and item code. */
export function batchItem(
  resident: Pick<SampleResident, 'idNumber' | 'name' | 'sex' | 'birthDate'>,
  itemCode: string,
  options: {
    id?: string;
    form?: SubmissionPayload['form'];
    materials?: Array<{ code: string; sha256: string }>;
    face?: SubmissionPayload['face'];
    applicationId?: string;
    trackingNumber?: string;
    residentRef?: string;
    /** When the kiosk made it (default: now). */
    at?: string;
    /** Any other payload field, over the ones made here. */
    payload?: Partial<SubmissionPayload>;
  } = {},
): SubmissionItem {
  const id = options.id ?? testUuid();
  const materials = options.materials ?? [];
  const at = options.at ?? new Date().toISOString();
  return {
    id,
    kind: 'submission',
    createdAt: at,
    residentRef: options.residentRef ?? `ref-${resident.idNumber.slice(-6)}`,
    attachments: [...materials.map((m) => m.sha256), ...(options.face ? [options.face.sha256] : [])],
    payload: {
      submissionId: id,
      trackingNumber: options.trackingNumber ?? `20261130-${id.slice(-8).toUpperCase()}`,
      itemCode,
      serviceMode: 'self',
      operatorId: null,
      submittedAt: at,
      resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'idCard' },
      form: options.form ?? {},
      attachments: materials.map((m) => ({ sha256: m.sha256, materialCode: m.code, mime: 'image/jpeg', size: 1 })),
      ...(options.face ? { face: options.face } : {}),
      ...(options.applicationId ? { applicationId: options.applicationId } : {}),
      ...options.payload,
    },
  };
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
