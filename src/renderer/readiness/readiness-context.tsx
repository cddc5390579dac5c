import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { DeviceStatus } from '../../shared/domain/devices';
import { useKiosk } from '../app/kiosk-context';

export interface LiveStatus {
  devices: DeviceStatus[];
  countyOnline: boolean;
  /** False until the first answers came: tiles say "checking" rather than guessing. */
  known: boolean;
}

const LiveStatusContext = createContext<LiveStatus>({ devices: [], countyOnline: false, known: false });

/** Live device states and county reachability, kept current by device.changed and sync.progress. */
export function LiveStatusProvider({ children }: { children: ReactNode }) {
  const { client } = useKiosk();
  const [status, setStatus] = useState<LiveStatus>({ devices: [], countyOnline: false, known: false });
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      Promise.all([client.invoke('devices.list', {}), client.invoke('sync.status', {})]).then(
        ([devices, sync]) => alive && setStatus({ devices: devices.devices, countyOnline: sync.online, known: true }),
        () => undefined,
      );
    void refresh();
    const offDevice = client.on('device.changed', (changed) =>
      setStatus((s) => ({ ...s, devices: [...s.devices.filter((d) => d.id !== changed.id), changed] })),
    );
    const offSync = client.on('sync.progress', (p) => setStatus((s) => ({ ...s, countyOnline: p.online })));
    return () => {
      alive = false;
      offDevice();
      offSync();
    };
  }, [client]);
  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}
