import fs from 'node:fs';
import path from 'node:path';
import { supervise } from '../../src/main/browser-host/supervisor';
import { tempDir } from '../support/core-harness';

function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(tick, 50);
    };
    tick();
  });
}

describe('browser-host supervisor', () => {
  it('starts the core again after it is killed, says so, and stops it on request', async () => {
    const dir = tempDir('kiosk-supervisor-');
    const script = path.join(dir, 'core.js');
    // A stand-in core: the first run dies by SIGKILL; the second records itself and waits to be stopped. It listens
    // for SIGTERM before it records itself: the test stops it as soon as the record is there (under load, a stop that
    // came before the listener ended it by the signal, exit code null).
    fs.writeFileSync(
      script,
      `const fs = require('fs'); const p = require('path');
       process.on('SIGTERM', () => process.exit(0));
       const runs = p.join(${JSON.stringify(dir)}, 'runs');
       fs.appendFileSync(runs, 'run\\n');
       if (fs.readFileSync(runs, 'utf8').split('\\n').length === 2) process.kill(process.pid, 'SIGKILL');
       setInterval(() => undefined, 1000);`,
    );
    const lines: string[] = [];
    const supervisor = supervise({ script, args: [], say: (l) => lines.push(l) });
    await waitFor(() => fs.existsSync(path.join(dir, 'runs')) && fs.readFileSync(path.join(dir, 'runs'), 'utf8') === 'run\nrun\n');
    expect(lines).toEqual([expect.stringMatching(/kiosk core died \(SIGKILL\); restart 1 in 1 s/)]);
    const second = supervisor.child();
    expect(second?.pid).toBeDefined();
    await supervisor.stop();
    expect(second?.exitCode).toBe(0);
  });

  it('runs a program (the Electron shell) the same way: restarted after a crash, stopped on request', async () => {
    const dir = tempDir('kiosk-supervisor-');
    const runs = path.join(dir, 'runs');
    // A stand-in shell binary: a shell script, not a Node script, so only the program mode can start it.
    const program = path.join(dir, 'shell.sh');
    fs.writeFileSync(
      program,
      `#!/bin/sh
trap 'exit 0' TERM
echo "run $1" >> "${runs}"
if [ "$(wc -l < "${runs}")" -eq 1 ]; then kill -9 $$; fi
while true; do sleep 0.1; done
`,
      { mode: 0o755 },
    );
    const lines: string[] = [];
    const supervisor = supervise({ script: program, args: ['app-root'], program: true, say: (l) => lines.push(l) });
    await waitFor(() => fs.existsSync(runs) && fs.readFileSync(runs, 'utf8') === 'run app-root\nrun app-root\n');
    expect(lines).toEqual([expect.stringMatching(/kiosk core died \(SIGKILL\); restart 1 in 1 s/)]);
    await supervisor.stop();
    expect(fs.readFileSync(runs, 'utf8')).toBe('run app-root\nrun app-root\n');
  });

  it('says so and does not retry when the core cannot be started at all, and a stop then signals nothing', async () => {
    const dir = tempDir('kiosk-supervisor-');
    const lines: string[] = [];
    // The Electron binary missing: the spawn fails, with an error event and no exit.
    const supervisor = supervise({ script: path.join(dir, 'no-such-electron'), args: [], program: true, say: (l) => lines.push(l) });
    const child = supervisor.child();
    expect(child?.pid).toBeUndefined();
    // Stopped before the spawn's error event: Node's kill would go to a pid libuv never set (0: this run's group).
    const kill = jest.spyOn(child!, 'kill').mockReturnValue(false); // never really sent, should a change call it
    await supervisor.stop();
    expect(kill).not.toHaveBeenCalled();
    await waitFor(() => lines.length > 0);
    expect(lines).toEqual([expect.stringMatching(/^kiosk core could not be started \(spawn .*no-such-electron ENOENT\); not restarting$/)]);
    expect(process.exitCode).toBe(1);
    expect(supervisor.child()).toBeNull();
    process.exitCode = 0;
  });

  it('does not restart a core that refused to start (config or usage error)', async () => {
    const dir = tempDir('kiosk-supervisor-');
    const script = path.join(dir, 'core.js');
    fs.writeFileSync(script, 'process.exit(2);');
    const lines: string[] = [];
    const supervisor = supervise({ script, args: [], say: (l) => lines.push(l) });
    await waitFor(() => lines.length > 0);
    expect(lines).toEqual(['kiosk core exited with code 2; not restarting']);
    await supervisor.stop();
    process.exitCode = 0;
  });
});
