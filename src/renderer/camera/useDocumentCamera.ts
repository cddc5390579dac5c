import { useCallback, useEffect, useRef, useState } from 'react';
import { useAliveEffect } from '../hooks/use-alive-effect';
import { encodeJpegWithinLimit, blobToBase64 } from './jpeg';
import { findPageBounds, scaleRect, StillnessDetector, toGrey, type Rect } from './page-analysis';

/** One captured page, ready for the submission (base64) and for a thumbnail (blob). */
export interface CapturedImage {
  mime: 'image/jpeg';
  dataBase64: string;
  blob: Blob;
  width: number;
  height: number;
  bytes: number;
  /** Whether a page was found and the picture cropped to it. */
  cropped: boolean;
}

export interface DocumentCameraOptions {
  /** Pick the camera whose label contains this (from the site config), else by device id, else the first one. */
  cameraLabel?: string | undefined;
  cameraDeviceId?: string | undefined;
  /** Requested resolution; the camera gives what it can. */
  width?: number | undefined;
  height?: number | undefined;
  /** The county's limit for one page. */
  maxBytes?: number | undefined;
  autoCapture?: boolean | undefined;
  onCapture: (image: CapturedImage) => void;
  /** The camera's own capture button (HID): e.g. `(press) => client.on('camera.buttonPressed', press)`. */
  subscribeCaptureButton?: ((press: () => void) => () => void) | undefined;
  /** Told when the preview starts and stops, e.g. to switch the camera light through `camera.light`. */
  onLiveChange?: ((live: boolean) => void) | undefined;
}

/** 'disconnected': the picture was live and its device went away; it comes back by itself when plugged in. */
export type CameraState = 'starting' | 'live' | 'unavailable' | 'denied' | 'disconnected';

const SAMPLE_W = 96;
const SAMPLE_H = 72;
const SAMPLE_MS = 250;

export async function chooseDevice(label: string | undefined, deviceId: string | undefined): Promise<string | undefined> {
  if (!label && !deviceId) return undefined;
  const devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  const byLabel = label ? devices.find((d) => d.label.includes(label)) : undefined;
  const byId = deviceId ? devices.find((d) => d.deviceId === deviceId) : undefined;
  return (byLabel ?? byId)?.deviceId;
}

/**
 * The document camera (高拍仪) in the page: live preview through getUserMedia, capture cropped to the page and
 * encoded as a JPEG within the size limit, and optional auto-capture when the picture has been still.
 */
