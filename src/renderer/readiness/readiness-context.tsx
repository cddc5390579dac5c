import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useAliveEffect } from '../hooks/use-alive-effect';
import type { DeviceStatus } from '../../shared/domain/devices';
import type { ServiceChannel } from '../../shared/domain/service-channel';
import { useKiosk } from '../app/kiosk-context';
import { stationMode } from '../staff/station-mode';
import { useStaff } from '../staff/staff-context';

export interface LiveStatus {
  devices: DeviceStatus[];
  countyOnline: boolean;
  /** 'assisted' while a clerk is logged in on this screen (they may type an ID number), else 'self'. */
  mode: ServiceChannel;
  /** False until the first answers came: tiles say "checking" rather than guessing. */
  known: boolean;
  /** Listings with a cached copy young enough to show offline (their tiles stay ready without the county). */
  offlineReady: string[];
}

const LiveStatusContext = createContext<LiveStatus>({ devices: [], countyOnline: false, mode: 'self', known: false, offlineReady: [] });

/** Live device states, county reachability and the service mode, kept current by device.changed and sync.progress. */
export function LiveStatusProvider({ children }: { children: ReactNode }) {
  const { client, site } = useKiosk();
  const { staff } = useStaff();
  const [status, setStatus] = useState<LiveStatus>({ devices: [], countyOnline: false, mode: 'self', known: false, offlineReady: [] });
  useAliveEffect((alive) => {
    const refresh = () =>
      Promise.all([client.invoke('devices.list', {}), client.invoke('sync.status', {}), client.invoke('system.caller', {}), client.invoke('queries.offlineReady', {})]).then(
        ([devices, sync, caller, cached]) =>
          alive() &&
          setStatus({
            devices: devices.devices,
            countyOnline: sync.online,
            mode: caller.roles.includes('clerk') ? 'assisted' : 'self',
            known: true,
            offlineReady: cached.items.map((i) => i.itemCode),
          }),
        () => undefined,
      );
    void refresh();
    // A clerk logging in or out changes what a tile allows (typed ID numbers); sessions change with visits.
    const offSession = client.on('session.changed', () => void refresh());
    const offDevice = client.on('device.changed', (changed) =>
      setStatus((s) => ({ ...s, devices: [...s.devices.filter((d) => d.id !== changed.id), changed] })),
    );
    const offSync = client.on('sync.progress', (p) => {
      setStatus((s) => ({ ...s, countyOnline: p.online }));
      // Going offline is when cached listings matter: learn which are young enough (they age while offline too).
      if (!p.online) void client.invoke('queries.offlineReady', {}).then((cached) => alive() && setStatus((s) => ({ ...s, offlineReady: cached.items.map((i) => i.itemCode) })), () => undefined);
    });
    return () => {
      offDevice();
      offSync();
      offSession();
    };
  }, [client]);
  // A clerk's login on this screen sets the mode at once (typed ID numbers; items a home visit cannot do).
  const clerkMode = staff?.roles.includes('clerk') ? stationMode(site.station) : null;
  const value = useMemo(() => (clerkMode ? { ...status, mode: clerkMode } : status), [status, clerkMode]);
  return <LiveStatusContext.Provider value={value}>{children}</LiveStatusContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}
