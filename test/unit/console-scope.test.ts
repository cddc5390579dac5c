import type { Scope } from '../../src/shared/console/api';
import { canSeePoint, pointCondition, scopeWithin, townshipOf, townshipOfScope } from '../../src/county/console/scope';

/**
 * The console's one scope rule (src/county/console/scope.ts), every kind against every kind: what each account sees,
 * whose accounts it may manage, the township it files an entry under, and the SQL condition it adds.
 */
const COUNTY: Scope = { kind: 'county' };
const TUWO: Scope = { kind: 'township', township: '140105001' };
const BEIGE: Scope = { kind: 'township', township: '140105002' };
const TUWO_POINTS: Scope = { kind: 'points', points: ['140105001201', '140105001202'] };
const ONE_TUWO_POINT: Scope = { kind: 'points', points: ['140105001201'] };
const MIXED_POINTS: Scope = { kind: 'points', points: ['140105001201', '140105002203'] };

describe('console scope', () => {
  it("names a point's township by its first nine digits", () => {
    expect(townshipOf('140105001201')).toBe('140105001');
    expect(townshipOf('140105002203')).toBe('140105002');
  });

  it('lets the county see every point, a township its own, and a points account only those named', () => {
    const points = ['140105001201', '140105001202', '140105001000', '140105002203', '140106001201'];
    expect(points.map((p) => canSeePoint(COUNTY, p))).toEqual([true, true, true, true, true]);
    expect(points.map((p) => canSeePoint(TUWO, p))).toEqual([true, true, true, false, false]);
    expect(points.map((p) => canSeePoint(BEIGE, p))).toEqual([false, false, false, true, false]);
    expect(points.map((p) => canSeePoint(TUWO_POINTS, p))).toEqual([true, true, false, false, false]);
  });

  it('lets an account manage only accounts that lie wholly inside its own scope', () => {
    const all = [COUNTY, TUWO, BEIGE, TUWO_POINTS, ONE_TUWO_POINT, MIXED_POINTS];
    const within = (outer: Scope) => all.map((inner) => scopeWithin(outer, inner));
    expect(within(COUNTY)).toEqual([true, true, true, true, true, true]);
    expect(within(TUWO)).toEqual([false, true, false, true, true, false]);
    expect(within(BEIGE)).toEqual([false, false, true, false, false, false]);
    expect(within(TUWO_POINTS)).toEqual([false, false, false, true, true, false]);
    expect(within(ONE_TUWO_POINT)).toEqual([false, false, false, false, true, false]);
    expect(within(MIXED_POINTS)).toEqual([false, false, false, false, true, true]);
  });

  it("files an entry under the account's township, a points account's only when all its points share one", () => {
    expect(townshipOfScope(COUNTY)).toBeNull();
    expect(townshipOfScope(TUWO)).toBe('140105001');
    expect(townshipOfScope(TUWO_POINTS)).toBe('140105001');
    expect(townshipOfScope(ONE_TUWO_POINT)).toBe('140105001');
    expect(townshipOfScope({ kind: 'points', points: ['140105002203'] })).toBe('140105002');
    expect(townshipOfScope(MIXED_POINTS)).toBeNull();
  });

  it('adds the matching SQL condition with one parameter per point', () => {
    expect(pointCondition(COUNTY)).toEqual({ sql: '1 = 1', params: [] });
    expect(pointCondition(TUWO)).toEqual({ sql: 'p.township = ?', params: ['140105001'] });
    expect(pointCondition(ONE_TUWO_POINT)).toEqual({ sql: 'p.division_code IN (?)', params: ['140105001201'] });
    expect(pointCondition(MIXED_POINTS)).toEqual({ sql: 'p.division_code IN (?, ?)', params: ['140105001201', '140105002203'] });
  });
});