export function useDocumentCamera(options: DocumentCameraOptions) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [pageInView, setPageInView] = useState(false);
  const [busy, setBusy] = useState(false);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const busyRef = useRef(false);
  const { cameraLabel, cameraDeviceId, width, height } = options;

  // Bumped when the OS's device list changes while the camera is gone, so the stream is asked for again.
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);
  /** Set once the picture was lost (USB pulled): a failed re-acquisition then still reads "disconnected". */
  const lostRef = useRef(false);

  useAliveEffect((alive) => {
    let stream: MediaStream | null = null;
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no media devices', 'NotFoundError');
        const chosen = await chooseDevice(cameraLabel, cameraDeviceId);
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { ...(chosen ? { deviceId: { exact: chosen } } : {}), width: { ideal: width ?? 1920 }, height: { ideal: height ?? 1080 } },
        });
        if (!alive()) return stream.getTracks().forEach((t) => t.stop());
        const live = stream;
        // A track ends when its device goes away (USB pulled, driver reset): say so, and wait for it to come back.
        for (const track of live.getVideoTracks()) {
          track.addEventListener('ended', () => {
            if (!alive() || streamRef.current !== live) return;
            live.getTracks().forEach((t) => t.stop());
            streamRef.current = null;
            lostRef.current = true;
            setState('disconnected');
          });
        }
        streamRef.current = live;
        lostRef.current = false;
        setState('live');
      } catch (error) {
        if (!alive()) return;
        const name = (error as DOMException).name;
        setState(name === 'NotAllowedError' ? 'denied' : lostRef.current ? 'disconnected' : 'unavailable');
      }
    })();
    return () => {
      stream?.getTracks().forEach((t) => t.stop());
      if (streamRef.current === stream) streamRef.current = null;
    };
  }, [cameraLabel, cameraDeviceId, width, height, attempt]);

  // A camera that is missing, was pulled out or was refused is asked for again whenever a device is plugged in or
  // out, or the camera permission is granted again (the shell or a technician restoring it).
  useEffect(() => {
    if (state !== 'disconnected' && state !== 'unavailable' && state !== 'denied') return;
    const media = navigator.mediaDevices;
    const retry = () => setAttempt((n) => n + 1);
    media?.addEventListener?.('devicechange', retry);
    let permission: PermissionStatus | null = null;
    let gone = false;
    const onPermission = () => {
      if (permission?.state === 'granted') retry();
    };
    navigator.permissions
      ?.query({ name: 'camera' as PermissionName })
      .then((status) => {
        if (gone) return;
        permission = status;
        status.addEventListener('change', onPermission);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      media?.removeEventListener?.('devicechange', retry);
      permission?.removeEventListener('change', onPermission);
    };
  }, [state]);

  // The preview element may only exist once the state is live (the fault view has none): attach the stream then.
  useEffect(() => {
    const video = videoRef.current;
    const stream = streamRef.current;
    if (state !== 'live' || !video || !stream || video.srcObject === stream) return;
    video.srcObject = stream;
    void Promise.resolve()
      .then(() => video.play())
      .catch(() => undefined);
  }, [state]);

  const sample = useCallback((): { grey: ReturnType<typeof toGrey>; page: Rect | null } | null => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = SAMPLE_W;
    canvas.height = SAMPLE_H;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, SAMPLE_W, SAMPLE_H);
    const grey = toGrey(ctx.getImageData(0, 0, SAMPLE_W, SAMPLE_H).data, SAMPLE_W, SAMPLE_H);
    return { grey, page: findPageBounds(grey) };
  }, []);

  const capture = useCallback(async (): Promise<CapturedImage | null> => {
    const video = videoRef.current;
    if (!video || busyRef.current) return null;
    // The button shows as soon as the stream is live, a moment before the element has its first frame: a tap then
    // waits for that frame (at most 3 s) instead of being lost.
    if (video.videoWidth === 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          video.removeEventListener('loadeddata', done);
          resolve();
        };
        video.addEventListener('loadeddata', done);
        setTimeout(done, 3000);
      });
      if (video.videoWidth === 0) return null;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      const full = document.createElement('canvas');
      full.width = video.videoWidth;
      full.height = video.videoHeight;
      full.getContext('2d')!.drawImage(video, 0, 0);
      const analysed = sample();
      const crop = analysed?.page ? scaleRect(analysed.page, SAMPLE_W, SAMPLE_H, full.width, full.height) : null;
      let source = full;
      if (crop) {
        source = document.createElement('canvas');
        source.width = crop.width;
        source.height = crop.height;
        source.getContext('2d')!.drawImage(full, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
      }
      const jpeg = await encodeJpegWithinLimit(source, optionsRef.current.maxBytes ?? 500 * 1024);
      const image: CapturedImage = {
        mime: 'image/jpeg',
        dataBase64: await blobToBase64(jpeg.blob),
        blob: jpeg.blob,
        width: jpeg.width,
        height: jpeg.height,
        bytes: jpeg.blob.size,
        cropped: crop !== null,
      };
      optionsRef.current.onCapture(image);
      return image;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [sample]);

  // Auto-capture: sample the preview a few times a second and take the picture once it has been still.
  const autoCapture = options.autoCapture ?? false;
  const detectorRef = useRef(new StillnessDetector());
  useEffect(() => {
    if (state !== 'live') return;
    const timer = setInterval(() => {
      const s = sample();
      if (!s) return;
      setPageInView(s.page !== null);
      if (autoCapture && detectorRef.current.push(s.grey, s.page !== null)) void capture();
    }, SAMPLE_MS);
    return () => clearInterval(timer);
  }, [state, autoCapture, sample, capture]);

  const manualCapture = useCallback(async () => {
    detectorRef.current.captured();
    return capture();
  }, [capture]);

  // The hardware button and the light follow the preview's life.
  const { subscribeCaptureButton } = options;
  useEffect(() => {
    if (state !== 'live' || !subscribeCaptureButton) return;
    return subscribeCaptureButton(() => void manualCapture());
  }, [state, subscribeCaptureButton, manualCapture]);
  useEffect(() => {
    if (state !== 'live') return;
    optionsRef.current.onLiveChange?.(true);
    return () => optionsRef.current.onLiveChange?.(false);
  }, [state]);

  return { videoRef, state, pageInView, busy, capture: manualCapture };
}
