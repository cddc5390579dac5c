/** @jest-environment jsdom */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { ClerkDay as ClerkDayView } from '../../shared/contract/methods/clerk-day';
import { setupI18n } from '../i18n/setup';
import { ClerkDay } from './ClerkDay';
import { coreStandIn, renderOnCore } from '../../../test/support/core-stand-in';

/**
 * When the clerk's day asks the core again: on records.changed (something queued, settled by the county, an inquiry
 * moved), not on every sync.progress. A round that changed no record only moves the queue's line, from the event's
 * own figures. The core is a stand-in whose events the test fires; that the real core sends records.changed exactly
 * when records change is proven in test/integration/clerk-day.test.ts.
 */
const DAY: ClerkDayView = {
  day: '2026-12-01',
  submissions: { total: 0, items: [] },
  inquiries: { opened: 0, closed: 0, open: 0, overdue: 0 },
  helpCalls: { received: 0, taken: 0 },
  queue: { pending: 1, oldestPendingAt: null, lastSyncAt: null, online: false },
  rejected: [],
  cases: [],
};

describe("the clerk's day follows the core", () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it('asks again on records.changed only; a sync round with no change moves the queue line from the event', async () => {
    const core = coreStandIn({ 'clerkDay.today': () => DAY });
    renderOnCore(core, <ClerkDay />);
    expect(await screen.findByText('1 still waiting on this machine.')).toBeTruthy();
    expect(core.asked('clerkDay.today')).toBe(1);

    // A round that sent nothing new and settled nothing: the queue line follows, the records are not asked again.
    const lastSyncAt = '2026-12-01T02:00:00.000Z';
    await core.fire('sync.progress', { online: true, pending: 0, rejected: 0, oldestPendingAt: null, lastSyncAt, nextAttemptAt: null });
    await core.fire('sync.progress', { online: true, pending: 0, rejected: 0, oldestPendingAt: null, lastSyncAt, nextAttemptAt: null });
    expect(await screen.findByText('Nothing is waiting on this machine.')).toBeTruthy();
    expect(screen.getByText('The county can be reached now.')).toBeTruthy();
    expect(core.asked('clerkDay.today')).toBe(1);

    // The county settled a queued item: the records are asked again, once per change.
    await core.fire('records.changed', { cause: 'settled' });
    expect(core.asked('clerkDay.today')).toBe(2);
    await core.fire('records.changed', { cause: 'inquiry' });
    expect(core.asked('clerkDay.today')).toBe(3);
  });
});
