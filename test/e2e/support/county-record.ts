import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { attachmentFile } from '../../../src/county/attachments';
import { SAMPLE_FACE_JPEG_BASE64 } from '../../../src/devices/face/sample-image';
import type { ServiceChannel } from '../../../src/shared/domain/service-channel';
import type { SampleResident } from '../../../src/shared/samples/residents';
import type { CountyProcess } from './county-process';
import type { ItemOutcome } from './item-flow';
import { countyPayload } from './point';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** What the face module simulator captures, and the scores it reports for a passed check. */
const SIMULATED_FACE = { sha256: sha256(Buffer.from(SAMPLE_FACE_JPEG_BASE64, 'base64')), livenessScore: 0.973, qualityScore: 0.881 };

/**
 * Waits for the submission at the county, then compares its stored record field by field with what the screen
 * submitted: the item, the channel and operator, the resident as the card (or the clerk) gave them, every form
 * answer as typed, every page's hash, type and size in order, the face the module captured, and each page's bytes
 * as the county keeps them. A blank form, a wrong name or a lost page fails here.
 */
export async function expectCountyHoldsSubmitted(
  county: CountyProcess,
  outcome: ItemOutcome,
  expected: {
    itemCode: string;
    resident: SampleResident;
    channel?: ServiceChannel;
    operatorId?: string | null;
    typedReason?: string;
    /** The name the record carries when the card gave none (a clerk typed only the number). */
    nameOnRecord?: string;
    submittedAfter: Date;
  },
): Promise<void> {
  const submitted = outcome.submitted!;
  expect(outcome.kind).toBe('receipt');
  await expect.poll(() => countyPayload({ county }, outcome.trackingNumber!) !== null, { timeout: 60_000, intervals: [1000] }).toBe(true);
  const stored = countyPayload({ county }, outcome.trackingNumber!)!;
  const { resident } = expected;
  expect(stored).toEqual({
    submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    trackingNumber: outcome.trackingNumber,
    itemCode: expected.itemCode,
    serviceMode: expected.channel ?? 'self',
    operatorId: expected.operatorId ?? null,
    submittedAt: expect.any(String),
    resident: {
      idNumber: resident.idNumber,
      name: expected.nameOnRecord ?? resident.name,
      sex: resident.sex,
      birthDate: resident.birthDate,
      source: submitted.card,
      ...(expected.typedReason ? { typedReason: expected.typedReason } : {}),
    },
    form: submitted.form,
    attachments: submitted.pages.map(({ materialCode, mime, sha256: hash, size }) => ({ sha256: hash, materialCode, mime, size })),
    ...(submitted.faceChecked ? { face: SIMULATED_FACE } : {}),
  });
  const at = Date.parse(stored.submittedAt);
  expect(at).toBeGreaterThanOrEqual(expected.submittedAfter.getTime() - 1000);
  expect(at).toBeLessThanOrEqual(Date.now());
  // The pages' bytes at the county, once their upload completed (attachments travel after the record).
  const attachments = path.join(county.dataDir, 'attachments');
  for (const p of submitted.pages) {
    const file = attachmentFile(attachments, county.kioskId, p.sha256);
    const bytesMatch = () => fs.existsSync(file) && fs.readFileSync(file).equals(p.data);
    await expect.poll(bytesMatch, { message: `page ${p.materialCode} (${p.sha256}) at the county as captured`, timeout: 60_000, intervals: [1000] }).toBe(true);
  }
}
