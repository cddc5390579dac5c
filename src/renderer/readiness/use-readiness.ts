import { useEffect, useState } from 'react';
import { itemReadiness, type Readiness, type ReadinessItem } from '../../shared/catalog/readiness';
import type { ServiceMode } from '../../shared/catalog/schema';
import { useKiosk } from '../app/kiosk-context';
import { useLiveStatus } from './readiness-context';

/** An item's readiness from live device states and county reachability (CATALOG's rule), for this caller's mode. */
export function useItemReadiness(item: ReadinessItem): { readiness: Readiness; known: boolean } {
  const live = useLiveStatus();
  const mode = useServiceMode();
  return { readiness: itemReadiness(item, live.devices, live.countyOnline, mode), known: live.known };
}

/** 'assisted' while a clerk is logged in on this screen (they may type an ID number), else 'self'. */
export function useServiceMode(): ServiceMode {
  const { client } = useKiosk();
  const [mode, setMode] = useState<ServiceMode>('self');
  useEffect(() => {
    let alive = true;
    client.invoke('system.caller', {}).then((c) => alive && setMode(c.roles.includes('clerk') ? 'assisted' : 'self'), () => undefined);
    return () => {
      alive = false;
    };
  }, [client]);
  return mode;
}
