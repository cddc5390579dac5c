import type { Migration } from './migration';

/**
 * Fault tickets that climb (故障排除上下联动): the level a ticket stands at and since when, who acknowledged it there,
 * every move so far (the county's and the point's, as JSON FaultMove[]), the point's moves not yet confirmed by the
 * county, when a passing self-test offered to close it, and when it was closed (a fault back within 7 days reopens it).
 */
export const migration007: Migration = {
  version: 7,
  name: 'fault-levels',
  up: `
    ALTER TABLE fault_tickets ADD COLUMN level TEXT NOT NULL DEFAULT 'point' CHECK (level IN ('point','township','county','vendor'));
    ALTER TABLE fault_tickets ADD COLUMN level_since TEXT;
    ALTER TABLE fault_tickets ADD COLUMN acknowledged_by TEXT;
    ALTER TABLE fault_tickets ADD COLUMN moves TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE fault_tickets ADD COLUMN unsent_moves TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE fault_tickets ADD COLUMN close_offered_at TEXT;
    ALTER TABLE fault_tickets ADD COLUMN closed_at TEXT;
    UPDATE fault_tickets SET level_since = opened_at;
    CREATE INDEX fault_tickets_device ON fault_tickets (device_id, closed_at);
  `,
};
