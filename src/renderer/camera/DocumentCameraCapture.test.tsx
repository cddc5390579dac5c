/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, render, screen, waitFor } from '@testing-library/react';
import { resources } from '../../shared/locales';
import { setupI18n } from '../i18n/setup';
import { DocumentCameraCapture } from './DocumentCameraCapture';

/**
 * The document camera's video pulled out and plugged back in, as the screen sees it. jsdom has no media devices, and
 * Chromium's fake camera offers no way to end its track from outside (docs/technician.md), so the browser's side is a
 * stand-in here: a MediaStreamTrack that fires 'ended' as Chromium does when its device goes away, and a
 * navigator.mediaDevices that fires 'devicechange' and refuses getUserMedia while nothing is plugged in.
 */
class TrackStandIn extends EventTarget {
  readonly kind = 'video';
  stopped = false;
  stop(): void {
    this.stopped = true;
  }
  /** The USB cable pulled: the browser ends the track (stop() is not called by the page). */
  unplug(): void {
    this.dispatchEvent(new Event('ended'));
  }
}

function streamOf(track: TrackStandIn): MediaStream {
  return { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
}

class MediaDevicesStandIn extends EventTarget {
  plugged = true;
  calls = 0;
  tracks: TrackStandIn[] = [];
  getUserMedia = (): Promise<MediaStream> => {
    this.calls += 1;
    if (!this.plugged) return Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    const track = new TrackStandIn();
    this.tracks.push(track);
    return Promise.resolve(streamOf(track));
  };
  enumerateDevices = (): Promise<MediaDeviceInfo[]> => Promise.resolve([]);
  change(plugged: boolean): void {
    this.plugged = plugged;
    this.dispatchEvent(new Event('devicechange'));
  }
}

const stateOf = (container: HTMLElement) => container.querySelector('[data-camera-state]')?.getAttribute('data-camera-state');

describe('document camera video: pulled out and plugged back in', () => {
  let media: MediaDevicesStandIn;
  beforeEach(() => {
    media = new MediaDevicesStandIn();
    Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true });
    // jsdom plays no video; the preview's play() is not what is tested here.
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  // The words come from the locales (no Chinese literal in renderer source), as each language's shipped text.
  for (const [language, words] of [
    ['en', resources.en.cameras.camera.disconnected],
    ['zh-CN', resources['zh-CN'].cameras.camera.disconnected],
  ] as const) {
    it(`says so in words (${language}) when the track ends and takes the picture again when the camera is back, without a reload`, async () => {
      await setupI18n(language);
      const { container } = render(<DocumentCameraCapture label="photo" onCapture={() => undefined} />);
      await waitFor(() => expect(stateOf(container)).toBe('live'));
      const first = media.tracks[0]!;
      expect((container.querySelector('video') as HTMLVideoElement & { srcObject: unknown }).srcObject).toBeTruthy();

      media.plugged = false;
      act(() => first.unplug());
      await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(words));
      expect(stateOf(container)).toBe('disconnected');
      expect(first.stopped).toBe(true);

      // Another device changing while the camera is still away: asked again, still disconnected (not "unavailable").
      const before = media.calls;
      act(() => media.change(false));
      await waitFor(() => expect(media.calls).toBe(before + 1));
      expect(stateOf(container)).toBe('disconnected');

      act(() => media.change(true));
      await waitFor(() => expect(stateOf(container)).toBe('live'));
      const second = media.tracks[1]!;
      expect(second).toBeDefined();
      const video = container.querySelector('video') as HTMLVideoElement & { srcObject: MediaStream };
      expect(video.srcObject.getVideoTracks()[0]).toBe(second);
      expect(screen.queryByRole('alert')).toBeNull();

      // The new track is watched too: a second pull is seen again.
      act(() => second.unplug());
      await waitFor(() => expect(stateOf(container)).toBe('disconnected'));
    });
  }
});
