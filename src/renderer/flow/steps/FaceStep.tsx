import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../app/kiosk-context';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { useKioskError } from '../../hooks/use-kiosk-error';
import type { FaceResult } from '../flow-state';
import { StepForward } from './StepForward';

/**
 * The face check: the face module guides the resident (come closer, turn left...) through face.progress, and
 * answers with a live capture or liveness_failed. The image and its scores stay in the core; the screen keeps only the one-time capture id its submission names.
 */
export function FaceStep({ purpose, onCaptured }: { purpose: 'certification' | 'remodel' | 'cardPhoto'; onCaptured: (face: FaceResult) => void }) {
  const { t } = useTranslation('screens');
  const { client } = useKiosk();
  const [phase, setPhase] = useState<'ready' | 'capturing' | 'failed'>('ready');
  const [hint, setHint] = useState<string | null>(null);
  const { error, fail, clear } = useKioskError();

  useEffect(() => client.on('face.progress', (p) => setHint(p.step)), [client]);

  const start = () => {
    setPhase('capturing');
    clear();
    setHint(null);
    client.invoke('face.capture', { purpose }).then(onCaptured, (e: unknown) => {
      setPhase('failed');
      fail(e);
    });
  };

  return (
    <section className="face" aria-labelledby="face-title">
      <h2 id="face-title">{t('face.title')}</h2>
      <p>{t('face.instruction')}</p>
      {phase === 'capturing' ? (
        <p role="status" className="face__hint" data-face-hint={hint ?? 'waiting'}>
          {hint ? t(`face.hint.${hint}`, { defaultValue: t('face.hint.hold') }) : t('face.hint.hold')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <StepForward action="face-start" onClick={start} disabled={phase === 'capturing'}>
        {phase === 'failed' ? t('face.retry') : t('face.start')}
      </StepForward>
    </section>
  );
}
