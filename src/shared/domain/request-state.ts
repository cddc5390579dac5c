import type { SubmissionStatus } from '../contract/methods/applications';

/** The five things a resident needs to know about an application, in plain words (requests:state.<word>). */
export type RequestWord = 'waiting' | 'received' | 'inProgress' | 'returned' | 'done' | 'refused' | 'notAccepted';

/** From the kiosk's delivery state and the county's last outcome to the word a resident reads. */
export function requestWord(s: Pick<SubmissionStatus, 'status' | 'outcome'>): RequestWord {
  // Completed here after the county returned it: it waits on the kiosk again until the next sync sends it.
  if (s.status === 'queued' && (!s.outcome || s.outcome.state === 'returned')) return 'waiting';
  if (s.outcome) {
    switch (s.outcome.state) {
      case 'accepted':
        return 'received';
      case 'inProgress':
        return 'inProgress';
      case 'returned':
        return 'returned';
      case 'done':
        return 'done';
      case 'refused':
        return 'refused';
    }
  }
  if (s.status === 'queued') return 'waiting';
  if (s.status === 'rejected') return 'notAccepted';
  return 'received';
}
