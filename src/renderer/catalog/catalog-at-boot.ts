import type { KioskClient } from '../../shared/contract/client';
import type { CatalogListing } from '../../shared/contract/methods/catalog';

/** The catalogue start-up asked for, handed once to the catalogue provider. */
export interface CatalogAtBoot {
  /** The latest answer; from here on the provider follows changes itself. */
  take(): Promise<CatalogListing>;
}

/**
 * Asks for the catalogue during start-up (once `after` settles), before the screens and the catalogue provider, which
 * follows the county's changes, are up. A newer catalogue announced in between is asked for again, so the provider
 * never starts from an answer that was stale before it mounted.
 */
export function askCatalogAtBoot(client: KioskClient, after: Promise<unknown>): CatalogAtBoot {
  const ask = () => {
    const listing = after.then(() => client.invoke('catalog.list', {}));
    listing.catch(() => undefined); // its failure is the provider's to show, once it takes it
    return listing;
  };
  let latest = ask();
  const off = client.on('config.changed', (change) => {
    if (change.part === 'catalog') latest = ask();
  });
  return {
    take: () => {
      off();
      return latest;
    },
  };
}
