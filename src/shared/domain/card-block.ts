/**
 * What "where is my request" may say about a temporary card block. A loss report the county answered carries the
 * time the block lifts by itself; but a later answer to the same item (the loss report cancelled, or the card
 * reported lost again) supersedes it, so only the newest answered request of an item speaks for the card: an older
 * one must not claim a block the resident has since lifted.
 */

interface AnsweredRequest {
  submissionId: string;
  itemCode: string;
  submittedAt: string;
  outcome?: { state: string; blockLiftsAt?: string | undefined } | null | undefined;
}

export type CardBlockWord = { word: 'holds' | 'lifted'; liftsAt: string };

/** Per request: whether its block still holds at `now`, has lifted, or (absent) is not for it to say. */
export function cardBlockWords(requests: readonly AnsweredRequest[], now: number): Map<string, CardBlockWord> {
  const newestDone = new Map<string, AnsweredRequest>();
  for (const request of requests) {
    if (request.outcome?.state !== 'done') continue;
    const seen = newestDone.get(request.itemCode);
    if (!seen || Date.parse(request.submittedAt) > Date.parse(seen.submittedAt)) newestDone.set(request.itemCode, request);
  }
  const words = new Map<string, CardBlockWord>();
  for (const request of newestDone.values()) {
    const liftsAt = request.outcome?.blockLiftsAt;
    if (liftsAt) words.set(request.submissionId, { word: Date.parse(liftsAt) > now ? 'holds' : 'lifted', liftsAt });
  }
  return words;
}
