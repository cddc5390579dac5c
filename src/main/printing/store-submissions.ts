import type { KioskStore } from '../store/kiosk-store';
import { getSubmission, readSubmissionDetail } from '../store/submissions';
import { outcomeOf } from '../store/outcomes';
import type { SubmissionForReceipt } from '../services/printing';

/**
 * What a receipt needs from a stored submission: the summary plus the decrypted resident (name and ID number are
 * masked on paper by the template). A purged submission has no resident any more, so it has no receipt either.
 */
export function receiptSubmissionsFrom(store: Pick<KioskStore, 'db' | 'key'>): { find(id: string): SubmissionForReceipt | null } {
  return {
    find: (id) => {
      const summary = getSubmission(store.db, id);
      if (!summary || summary.purged) return null;
      const detail = readSubmissionDetail(store.db, store.key, id);
      if (!detail) return null;
      const outcome = outcomeOf(store.db, id);
      return {
        itemCode: summary.itemCode,
        trackingNumber: summary.trackingNumber,
        submittedAt: summary.submittedAt,
        channel: summary.channel,
        delivery: summary.status,
        resident: { name: detail.resident.name, idNumber: detail.resident.idNumber },
        cardBlock: outcome?.blockedAt && outcome.blockLiftsAt ? { blockedAt: outcome.blockedAt, blockLiftsAt: outcome.blockLiftsAt } : null,
      };
    },
  };
}
