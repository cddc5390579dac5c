import { reloadPage } from './reload-page';
import type { WaitingNotice } from './retried-at-start';

/** How long a page that failed to start may stay blank before it reloads itself. */
export const BLANK_PAGE_RELOAD_AFTER_MS = 20_000;

/**
 * The last resort of start-up: `notice` (the waiting screen) wrapped so that, once something failed and the screen was
 * asked for, a page that still shows nothing in `container` after `afterMs` (the screen's own code or texts could not
 * be fetched either) reloads. A kiosk must never stay blank; a reload fetches the page and its chunks afresh. Closed
 * (start-up went on), it reloads nothing.
 */
export function withBlankPageReload(notice: WaitingNotice, options: { container: () => Element | null; reload?: () => void; afterMs?: number }): WaitingNotice {
  let watch: ReturnType<typeof setTimeout> | undefined;
  return {
    show(failedAsks) {
      watch ??= setTimeout(() => {
        if (!options.container()?.childElementCount) (options.reload ?? reloadPage)();
        else watch = undefined; // the screen is up: watched again from the next failure
      }, options.afterMs ?? BLANK_PAGE_RELOAD_AFTER_MS);
      notice.show(failedAsks);
    },
    close() {
      clearTimeout(watch);
      notice.close();
    },
  };
}
