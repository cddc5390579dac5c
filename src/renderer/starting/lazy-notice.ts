import type { WaitingNotice } from './retried-at-start';

/**
 * A waiting notice whose screen is in a chunk fetched only when first shown (the page's entry imports no package, so
 * React and the texts come with it). `load` resolves with what makes the screen; it is made only if start-up has not
 * gone on meanwhile (a screen made after that would take the element boot.tsx renders into). A fetch that failed is
 * tried again at the next show.
 */
export function lazyNotice(load: () => Promise<() => WaitingNotice>): WaitingNotice {
  let loading: Promise<void> | undefined;
  let screen: WaitingNotice | undefined;
  let closed = false;
  let last = 0;
  return {
    show(failed) {
      last = failed;
      if (screen) return screen.show(failed);
      loading ??= load().then(
        (make) => {
          if (closed) return;
          screen = make();
          screen.show(last);
        },
        () => void (loading = undefined),
      );
    },
    close() {
      closed = true;
      screen?.close();
    },
  };
}
