import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { usePolled } from './use-polled';

/** The device's recent frames, refreshed every second; the core has already left personal payloads out. */
export function FrameLogView({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const [paused, setPaused] = useState(false);
  const frames = usePolled(() => client.invoke('devices.frames', { deviceId, limit: 40 }), paused ? null : 1000, [client, deviceId]);
  const list = frames.value?.frames ?? [];
  return (
    <section className="technician__frames" aria-labelledby="technician-frames-title" data-technician-frames>
      <div className="technician__row">
        <h4 id="technician-frames-title">{t('frames.title')}</h4>
        <button type="button" className="button" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
          {paused ? t('frames.resume') : t('frames.pause')}
        </button>
      </div>
      {list.length === 0 ? (
        <p>{t('frames.empty')}</p>
      ) : (
        <ol className="technician__frame-list" tabIndex={0} aria-labelledby="technician-frames-title">
          {list.map((f, i) => (
            <li key={`${f.at}-${i}`} data-direction={f.direction}>
              <span className="technician__frame-time">{f.at.slice(11, 23)}</span> <span>{t(`frames.${f.direction}`)}</span> <code>{f.hex}</code>
              {f.note ? <span className="technician__frame-note"> {f.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
