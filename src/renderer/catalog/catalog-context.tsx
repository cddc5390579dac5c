import { createContext, useContext, useRef, useState, type ReactNode } from 'react';
import type { CatalogItem } from '../../shared/catalog/schema';
import type { CountySettings } from '../../shared/catalog/county-settings';
import type { Language } from '../../shared/locales';
import type { CatalogAtBoot } from './catalog-at-boot';
import { useAliveEffect } from '../hooks/use-alive-effect';
import { useKiosk } from '../app/kiosk-context';
import { markStartup } from '../app/startup-marks';

export interface CatalogState {
  status: 'loading' | 'ready' | 'failed';
  version: number;
  /** Items this point offers (demonstration items only at the demonstration point). */
  items: CatalogItem[];
  /** The county's numbers the item texts use, with the day it set each (null: the shipped value). */
  settings?: CountySettings;
  /** Whose catalogue this is and when it was published (time limits and legal basis travel in it). */
  source?: 'default' | 'county';
  publishedAt?: string;
}

const CatalogContext = createContext<CatalogState>({ status: 'loading', version: 0, items: [] });

/**
 * Loads the catalogue once (it holds nothing personal) and again whenever the county sends a newer one. `asked`: the
 * catalogue start-up asked for already (boot.tsx), so the screens need not wait for a round of their own.
 */
export function CatalogProvider({ children, asked }: { children: ReactNode; asked?: CatalogAtBoot }) {
  const { client } = useKiosk();
  const [state, setState] = useState<CatalogState>({ status: 'loading', version: 0, items: [] });
  const askedAtBoot = useRef(asked);
  useAliveEffect((alive) => {
    const load = () => {
      // Taken here, in the effect that subscribes below, so no change can fall between the two.
      const listing = askedAtBoot.current?.take() ?? client.invoke('catalog.list', {});
      askedAtBoot.current = undefined; // used once: a newer catalogue is asked for afresh
      return listing.then(
        (catalog) => {
          if (!alive()) return;
          markStartup('catalog:loaded');
          // The core lists only what this point offers (demonstration items only at the demonstration point).
          setState({ status: 'ready', version: catalog.version, items: catalog.items, settings: catalog.settings, source: catalog.source, publishedAt: catalog.publishedAt });
        },
        () => alive() && setState((s) => ({ ...s, status: s.items.length > 0 ? 'ready' : 'failed' })),
      );
    };
    void load();
    const off = client.on('config.changed', (change) => {
      if (change.part === 'catalog') void load();
    });
    return off;
  }, [client]);
  return <CatalogContext.Provider value={state}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): CatalogState {
  return useContext(CatalogContext);
}

export function useCatalogItem(code: string): CatalogItem | undefined {
  return useCatalog().items.find((i) => i.code === code);
}

/** A catalogue text in the screen's language (the catalogue carries both). */
export function localised(text: { 'zh-CN': string; en: string }, language: string): string {
  return text[(language === 'en' ? 'en' : 'zh-CN') as Language];
}
