import { useMemo } from 'react';
import { itemReadiness, type Readiness, type ReadinessItem } from '../../shared/catalog/readiness';
import { useLiveStatus } from './readiness-context';

/** An item's readiness from live device states and county reachability (CATALOG's rule), for this caller's mode. */
export function useItemReadiness(item: ReadinessItem): { readiness: Readiness; known: boolean } {
  const live = useLiveStatus();
  const readiness = useMemo(() => itemReadiness(item, live.devices, live.countyOnline, live.mode), [item, live.devices, live.countyOnline, live.mode]);
  return { readiness, known: live.known };
}
