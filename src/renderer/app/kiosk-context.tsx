import { createContext, useContext } from 'react';
import type { KioskClient } from '../../shared/contract/client';
import type { SiteInfo } from '../../shared/contract/methods/system';

export interface KioskContextValue {
  client: KioskClient;
  site: SiteInfo;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}
