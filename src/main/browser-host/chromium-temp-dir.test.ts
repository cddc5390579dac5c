import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { launchChromiumKiosk, stopChromium } from './chromium';

/**
 * Chromium's temporary files (its singleton socket's `org.chromium.Chromium.*` directory, left behind whenever it does
 * not exit cleanly) go into a directory the host made for that launch and removes once Chromium has exited. A stand-in
 * Chromium (a shell script) makes that directory in the $TMPDIR it was given, says where, and does not clean up. It
 * ignores SIGTERM, when asked to, before it says where: the test stops it as soon as it has (a trap set after that
 * was raced by the stop: the stand-in died by SIGTERM in one CI run). Its helper's pid is written, whole, before it says
 * where: a stop that came while the pid file was still empty made the clean-up read pid 0, and `process.kill(0)` is
 * the whole process group, the test run with it (a loop of that race left an empty file in 14 of 400 stops).
 */
const FAKE_CHROMIUM = `#!/bin/sh
if [ "$IGNORE_TERM" = 1 ]; then trap '' TERM; fi
profile="\${1#--user-data-dir=}"
mkdir -p "$TMPDIR/org.chromium.Chromium.stand-in"
if [ "$LEAVE_HELPER" = 1 ]; then sleep 25 & echo $! > "$profile/helper.pid.tmp" && mv "$profile/helper.pid.tmp" "$profile/helper.pid"; fi
printf '%s' "$TMPDIR" > "$profile/tmpdir.tmp" && mv "$profile/tmpdir.tmp" "$profile/tmpdir"
while :; do sleep 1; done
`;

/** Kills the stand-in's helper by the pid it wrote; anything but a real pid is refused (0 or -1 would be a group). */
function killHelper(pidText: string): void {
  const pid = Number(pidText.trim());
  if (!/^\d+$/.test(pidText.trim()) || pid <= 1) throw new Error(`the stand-in's helper.pid is not a pid: ${JSON.stringify(pidText)}`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // it ended by itself already
  }
}

describe("the kiosk Chromium's temporary directory", () => {
  let dir: string;
  let executable: string;
  const browsers: ChildProcess[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-temp-'));
    executable = path.join(dir, 'chromium');
    fs.writeFileSync(executable, FAKE_CHROMIUM, { mode: 0o700 });
  });
  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((b) => stopChromium(b, 200))); // a test that failed half-way
    const helper = path.join(dir, 'data', 'chromium-profile', 'helper.pid');
    if (fs.existsSync(helper)) killHelper(fs.readFileSync(helper, 'utf8')); // nothing outlives the test
    delete process.env.IGNORE_TERM;
    delete process.env.LEAVE_HELPER;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const launch = () => {
    const browser = launchChromiumKiosk({ executable, url: 'http://127.0.0.1:4100/launch?code=x', dataDir: path.join(dir, 'data'), headless: true });
    browsers.push(browser);
    return browser;
  };
  const tmpdirOf = async () => {
    const file = path.join(dir, 'data', 'chromium-profile', 'tmpdir');
    while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
    return fs.readFileSync(file, 'utf8');
  };

  it('is one of its own, not the shared one, and is gone once Chromium stopped with SIGTERM', async () => {
    const browser = launch();
    const tmp = await tmpdirOf();
    expect(path.dirname(tmp)).toBe(os.tmpdir());
    expect(fs.existsSync(path.join(tmp, 'org.chromium.Chromium.stand-in'))).toBe(true);
    await stopChromium(browser);
    expect(browser.signalCode).toBe('SIGTERM');
    expect(fs.existsSync(tmp)).toBe(false);
    expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('org.chromium.'))).toEqual([]);
  });

  it('is gone too when Chromium ignores SIGTERM and is killed after the grace', async () => {
    process.env.IGNORE_TERM = '1';
    const browser = launch();
    const tmp = await tmpdirOf();
    await stopChromium(browser, 200);
    expect(browser.signalCode).toBe('SIGKILL');
    expect(fs.existsSync(tmp)).toBe(false);
  });

  it('is gone once Chromium exited, even while a helper it left still holds its pipes (a stop does not wait for those)', async () => {
    process.env.LEAVE_HELPER = '1'; // a helper that outlives the stand-in by 25 s, with its fds 3 and 4
    const browser = launch();
    const tmp = await tmpdirOf();
    await stopChromium(browser); // the test's own timeout is longer than the helper: without the fix it fails here
    expect(browser.signalCode).toBe('SIGTERM');
    expect(fs.existsSync(tmp)).toBe(false);
    // The host let go of its ends of the pipes the helper still holds (else they stay open until the helper ends).
    expect(browser.stdio[3]?.destroyed).toBe(true);
    expect(browser.stdio[4]?.destroyed).toBe(true);
  }, 20_000);

  it('is gone when Chromium ended by itself (a crash), and stopping it then only waits', async () => {
    const browser = launch();
    const tmp = await tmpdirOf();
    process.kill(browser.pid!, 'SIGKILL');
    await stopChromium(browser);
    expect(fs.existsSync(tmp)).toBe(false);
  });

  it('is gone when Chromium could not be started at all', async () => {
    const ours = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('kc-'));
    const before = ours();
    executable = path.join(dir, 'no-such-chromium');
    const browser = launch();
    const failed = new Promise((resolve) => browser.once('error', resolve));
    // Stopped before the spawn's error event, as a host stopping at once would: Node's kill would go to a pid libuv
    // never set (kill(0) is this test run's whole process group), so nothing may be signalled.
    const kill = jest.spyOn(browser, 'kill').mockReturnValue(false); // never really sent, should a change call it
    await stopChromium(browser);
    await failed;
    expect(kill).not.toHaveBeenCalled();
    expect(ours()).toEqual(before);
  });
});
