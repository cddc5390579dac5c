// Loaded before the browser host's own code in the kill test's bundle (kiosk-host-entry.ts). With KIOSK_KILL_AT set
// ({"kind":"write"|"outbox","n":N}) the process SIGKILLs itself right after its N-th write: every SQLite statement
// run through `run()` or `exec()` (BEGIN and COMMIT included) and every file write, fsync and rename ("write"), or
// only the statements that change the outbox ("outbox": claiming and settling during a sync round). Counting events
// instead of waiting wall-clock time makes the kill land at a chosen point however busy the machine is.
import fs from 'node:fs';
import Database from 'better-sqlite3';

const plan = process.env.KIOSK_KILL_AT ? (JSON.parse(process.env.KIOSK_KILL_AT) as { kind: 'write' | 'outbox'; n: number }) : null;
let count = 0;

function event(what: string): void {
  if (!plan) return;
  if (plan.kind === 'outbox' && !/^\s*(UPDATE|DELETE FROM)\s+outbox\b/i.test(what)) return;
  count += 1;
  if (count !== plan.n) return;
  // Said on stdout first (synchronously), so the test can tell where the kills landed.
  fs.writeSync(1, `KILLED ${plan.kind} ${count} ${what.replace(/\s+/g, ' ').slice(0, 70)}\n`);
  process.kill(process.pid, 'SIGKILL');
}

if (plan) {
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown; source?: string };
  probe.close();
  const run = statement.run;
  statement.run = function (this: { source: string }, ...args: unknown[]) {
    const result = run.apply(this, args);
    event(this.source);
    return result;
  };
  const exec = Database.prototype.exec;
  Database.prototype.exec = function (this: Database.Database, sql: string) {
    const result = exec.call(this, sql);
    event(sql);
    return result;
  };
  const writeSync = fs.writeSync as (...args: unknown[]) => number;
  (fs as { writeSync: unknown }).writeSync = (...args: unknown[]) => {
    const result = writeSync(...args);
    if (typeof args[0] === 'number' && args[0] > 2) event('file write');
    return result;
  };
  const fsyncSync = fs.fsyncSync;
  fs.fsyncSync = (fd) => {
    fsyncSync(fd);
    event('file fsync');
  };
  const renameSync = fs.renameSync;
  fs.renameSync = (from, to) => {
    renameSync(from, to);
    event('file rename');
  };
}
