import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskError } from '../../shared/contract/errors';
import { useKiosk } from '../app/kiosk-context';

const FACE_OUTCOMES = ['pass', 'spoof', 'noFace', 'silent'] as const;

/**
 * The developer panel's part for the simulated printers and cameras: the receipt printer's paper and cover and what
 * it printed, the face module's next outcome, the document camera's button. Shown inside DevPanel.
 */
export function OutputDevicesPanel() {
  const { t } = useTranslation('simulators');
  const { client } = useKiosk();
  const [transcript, setTranscript] = useState<string | null>(null);
  const [lines, setLines] = useState(5);
  const [face, setFace] = useState<(typeof FACE_OUTCOMES)[number]>('pass');
  const [error, setError] = useState<string | null>(null);

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((e: unknown) => setError(e instanceof KioskError ? e.code : 'internal'));
  };
  const showTranscript = (clear: boolean) =>
    act(async () => {
      const r = await client.invoke('dev.printer.transcript', { clear });
      setTranscript(r.text);
    });

  return (
    <>
      <section data-testid="dev-printer">
        <h3>{t('devPanel.printer')}</h3>
        {(['present', 'low', 'out'] as const).map((state) => (
          <button key={state} type="button" data-testid={`dev-paper-${state}`} onClick={() => act(() => client.invoke('dev.printer.paper', { state }))}>
            {t(`devPanel.paper.${state}`)}
          </button>
        ))}
        <button type="button" data-testid="dev-cover-open" onClick={() => act(() => client.invoke('dev.printer.cover', { open: true }))}>
          {t('devPanel.coverOpen')}
        </button>
        <button type="button" data-testid="dev-cover-close" onClick={() => act(() => client.invoke('dev.printer.cover', { open: false }))}>
          {t('devPanel.coverClose')}
        </button>
        <label>
          {t('devPanel.runOutAfter')}
          <input type="number" min={0} max={500} value={lines} onChange={(e) => setLines(Number(e.target.value))} style={{ width: 56 }} />
        </label>
        <button type="button" data-testid="dev-run-out" onClick={() => act(() => client.invoke('dev.printer.runOutAfterLines', { lines }))}>
          {t('devPanel.apply')}
        </button>
        <button type="button" data-testid="dev-transcript" onClick={() => showTranscript(false)}>
          {t('devPanel.showPrinted')}
        </button>
        <button type="button" data-testid="dev-tear-off" onClick={() => showTranscript(true)}>
          {t('devPanel.tearOff')}
        </button>
        {transcript !== null ? (
          <pre data-testid="dev-transcript-text" style={{ maxHeight: 240, overflow: 'auto', fontSize: 11, background: 'var(--bg)' }}>
            {transcript}
          </pre>
        ) : null}
      </section>
      <section data-testid="dev-face">
        <h3>{t('devPanel.face')}</h3>
        <select data-testid="dev-face-outcome" value={face} onChange={(e) => setFace(e.target.value as (typeof FACE_OUTCOMES)[number])}>
          {FACE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`devPanel.faceOutcome.${o}`)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="dev-face-apply" onClick={() => act(() => client.invoke('dev.face.nextOutcome', { outcome: face }))}>
          {t('devPanel.apply')}
        </button>
      </section>
      <section data-testid="dev-camera">
        <h3>{t('devPanel.camera')}</h3>
        <button type="button" data-testid="dev-camera-press" onClick={() => act(() => client.invoke('dev.camera.press', {}))}>
          {t('devPanel.pressButton')}
        </button>
      </section>
      {error ? (
        <p role="alert" className="dev-panel__error">
          {t(`errors:${error}.title`)}
        </p>
      ) : null}
    </>
  );
}
