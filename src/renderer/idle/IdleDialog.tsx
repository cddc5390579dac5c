import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The countdown dialog: how many seconds are left, and one big "continue". */
export function IdleDialog({ secondsLeft, onContinue, onFinish }: { secondsLeft: number; onContinue: () => void; onFinish: () => void }) {
  const { t } = useTranslation('screens');
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => continueButton.current?.focus(), []);
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text" aria-live="assertive">
          {t('idle.secondsLeft', { count: secondsLeft })}
        </p>
        <div className="dialog__actions">
          <button ref={continueButton} type="button" className="button button--primary" onClick={onContinue} data-testid="idle-continue">
            {t('idle.continue')}
          </button>
          <button type="button" className="button" onClick={onFinish}>
            {t('idle.finish')}
          </button>
        </div>
      </div>
    </div>
  );
}
