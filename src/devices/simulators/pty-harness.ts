import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Test and benchmark tooling: a socat pseudo-terminal pair and a reader simulator in another process on one end.
 * Needs `socat` (ENVIRONMENT.md) and tsx (the simulator runs from source).
 */

/** A socat pseudo-terminal pair: `host` and `device` are symlinks to the two ends. */
export interface PtyPair {
  host: string;
  device: string;
  stop(): Promise<void>;
}

export async function startPtyPair(dir: string): Promise<PtyPair> {
  const host = path.join(dir, 'host');
  const device = path.join(dir, 'device');
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const deadline = Date.now() + 5000;
  while (!(fs.existsSync(host) && fs.existsSync(device))) {
    if (Date.now() > deadline || socat.exitCode !== null) throw new Error('socat did not make the pty pair');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { host, device, stop: () => stopProcess(socat) };
}

/**
 * Stops a child with SIGTERM and waits for its exit. One that was never started (no pid: its spawn failed) is not
 * signalled: Node would call kill(2) with a pid libuv never set, 0 among them, the test run's own process group
 * (src/main/browser-host/child-signal.ts says more; the devices layer does not import the main process's code).
 */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The card reader simulator in another process (run from source with tsx), driven through its stdin. */
export interface SimulatorProcess {
  send(command: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startSimulatorProcess(device: 'idCard' | 'ssCard', port: string, baud = 115200): Promise<SimulatorProcess> {
  // From source under jest/tsx, from dist/ when built.
  const source = path.join(__dirname, 'serial-simulator-main.ts');
  const entry = fs.existsSync(source) ? ['--import', 'tsx', source] : [path.join(__dirname, 'serial-simulator-main.js')];
  const child = spawn(process.execPath, [...entry, '--device', device, '--port', port, '--baud', String(baud)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: Array<(line: string) => void> = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = (ms = 15000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('simulator process did not answer')), ms);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const ready = await nextLine();
  if (ready !== 'ready') throw new Error(`simulator said ${ready}`);
  return {
    send: async (command) => {
      const answer = nextLine();
      child.stdin!.write(`${command}\n`);
      const line = await answer;
      if (line !== 'ok') throw new Error(`simulator: ${line}`);
    },
    stop: () => stopProcess(child),
  };
}
