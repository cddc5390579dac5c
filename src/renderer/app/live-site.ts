import { useEffect, useState } from 'react';
import type { KioskClient } from '../../shared/contract/client';
import type { SiteInfo } from '../../shared/contract/methods/system';

/**
 * The point's site info, read again whenever the county's site settings arrive (office hours, phone, duty person are
 * set in the console): the attract screen and lookups show the new ones without a restart.
 */
export function useLiveSite(client: KioskClient, initial: SiteInfo): SiteInfo {
  const [site, setSite] = useState(initial);
  useEffect(() => {
    let alive = true;
    const off = client.on('config.changed', (change) => {
      if (change.part === 'site') void client.invoke('site.info', {}).then((next) => alive && setSite(next), () => undefined);
    });
    return () => {
      alive = false;
      off();
    };
  }, [client]);
  return site;
}
