import type { StaffAccount } from '../../shared/sync/protocol';
import type { Connection } from '../dispatcher';
import type { EventBus } from '../event-bus';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/database';

export interface ClerkOnDuty {
  id: string;
  displayName: string;
  channel: 'assisted' | 'window' | 'homeVisit';
}

/**
 * Every screen connected to this point's core and who is logged in on it. Help calls ask it whether any clerk
 * will hear them; a new staff list from the county ends the logins of accounts it disabled or removed.
 */
export class StaffPresence {
  private readonly connections = new Set<Connection>();

  constructor(private readonly deps: { db: Db; events: EventBus; now: () => Date }) {}

  track(connection: Connection): Connection {
    this.connections.add(connection);
    return connection;
  }

  untrack(connection: Connection): void {
    this.connections.delete(connection);
  }

  /** Clerks logged in on a screen of this point right now, each once (the same clerk may hold two screens). */
  clerksOnDuty(): ClerkOnDuty[] {
    const byId = new Map<string, ClerkOnDuty>();
    for (const c of this.connections) {
      const staff = c.staff;
      if (!staff?.roles.includes('clerk') || byId.has(staff.id)) continue;
      byId.set(staff.id, { id: staff.id, displayName: staff.displayName, channel: staff.channel ?? 'assisted' });
    }
    return [...byId.values()];
  }

  /** The county's staff list changed: logins of accounts now disabled or gone end at once, and their screens are told. */
  applyStaffList(accounts: readonly StaffAccount[]): number {
    const enabled = new Set(accounts.filter((a) => !a.disabled).map((a) => a.id));
    let ended = 0;
    for (const c of this.connections) {
      const staff = c.staff;
      if (!staff || enabled.has(staff.id)) continue;
      delete c.staff;
      ended += 1;
      insertAudit(this.deps.db, { at: this.deps.now().toISOString(), action: 'staff.disabledLogout', operatorId: staff.id, channel: null, subject: null });
      this.deps.events.emit('staff.changed', { staffId: staff.id, reason: 'disabled' });
    }
    return ended;
  }
}
