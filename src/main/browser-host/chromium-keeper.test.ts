import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromiumKiosk, type ChromiumExit } from './chromium';
import { keepChromiumRunning, type KeptChromium } from './chromium-keeper';

/**
 * The host keeps the kiosk's Chromium running. A stand-in Chromium (a shell script) records each start's launch URL;
 * on its first start it says why on stderr and exits 1 (as a Chromium that cannot open its display does), later
 * starts stay up until stopped.
 */
const FAKE_CHROMIUM = `#!/bin/sh
profile="\${1#--user-data-dir=}"
for last; do :; done
printf '%s\\n' "$last" >> "$profile/starts"
if [ ! -e "$profile/failed-once" ]; then
  : > "$profile/failed-once"
  echo "[1:1:ERROR:ozone_platform_x11.cc(240)] Missing X server or \\$DISPLAY" >&2
  exit 1
fi
exec sleep 600
`;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
};

describe('the kiosk Chromium, kept running', () => {
  let dir: string;
  let kept: KeptChromium | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-keeper-'));
    fs.writeFileSync(path.join(dir, 'chromium'), FAKE_CHROMIUM, { mode: 0o700 });
  });
  afterEach(async () => {
    await kept?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const starts = () => {
    const file = path.join(dir, 'data', 'chromium-profile', 'starts');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
  };

  it('is started again after it exits, each time with a new launch link, and says why it exited', async () => {
    const exits: Array<ChromiumExit & { restartInMs: number }> = [];
    const restarts: number[] = [];
    let code = 0;
    kept = keepChromiumRunning({
      launch: () => launchChromiumKiosk({ executable: path.join(dir, 'chromium'), url: `http://127.0.0.1:4100/launch?code=${++code}`, dataDir: path.join(dir, 'data'), headless: true }),
      onExit: (exit) => exits.push(exit),
      onRestart: ({ attempt }) => restarts.push(attempt),
    });
    await until(() => starts().length === 2);
    expect(starts()).toEqual(['http://127.0.0.1:4100/launch?code=1', 'http://127.0.0.1:4100/launch?code=2']);
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ code: 1, signal: null, restartInMs: 1000 });
    expect(exits[0]!.stderrTail).toContain('Missing X server or $DISPLAY');
    expect(restarts).toEqual([1]);
    const second = kept.current();
    expect(second?.exitCode).toBeNull();

    // Asked to stop: it is stopped, reported as nothing, and never started again.
    await kept.stop();
    expect(second?.signalCode).toBe('SIGTERM');
    expect(kept.current()).toBe(second);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(starts()).toHaveLength(2);
    expect(exits).toHaveLength(1);
    expect(restarts).toEqual([1]);
  });

  it('reports a start only when it happens: an exit followed by a stop during the wait reports none', async () => {
    const exits: Array<ChromiumExit & { restartInMs: number }> = [];
    const restarts: number[] = [];
    kept = keepChromiumRunning({
      launch: () => launchChromiumKiosk({ executable: path.join(dir, 'chromium'), url: 'http://127.0.0.1:4100/launch?code=1', dataDir: path.join(dir, 'data'), headless: true }),
      onExit: (exit) => exits.push(exit),
      onRestart: ({ attempt }) => restarts.push(attempt),
    });
    // As when the whole process group is stopped: Chromium's exit is read, then the host stops before the start is due.
    await until(() => exits.length === 1);
    await kept.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(restarts).toEqual([]);
    expect(starts()).toHaveLength(1);
  });

  it('waits longer each time it keeps exiting, and a launch that throws is tried again the same way', async () => {
    const exits: Array<ChromiumExit & { restartInMs: number }> = [];
    let calls = 0;
    kept = keepChromiumRunning({
      launch: () => {
        calls += 1;
        throw new Error('ENOSPC: no space left on device');
      },
      onExit: (exit) => exits.push(exit),
    });
    await until(() => calls === 3);
    expect(exits.slice(0, 2).map((exit) => exit.restartInMs)).toEqual([1000, 2000]);
    expect(exits[0]!.stderrTail).toContain('ENOSPC');
  }, 10_000);
});
