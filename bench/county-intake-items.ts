import { SAMPLE_RESIDENTS } from '../src/shared/samples/residents';
import type { BatchItem } from '../src/shared/sync/protocol';

/** Residents with a mainland ID number (the batch schema's); the sample set also holds a foreign resident. */
const RESIDENTS = SAMPLE_RESIDENTS.filter((r) => /^\d{17}[\dX]$/.test(r.idNumber));

function uuid(k: number, i: number): string {
  const hex = (k * 100_000 + i).toString(16).padStart(12, '0');
  return `0196f000-0000-7000-8000-${hex}`;
}

/** Item `i` of kiosk `k` in the intake bench: the same rows for the gateway and for the bare baseline. */
export function intakeItem(k: number, i: number): BatchItem {
  const r = RESIDENTS[(k + i) % RESIDENTS.length]!;
  const id = uuid(k, i);
  return {
    id,
    kind: 'submission',
    createdAt: '2026-11-30T08:00:00.000Z',
    residentRef: `ref-${k}-${i % 7}`,
    attachments: [],
    payload: {
      submissionId: id,
      trackingNumber: `20261130-${id.slice(-8).toUpperCase()}`,
      itemCode: 'JOB-01',
      serviceMode: 'self',
      operatorId: null,
      submittedAt: '2026-11-30T08:00:00.000Z',
      resident: { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, source: 'idCard' },
      form: { phone: '13800000000' },
      attachments: [],
    },
  };
}
