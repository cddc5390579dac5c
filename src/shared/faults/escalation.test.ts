import { DEFAULT_RESPONSE_MINUTES, dueAt, dueClimbs } from './escalation';

const MIN = 60_000;
const opened = Date.parse('2026-11-02T01:00:00Z');
const fresh = { level: 'point' as const, levelSince: opened, acknowledged: false, closed: false };

describe('the escalation rule shared by kiosk and county', () => {
  it('climbs at the instant each level ran out, several levels at once after a long silence', () => {
    expect(dueClimbs(fresh, DEFAULT_RESPONSE_MINUTES, opened + 120 * MIN - 1)).toEqual([]);
    const weekend = dueClimbs(fresh, DEFAULT_RESPONSE_MINUTES, opened + 3 * 24 * 60 * MIN);
    expect(weekend).toEqual([
      { from: 'point', to: 'township', at: opened + 120 * MIN },
      { from: 'township', to: 'county', at: opened + 360 * MIN },
      { from: 'county', to: 'vendor', at: opened + 840 * MIN },
    ]);
  });

  it('stops at the level it is told (the kiosk climbs out of its own point only) and never past the vendor', () => {
    expect(dueClimbs(fresh, DEFAULT_RESPONSE_MINUTES, opened + 3 * 24 * 60 * MIN, 'township').map((c) => c.to)).toEqual(['township']);
    expect(dueClimbs({ ...fresh, level: 'vendor' }, DEFAULT_RESPONSE_MINUTES, opened + 365 * 24 * 60 * MIN)).toEqual([]);
  });

  it('an acknowledged or closed ticket neither climbs nor has a due time', () => {
    for (const t of [{ ...fresh, acknowledged: true }, { ...fresh, closed: true }]) {
      expect(dueClimbs(t, DEFAULT_RESPONSE_MINUTES, opened + 10 * 24 * 60 * MIN)).toEqual([]);
      expect(dueAt(t, DEFAULT_RESPONSE_MINUTES)).toBeNull();
    }
    expect(dueAt(fresh, { ...DEFAULT_RESPONSE_MINUTES, point: 30 })).toBe(opened + 30 * MIN);
  });
});
