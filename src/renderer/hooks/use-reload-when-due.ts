import { useEffect } from 'react';
import { OPEN_CASE_STATES, type CaseState } from '../../shared/cases/case-state';

/** What the hook reads of a case on screen: its state, its promised time and whether the core already flags it. */
export interface DueCase {
  state: CaseState;
  dueAt: string;
  overdue: boolean;
}

/**
 * A case turns overdue at its due time, and no event from the core says so: `reload` runs just after the earliest due
 * time of the open cases on screen not yet flagged, so the flag shows while someone looks. After the reload the new
 * list sets the next one.
 */
export function useReloadWhenDue(cases: readonly DueCase[] | null, reload: () => void): void {
  useEffect(() => {
    const now = Date.now();
    const next = (cases ?? [])
      .filter((c) => !c.overdue && OPEN_CASE_STATES.has(c.state))
      .map((c) => Date.parse(c.dueAt))
      .filter((due) => due >= now)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return undefined;
    // A second after the due time (the core judges by its own clock); setTimeout holds at most ~24.8 days, and a
    // later due time is met by a reload on the way.
    const timer = setTimeout(reload, Math.min(next - now + 1000, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [cases, reload]);
}
