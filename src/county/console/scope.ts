import type { Scope } from '../../shared/console/api';

/**
 * The one place that decides what an account may see: a county admin everything, a township account its own
 * township's points, a point-scoped account its named points. Every console query filters through here.
 */
export const townshipOf = (divisionCode: string): string => divisionCode.slice(0, 9);

export function canSeePoint(scope: Scope, divisionCode: string): boolean {
  switch (scope.kind) {
    case 'county':
      return true;
    case 'township':
      return townshipOf(divisionCode) === scope.township;
    case 'points':
      return scope.points.includes(divisionCode);
  }
}

/** True when everything `inner` covers lies inside `outer` (a township may manage accounts inside itself only). */
export function scopeWithin(outer: Scope, inner: Scope): boolean {
  if (outer.kind === 'county') return true;
  if (inner.kind === 'county') return false;
  if (inner.kind === 'township') return outer.kind === 'township' && outer.township === inner.township;
  return inner.points.every((p) => canSeePoint(outer, p));
}

/** The township an entry belongs to for filtering (null: county-wide, seen by county admins only). */
export function townshipOfScope(scope: Scope): string | null {
  if (scope.kind === 'township') return scope.township;
  if (scope.kind === 'points') {
    const townships = new Set(scope.points.map(townshipOf));
    return townships.size === 1 ? [...townships][0]! : null;
  }
  return null;
}

/** A SQL condition on a points table aliased `p`, with its parameters. */
export function pointCondition(scope: Scope): { sql: string; params: string[] } {
  switch (scope.kind) {
    case 'county':
      return { sql: '1 = 1', params: [] };
    case 'township':
      return { sql: 'p.township = ?', params: [scope.township] };
    case 'points':
      return { sql: `p.division_code IN (${scope.points.map(() => '?').join(', ')})`, params: scope.points };
  }
}
