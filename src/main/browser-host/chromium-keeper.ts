import type { ChildProcess } from 'node:child_process';
import { chromiumExit, stopChromium, type ChromiumExit } from './chromium';
import { restartBackoff } from './restart-backoff';

export interface KeptChromium {
  /** The Chromium running now; null while the next start is waited for. */
  current(): ChildProcess | null;
  /** Stops the running Chromium (as `stopChromium`) and starts no other. */
  stop(): Promise<void>;
}

export interface KeepChromiumOptions {
  /** Starts one Chromium (`launchChromiumKiosk` with a fresh one-time launch URL: the last one is spent). */
  launch: () => ChildProcess;
  /** Each exit that was not asked for, with when the next start is due: for the log. */
  onExit: (exit: ChromiumExit & { restartInMs: number }) => void;
  /**
   * Each start after an exit, when it happens. Reported apart from the exit because a start that is due may never
   * come: when the whole process group is stopped (systemd, `timeout`), Chromium's exit can be read before the host's
   * own stop; the log then says it exited and that a start was due, never that it was started.
   */
  onRestart?: (restart: { attempt: number }) => void;
  /** A Chromium that ran this long before it exited starts its backoff again from the bottom. */
  healthyAfterMs?: number;
}

/**
 * Keeps the kiosk's window up: a Chromium that exits without being asked to (it crashed, it could not reach the X
 * server yet, somebody closed it) is started again after the backoff the supervisor uses for the core
 * (restart-backoff.ts). Without it a kiosk whose Chromium died once showed a bare screen until somebody restarted the
 * PC. Every exit is reported with Chromium's last stderr lines, the only place its reason is said.
 */
export function keepChromiumRunning(options: KeepChromiumOptions): KeptChromium {
  let child: ChildProcess | null = null;
  let stopping = false;
  const backoff = restartBackoff(options.healthyAfterMs);
  let timer: NodeJS.Timeout | null = null;
  let restarts = 0;

  const again = (exit: ChromiumExit, startedAt: number): void => {
    child = null;
    const waitMs = backoff.next(Date.now() - startedAt);
    options.onExit({ ...exit, restartInMs: waitMs });
    timer = setTimeout(() => {
      restarts += 1;
      options.onRestart?.({ attempt: restarts });
      start();
    }, waitMs);
  };
  const start = (): void => {
    timer = null;
    const startedAt = Date.now();
    let launchedChild: ChildProcess;
    try {
      launchedChild = options.launch();
    } catch (error) {
      // Its profile or temporary directory could not be made (a full disk): tried again like an exit, never thrown
      // out of a timer into the host.
      return again({ code: null, signal: null, stderrTail: String((error as Error).message) }, startedAt);
    }
    child = launchedChild;
    void chromiumExit(launchedChild).then((exit) => {
      if (!stopping && child === launchedChild) again(exit, startedAt);
    });
  };
  start();

  return {
    current: () => child,
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      if (child) await stopChromium(child);
    },
  };
}
