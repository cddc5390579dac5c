import { createRoot } from 'react-dom/client';
import type { WaitingNotice } from './retried-at-start';
import { startingScreenIn } from './starting-screen-in';

/**
 * The waiting screen for the page's entry (main.tsx), before boot.tsx, which makes the page's root, has loaded: a
 * chunk of its own, imported only when the boot chunk is slow or failed to load. Its root is unmounted once closed,
 * so boot makes the page's root in the same element.
 */
export function startingScreenOnPage(container: Element): WaitingNotice {
  const root = createRoot(container);
  const notice = startingScreenIn(root);
  return {
    show: (failed) => notice.show(failed),
    close() {
      notice.close();
      root.unmount();
    },
  };
}
