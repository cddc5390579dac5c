import { useMemo } from 'react';
import { itemReadiness, type Readiness, type ReadinessItem } from '../../shared/catalog/readiness';
import { useLiveStatus } from './readiness-context';

/** An item's readiness from live device states and county reachability (CATALOG's rule), for this caller's mode. */
export function useItemReadiness(item: ReadinessItem & { code?: string }): { readiness: Readiness; known: boolean } {
  const live = useLiveStatus();
  const fresh = item.code !== undefined && live.offlineReady.includes(item.code);
  const readiness = useMemo(() => itemReadiness(item, live.devices, live.countyOnline, live.mode, fresh), [item, live.devices, live.countyOnline, live.mode, fresh]);
  return { readiness, known: live.known };
}
