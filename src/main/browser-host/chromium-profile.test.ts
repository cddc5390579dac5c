import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs } from './chromium';
import { prepareKioskProfile } from './chromium-profile';

describe('the kiosk Chromium profile and arguments', () => {
  it('grants the camera to the current kiosk origin only, replacing an earlier port, and drops old history', () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-profile-'));
    prepareKioskProfile(profile, 'http://127.0.0.1:4100');
    const prefsFile = path.join(profile, 'Default', 'Preferences');
    // Chromium adds its own settings meanwhile, and history from before this start is on disk.
    const written = JSON.parse(fs.readFileSync(prefsFile, 'utf8')) as { profile: Record<string, unknown> };
    written.profile.name = 'Person 1';
    fs.writeFileSync(prefsFile, JSON.stringify(written));
    fs.writeFileSync(path.join(profile, 'Default', 'History'), 'old history');
    fs.writeFileSync(path.join(profile, 'Default', 'History-journal'), '');

    prepareKioskProfile(profile, 'http://127.0.0.1:4200');
    const prefs = JSON.parse(fs.readFileSync(prefsFile, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(prefs.profile.name).toBe('Person 1');
    expect(prefs.profile.default_content_setting_values).toEqual({ media_stream_camera: 2, media_stream_mic: 2 });
    expect(prefs.profile.content_settings.exceptions.media_stream_camera).toEqual({ 'http://127.0.0.1:4200,*': { setting: 1 } });
    expect(prefs.profile.content_settings.exceptions.media_stream_mic).toEqual({});
    expect(prefs.history.saving_disabled).toBe(true);
    expect(fs.readdirSync(path.join(profile, 'Default')).sort()).toEqual(['Preferences']);
    expect(fs.statSync(prefsFile).mode & 0o777).toBe(0o600);
  });

  it('never starts Chromium with the flag that granted media to every origin, nor a debugging port', () => {
    for (const headless of [true, false]) {
      const args = chromiumArgs({ url: 'http://127.0.0.1:4200/launch?code=x', profile: '/tmp/p', headless });
      expect(args).not.toContain('--use-fake-ui-for-media-stream');
      expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
      expect(args[args.length - 1]).toBe('http://127.0.0.1:4200/launch?code=x');
    }
  });
});
