import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentCamera, type CapturedImage, type DocumentCameraOptions } from './useDocumentCamera';
import { TickBox } from '../screens/TickBox';

export interface DocumentCameraCaptureProps extends Omit<DocumentCameraOptions, 'onCapture' | 'autoCapture'> {
  /** The capture button's words (the screen says what is being photographed). */
  label: string;
  disabled?: boolean;
  /** Start with auto-capture on (the resident can switch it off). */
  autoCapture?: boolean;
  onCapture: (image: CapturedImage) => void;
}

/**
 * Live preview of the document camera with a big capture button, auto-capture when the page is still, and the
 * camera's faults in words. Thumbnails and retakes belong to the screen that keeps the pages.
 */
export function DocumentCameraCapture({ label, disabled = false, autoCapture: autoInitially = false, onCapture, ...options }: DocumentCameraCaptureProps) {
  const { t } = useTranslation('cameras');
  const [auto, setAuto] = useState(autoInitially);
  const [taken, setTaken] = useState(0);
  const camera = useDocumentCamera({
    ...options,
    autoCapture: auto && !disabled,
    onCapture: (image) => {
      setTaken((n) => n + 1);
      onCapture(image);
    },
  });

  if (camera.state === 'disconnected') {
    return (
      <div className="camera camera--fault" role="alert" data-camera-state={camera.state}>
        <p>{t('camera.disconnected')}</p>
        <p>{t('camera.reconnectHint')}</p>
      </div>
    );
  }
  if (camera.state === 'unavailable' || camera.state === 'denied') {
    return (
      <div className="camera camera--fault" role="alert" data-camera-state={camera.state}>
        <p>{camera.state === 'denied' ? t('camera.denied') : t('errors:camera_unavailable.title')}</p>
        <p>{t('errors:camera_unavailable.action')}</p>
      </div>
    );
  }

  return (
    <div className="camera" data-camera-state={camera.state} data-page-in-view={camera.pageInView ? 'yes' : 'no'}>
      <video ref={camera.videoRef} className="camera__preview" muted playsInline aria-label={t('camera.preview')} />
      <p className="camera__hint" role="status">
        {camera.busy ? t('camera.capturing') : camera.pageInView ? t('camera.pageFound') : t('camera.noPage')}
        {taken > 0 ? ` · ${t('camera.captured', { count: taken })}` : ''}
      </p>
      <TickBox ticked={auto} onChange={setAuto} data={{ 'data-action': 'auto-capture' }}>
        {t('camera.autoCapture')}
      </TickBox>
      <button
        type="button"
        className="button button--primary button--big"
        data-action="capture"
        disabled={disabled || camera.state !== 'live' || camera.busy}
        onClick={() => void camera.capture()}
      >
        {label}
      </button>
    </div>
  );
}
