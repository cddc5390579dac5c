import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { frameQuality, type FrameQuality } from '../camera/frame-quality';
import { toGrey } from '../camera/page-analysis';
import { chooseDevice } from '../camera/useDocumentCamera';
import { useAction } from './use-action';
import { ActionButton } from './ActionButton';

const SAMPLE_W = 320;
const SAMPLE_H = 240;

/** Grabs one frame from the document camera the site config names and reads its brightness and focus. */
async function grabFrame(settings: { label: string | null; deviceId: string | null; width: number; height: number }): Promise<FrameQuality> {
  const chosen = await chooseDevice(settings.label ?? undefined, settings.deviceId ?? undefined);
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { ...(chosen ? { deviceId: { exact: chosen } } : {}), width: { ideal: settings.width }, height: { ideal: settings.height } },
  });
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    if (video.videoWidth === 0) await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = SAMPLE_W;
    canvas.height = SAMPLE_H;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(video, 0, 0, SAMPLE_W, SAMPLE_H);
    return frameQuality(toGrey(ctx.getImageData(0, 0, SAMPLE_W, SAMPLE_H).data, SAMPLE_W, SAMPLE_H));
  } finally {
    stream.getTracks().forEach((t) => t.stop());
  }
}

export function CameraFrameCheck() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const grab = useAction(async () => grabFrame(await client.invoke('camera.settings', {})));
  return (
    <div className="technician__row" data-camera-frame-check>
      <ActionButton action={grab} data-camera-grab>
        {t('camera.grab')}
      </ActionButton>
      {grab.result ? (
        <p role="status" data-camera-verdict={grab.result.verdict} data-brightness={grab.result.brightness} data-focus={grab.result.focus}>
          {t('camera.reading', { brightness: grab.result.brightness, focus: grab.result.focus })} · {t(`camera.verdict.${grab.result.verdict}`)}
        </p>
      ) : null}
      {grab.error ? <p role="alert">{t('camera.unavailable')}</p> : null}
    </div>
  );
}
