import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

/** Chromium's content-setting values in Preferences. */
const ALLOW = 1;
const BLOCK = 2;

/**
 * Sets the kiosk Chromium's profile before each start (issue 14 items 4 and 18):
 * - camera for the kiosk page's own origin only; every other origin is blocked, and the microphone for all (the
 *   kiosk never records sound). Chromium applies these from `Default/Preferences` without any prompt, so the
 *   auto-accept flag `--use-fake-ui-for-media-stream` (which granted media to any origin) is gone;
 * - no browsing history (`history.saving_disabled`), and history files from before are removed, so the spent
 *   one-time launch link is not kept on disk either.
 * Exceptions for earlier origins (the host's port may change between starts) are replaced, not accumulated.
 */
export function prepareKioskProfile(profileDir: string, origin: string): void {
  const dir = path.join(profileDir, 'Default');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'Preferences');
  let prefs: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) prefs = parsed as Record<string, unknown>;
  } catch {
    // none yet, or damaged: Chromium rebuilds the rest
  }
  const profile = objectAt(prefs, 'profile');
  Object.assign(objectAt(profile, 'default_content_setting_values'), { media_stream_camera: BLOCK, media_stream_mic: BLOCK });
  const exceptions = objectAt(objectAt(profile, 'content_settings'), 'exceptions');
  exceptions.media_stream_camera = { [`${origin},*`]: { setting: ALLOW } };
  exceptions.media_stream_mic = {};
  objectAt(prefs, 'history').saving_disabled = true;

  writeFileAtomic(file, JSON.stringify(prefs));
  for (const name of fs.readdirSync(dir)) {
    if (/^(History|Visited Links|Top Sites)(-journal)?$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function objectAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  parent[key] = fresh;
  return fresh;
}
