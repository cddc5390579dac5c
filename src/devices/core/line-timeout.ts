/** A timer that fired this much later than asked was held up by the kiosk's own event loop, not by the line. */
const STALL_MS = 100;
/** Then the bytes that came meanwhile get this long to be read (a serial read completes on the thread pool). */
const GRACE_MS = 100;

/**
 * A deadline on a device line that does not blame the device for the kiosk's own stall. Node runs due timers before
 * it reads the bytes waiting for it, so after the event loop was held up past the deadline (a PDF rendered, a long
 * GC, a machine loaded to its cores) a plain timer fired before the answer that had already come was read: a partial
 * frame was dropped and a read reported "timeout" although the reader had answered in time (a CI run failed so).
 * Fired late, it waits a moment more (again while it keeps being late); fired on time, the line really was silent.
 * Returns its cancel. `unref`: the timer alone does not keep the process alive.
 */
export function startLineTimeout(ms: number, onTimeout: () => void, options: { unref?: boolean } = {}): () => void {
  let due = performance.now() + ms;
  let timer: NodeJS.Timeout;
  const fire = () => {
    const now = performance.now();
    if (now - due > STALL_MS) {
      due = now + GRACE_MS;
      timer = setTimeout(fire, GRACE_MS);
      if (options.unref) timer.unref?.();
      return;
    }
    onTimeout();
  };
  timer = setTimeout(fire, ms);
  if (options.unref) timer.unref?.();
  return () => clearTimeout(timer);
}
