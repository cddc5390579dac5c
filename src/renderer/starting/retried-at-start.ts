/** How long start-up waits quietly for the core's first answer, and how it asks again after a failure. */
export interface StartTiming {
  /** No answer yet after this long (the core is still starting, the socket is refused): the screen says so. */
  showAfterMs: number;
  /** The waits before each new ask after a failed one; the last repeats. */
  retryDelaysMs: readonly number[];
}

export const START_TIMING: StartTiming = { showAfterMs: 3000, retryDelaysMs: [1000, 2000, 4000, 8000, 15000] };

/** Where start-up says it is still waiting (startingScreenIn): shown again with each failure, closed once answered. */
export interface WaitingNotice {
  show(failedAsks: number): void;
  /** The core answered: nothing more is shown (the attract screen takes the page). */
  close(): void;
}

/**
 * Something start-up cannot go on without, however long it takes: the point's settings (`site.info`) from the core,
 * boot's own chunk, the screens' texts. The first try is already under way (`first`). While it is late, or after a try
 * failed, `notice` is shown how many tries have failed so far (0: none failed, the answer is only late); after each
 * failure it is tried again (`ask`), waiting longer each time. Resolves with the first good answer and closes the
 * notice; it never rejects, since a kiosk has nothing better to show than "still starting" until it has what it needs.
 */
export function retriedAtStart<S>(first: Promise<S>, ask: () => Promise<S>, notice: WaitingNotice, timing: StartTiming = START_TIMING): Promise<S> {
  return new Promise<S>((resolve) => {
    let failed = 0;
    const late = setTimeout(() => notice.show(failed), timing.showAfterMs);
    const attempt = (answer: Promise<S>) =>
      answer.then(
        (site) => {
          clearTimeout(late);
          notice.close();
          resolve(site);
        },
        () => {
          clearTimeout(late);
          const delay = timing.retryDelaysMs[Math.min(failed, timing.retryDelaysMs.length - 1)] ?? 0;
          failed += 1;
          notice.show(failed);
          setTimeout(() => attempt(ask()), delay);
        },
      );
    void attempt(first);
  });
}
