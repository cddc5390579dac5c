import { createMemoryLogger } from '../logging/logger';
import { EventBus } from '../event-bus';
import { newConnection } from '../dispatcher';
import { recentAudit } from '../store/audit';
import { openTestStore, tempDataDir } from '../../../test/support/store-fixtures';
import { StaffPresence } from './staff-presence';

const account = (id: string, disabled = false) => ({ id, username: id, displayName: id.toUpperCase(), roles: ['clerk' as const], passwordHash: 'scrypt$x$y', disabled });

describe('staff presence', () => {
  it('knows the clerks logged in on this point, each once, and ends the logins of accounts the county disabled or removed', () => {
    const store = openTestStore(tempDataDir());
    const events = new EventBus(createMemoryLogger().logger);
    const told: unknown[] = [];
    events.subscribe((event, data) => event === 'staff.changed' && told.push(data));
    const presence = new StaffPresence({ db: store.db, events, now: () => new Date('2026-11-30T09:00:00Z') });
    const kiosk = presence.track(newConnection('ws'));
    const windowPc = presence.track(newConnection('ws'));
    const resident = presence.track(newConnection('ws'));
    const tech = presence.track(newConnection('ws'));
    kiosk.staff = { id: 'clerk-li', displayName: 'LI', roles: ['clerk'] };
    windowPc.staff = { id: 'clerk-li', displayName: 'LI', roles: ['clerk'], channel: 'window' };
    tech.staff = { id: 'tech-sun', displayName: 'SUN', roles: ['technician'] };
    expect(presence.clerksOnDuty()).toEqual([{ id: 'clerk-li', displayName: 'LI', channel: 'assisted' }]);

    expect(presence.applyStaffList([account('clerk-li'), account('tech-sun')])).toBe(0);
    expect(presence.applyStaffList([account('clerk-li', true), account('tech-sun')])).toBe(2);
    expect(kiosk.staff).toBeUndefined();
    expect(windowPc.staff).toBeUndefined();
    expect(tech.staff).toBeDefined();
    expect(resident.staff).toBeUndefined();
    expect(told).toEqual([
      { staffId: 'clerk-li', reason: 'disabled' },
      { staffId: 'clerk-li', reason: 'disabled' },
    ]);
    expect(presence.clerksOnDuty()).toEqual([]);
    // Removed from the list altogether counts as disabled too.
    expect(presence.applyStaffList([account('clerk-li')])).toBe(1);
    expect(tech.staff).toBeUndefined();
    expect(recentAudit(store.db, 1)[0]).toMatchObject({ action: 'staff.disabledLogout', operatorId: 'tech-sun' });
    presence.untrack(kiosk);
    store.close();
  });
});
