/** @jest-environment jsdom */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { SubmissionStatus } from '../../shared/contract/methods/applications';
import { setupI18n } from '../i18n/setup';
import { MyRequestsScreen } from './MyRequestsScreen';
import { coreStandIn, renderOnCore } from '../../../test/support/core-stand-in';

/**
 * When "where is my request" asks the core again while the resident looks: on records.changed and on a county
 * outcome, not on every sync.progress; a round that changed nothing only makes the county's last word newer, taken
 * from the event.
 */
const WAITING: SubmissionStatus = {
  submissionId: '0196f000-0000-7000-8000-000000000001',
  trackingNumber: 'JY-0001',
  itemCode: 'JOB-01',
  channel: 'self',
  status: 'queued',
  rejectReason: null,
  submittedAt: '2026-12-01T01:00:00.000Z',
  acknowledgedAt: null,
  outcome: null,
};

describe('"where is my request" follows the core', () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it('asks again on records.changed and applications.outcome, not on a sync round that changed nothing', async () => {
    let held: SubmissionStatus = WAITING;
    const core = coreStandIn({
      'session.current': () => ({ maskedName: '*S', maskedIdNumber: '1101**********0011', source: 'idCard' }),
      'system.caller': () => ({ roles: ['resident'] }),
      'devices.list': () => ({ devices: [] }),
      'applications.mine': () => ({ submissions: [held] }),
      'cases.mine': () => ({ cases: [] }),
      'sync.status': () => ({ lastSyncAt: null }),
    });
    renderOnCore(core, <MyRequestsScreen onIdentified={() => undefined} />);
    expect(await screen.findByText(/^Still on this kiosk/)).toBeTruthy();
    expect(screen.getByText(/has not reached the county yet/)).toBeTruthy();
    expect(core.asked('applications.mine')).toBe(1);

    // Two rounds that changed no record: the county's last word is newer, the list is not asked again.
    const progress = { online: true, pending: 1, rejected: 0, oldestPendingAt: null, lastSyncAt: new Date().toISOString(), nextAttemptAt: null };
    await core.fire('sync.progress', progress);
    await core.fire('sync.progress', progress);
    expect(await screen.findByText(/latest word came 0 minutes ago/)).toBeTruthy();
    expect(core.asked('applications.mine')).toBe(1);
    expect(core.asked('cases.mine')).toBe(1);

    // The county settled it, then sent its outcome: each is asked again and shown.
    held = { ...WAITING, status: 'acknowledged', acknowledgedAt: '2026-12-01T02:00:00.000Z' };
    await core.fire('records.changed', { cause: 'settled' });
    expect(await screen.findByText(/^The county has received it/)).toBeTruthy();
    expect(core.asked('applications.mine')).toBe(2);
    held = {
      ...held,
      outcome: { itemId: WAITING.submissionId, trackingNumber: 'JY-0001', seq: 2, state: 'done', at: '2026-12-01T03:00:00.000Z', steps: [] },
    };
    await core.fire('applications.outcome', { submissionId: WAITING.submissionId, state: 'done' });
    expect(await screen.findByText('Done.')).toBeTruthy();
    expect(core.asked('applications.mine')).toBe(3);
    expect(core.asked('cases.mine')).toBe(3);
  });
});
