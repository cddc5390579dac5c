import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { signalChild } from './child-signal';
import { restartBackoff } from './restart-backoff';

/** Exit codes that mean "do not try again": a usage or config error repeats on every start. */
const FINAL_EXIT_CODES = new Set([0, 1, 2]);

export interface SupervisorOptions {
  /** The Node script to fork (the browser host), or with `program` the executable to run (the Electron binary). */
  script: string;
  args: string[];
  /** Run `script` as a program instead of forking it as a Node script: the Electron shell is its own binary. */
  program?: boolean;
  /** One line per event, for the console and the journal. */
  say: (line: string) => void;
  /** A core that ran this long before dying starts its backoff again from the bottom. */
  healthyAfterMs?: number;
}

/**
 * Keeps the kiosk core running (the browser host, or the Electron shell whose main process holds the core): when it dies from a signal or a crash it is started again after a backoff
 * (1 s, 2 s, 4 s … 30 s), and every restart is said in the log. SIGTERM/SIGINT are passed on and end supervision.
 * A forked child watches its IPC channel, so killing the supervisor with -9 also ends the core (no orphan holds the
 * devices or the database); Electron holds its single-instance lock instead, so a second shell never runs beside it.
 */
export function supervise(options: SupervisorOptions): { stop(): Promise<void>; child(): ChildProcess | null } {
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  const backoff = restartBackoff(options.healthyAfterMs);
  let timer: NodeJS.Timeout | null = null;

  const start = (): void => {
    const startedAt = Date.now();
    const env = { ...process.env, KIOSK_SUPERVISED: '1' };
    const started = options.program ? spawn(options.script, options.args, { stdio: 'inherit', env }) : fork(options.script, options.args, { stdio: 'inherit', env });
    child = started;
    // A core that could not be started at all (the Electron binary missing or not executable) has no exit, only this
    // error: it is said and not tried again, as with a config error; without a listener it would end the supervisor
    // with an unhandled 'error'. Errors of a running core (a failed signal or IPC message) come with its exit later.
    started.on('error', (error) => {
      if (started.pid !== undefined) return;
      child = null;
      options.say(`kiosk core could not be started (${error.message}); not restarting`);
      process.exitCode = 1;
    });
    started.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      if (signal === null && code !== null && FINAL_EXIT_CODES.has(code)) {
        options.say(`kiosk core exited with code ${code}; not restarting`);
        process.exitCode = code;
        return;
      }
      const waitMs = backoff.next(Date.now() - startedAt);
      restarts += 1;
      options.say(`kiosk core died (${signal ?? `exit code ${code}`}); restart ${restarts} in ${waitMs / 1000} s`);
      timer = setTimeout(start, waitMs);
    });
  };
  start();

  return {
    child: () => child,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (timer) clearTimeout(timer);
        if (!child || !signalChild(child, 'SIGTERM')) return resolve();
        child.once('exit', () => resolve());
      }),
  };
}

/** Entry point: `node dist/main/browser-host/supervisor.js [cli args]` runs cli.js under supervision. */
if (require.main === module) {
  const say = (line: string) => console.error(`[supervisor ${new Date().toISOString()}] ${line}`);
  const supervisor = supervise({ script: path.join(__dirname, 'cli.js'), args: process.argv.slice(2), say });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      say(`${signal}: stopping the kiosk core`);
      void supervisor.stop().then(() => process.exit(0));
    });
  }
}
