import { describe, expect, it } from '@jest/globals';
import { requestWord } from './request-state';

const outcome = (state: 'accepted' | 'inProgress' | 'done' | 'returned' | 'refused') => ({
  itemId: '01890000-0000-7000-8000-000000000000',
  trackingNumber: '20261130-ABCDEFGH',
  seq: 1,
  state,
  at: '2026-11-30T02:00:00.000Z',
  steps: [],
});

describe('the plain word for where a request is', () => {
  it('follows the kiosk until the county speaks, then the county', () => {
    expect(requestWord({ status: 'queued', outcome: null })).toBe('waiting');
    expect(requestWord({ status: 'acknowledged', outcome: null })).toBe('received');
    expect(requestWord({ status: 'rejected', outcome: null })).toBe('notAccepted');
    expect(requestWord({ status: 'acknowledged', outcome: outcome('accepted') })).toBe('received');
    expect(requestWord({ status: 'acknowledged', outcome: outcome('inProgress') })).toBe('inProgress');
    expect(requestWord({ status: 'acknowledged', outcome: outcome('returned') })).toBe('returned');
    expect(requestWord({ status: 'acknowledged', outcome: outcome('done') })).toBe('done');
    expect(requestWord({ status: 'acknowledged', outcome: outcome('refused') })).toBe('refused');
    // A returned application completed here and queued again waits on the kiosk, it is no longer missing anything.
    expect(requestWord({ status: 'queued', outcome: outcome('returned') })).toBe('waiting');
    // Once the county has spoken (anything but "returned"), its word stands whatever the kiosk's row says.
    expect(requestWord({ status: 'queued', outcome: outcome('accepted') })).toBe('received');
    expect(requestWord({ status: 'queued', outcome: outcome('done') })).toBe('done');
    expect(requestWord({ status: 'rejected', outcome: outcome('accepted') })).toBe('received');
  });
});
