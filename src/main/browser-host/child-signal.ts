import type { ChildProcess } from 'node:child_process';

/**
 * Sends `signal` to a child process this process started, if it was started at all and has not ended yet; true when
 * the signal was sent. Node's own `child.kill()` on a child whose spawn failed (no such executable), called before the
 * spawn's error event, still calls kill(2) with the pid field libuv never filled in: seen here as `kill(0, SIGTERM)`,
 * which is the caller's whole process group (it ended a CI run, Jest, npm and the shell with it), as
 * `kill(1953460082, SIGTERM)` and as the pid of an earlier, ended child. A child without a pid has nothing to signal.
 */
export function signalChild(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return false;
  return child.kill(signal);
}
